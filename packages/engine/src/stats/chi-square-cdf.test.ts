import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chiSquareCdf, chiSquareSurvival } from './chi-square-cdf.ts';
import { close } from '../../test/reference-data.ts';

test('chiSquareCdf matches scipy.stats.chi2.cdf(x, k)', () => {
  const ref: [number, number, number][] = [
    [0.5, 1, 0.5204998778130466], [3.841458820694124, 1, 0.9500000000000001], [2, 2, 0.6321205588285577],
    [10, 3, 0.9814338645369568], [15.3, 10, 0.8784988303694774], [0.01, 4, 1.2458411354275082e-5],
    [100, 80, 0.935429631078867], [30, 2.5, 0.9999993252508148],
  ];
  for (const [x, k, e] of ref) close(chiSquareCdf(x, k), e, 1e-12, `cdf(${x}, ${k})`);
});

test('chiSquareSurvival matches scipy.stats.chi2.sf(x, k), including tiny tails', () => {
  const ref: [number, number, number][] = [
    [0.5, 1, 0.47950012218695337], [5.991464547107979, 2, 0.05000000000000007], [50, 2, 1.3887943864964e-11],
    [10, 3, 0.01856613546304325], [15.3, 10, 0.1215011696305226], [200, 10, 1.6139305336977317e-37],
    [100, 80, 0.064570368921133],
  ];
  for (const [x, k, e] of ref) close(chiSquareSurvival(x, k), e, 1e-11, `sf(${x}, ${k})`);
  assert.equal(chiSquareSurvival(1500, 2), 0);
});

test('two degrees of freedom is the exponential closed form; edges', () => {
  for (const x of [0.1, 1, 7, 30]) close(chiSquareSurvival(x, 2), Math.exp(-x / 2), 1e-14, `x = ${x}`);
  assert.equal(chiSquareCdf(-1, 3), 0);
  assert.equal(chiSquareSurvival(0, 3), 1);
  assert.throws(() => chiSquareCdf(1, 0), /df > 0/);
});
