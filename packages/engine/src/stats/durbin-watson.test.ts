import { test } from 'node:test';
import assert from 'node:assert/strict';
import { durbinWatson } from './durbin-watson.ts';
import { AR200, NORMAL200, SKEWED60, SMALL, close } from '../../test/reference-data.ts';

test('durbinWatson matches the textbook formula computed with numpy', () => {
  // d = sum(diff(e)**2) / sum(e**2); z = sqrt(n)(d − 2)/2; p = 2·scipy.stats.norm.cdf(−|z|)
  const ref: [string, number[], number, number][] = [
    ['SMALL', SMALL, 0.11053984575835478, 0.002812703826555524],
    ['NORMAL200', NORMAL200, 2.095252199877228, 0.5006071395485392],
    ['AR200', AR200, 0.9429112767495033, 7.735308920266353e-14],
    ['SKEWED60', SKEWED60, 0.8309473607302237, 5.962311758249025e-6],
  ];
  for (const [name, e, d, p] of ref) {
    const r = durbinWatson(e);
    close(r.statistic, d, 1e-12, `${name} d`);
    close(r.pValue, p, 1e-9, `${name} p`);
    close(r.autocorrelation, 1 - d / 2, 1e-12, `${name} rho`);
  }
});

test('durbinWatson by hand: alternating and constant-sign residuals', () => {
  assert.equal(durbinWatson([1, -1, 1, -1]).statistic, 3);
  assert.equal(durbinWatson([1, 1, 1, 1]).statistic, 0);
  assert.throws(() => durbinWatson([0, 0, 0]), /all zero/);
  assert.throws(() => durbinWatson([1]), /at least 2/);
});
