import { test } from 'node:test';
import assert from 'node:assert/strict';
import { normalCdf } from './normal-cdf.ts';

// scipy.special.ndtr(x), scipy 1.17
const REFERENCE: [number, number][] = [
  [-20, 2.7536241186061556e-89], [-8.5, 9.47953482220325e-18], [-5, 2.866515718791933e-7],
  [-3, 0.0013498980316300933], [-1.5, 0.06680720126885807], [-1, 0.15865525393145707],
  [-0.3, 0.3820885778110474], [-1e-9, 0.49999999960105773], [0, 0.5], [0.2, 0.579259709439103],
  [1, 0.8413447460685429], [1.959963984540054, 0.975], [2.5, 0.9937903346742238], [6, 0.9999999990134123],
];

test('normalCdf matches scipy.special.ndtr with full relative accuracy in the lower tail', () => {
  for (const [x, e] of REFERENCE) {
    const got = normalCdf(x);
    assert.ok(Math.abs(got - e) <= 1e-13 * e, `x = ${x}: ${got} vs ${e}`);
  }
});

test('normalCdf symmetry and limits', () => {
  for (const x of [0.1, 0.7, 1.3, 2.9]) assert.ok(Math.abs(normalCdf(x) + normalCdf(-x) - 1) < 1e-15);
  assert.equal(normalCdf(-40), 0);
  assert.equal(normalCdf(9), 1);
  assert.equal(normalCdf(Infinity), 1);
  assert.equal(normalCdf(-Infinity), 0);
  assert.ok(Number.isNaN(normalCdf(NaN)));
});
