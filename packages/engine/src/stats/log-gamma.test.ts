import { test } from 'node:test';
import assert from 'node:assert/strict';
import { logGamma } from './log-gamma.ts';

// scipy.special.gammaln(x), scipy 1.17
const REFERENCE: [number, number][] = [
  [1e-8, 18.42068073818021], [0.1, 2.252712651734206], [0.5, 0.5723649429247], [1.5, -0.12078223763524526],
  [2.5, 0.2846828704729192], [3.7, 1.428072326665388], [10, 12.801827480081469], [57.3, 173.56386827969146],
  [171.5, 709.1431630309283], [1e4, 82099.71749644238], [1e7, 151180949.36947393], [-0.5, 1.2655121234846454],
  [-2.3, 0.36956666345500805], [-10.7, -15.416789096416636],
];

test('logGamma matches scipy.special.gammaln', () => {
  for (const [x, expected] of REFERENCE) {
    const got = logGamma(x);
    assert.ok(Math.abs(got - expected) <= 2e-14 * Math.max(1, Math.abs(expected)), `x = ${x}: ${got} vs ${expected}`);
  }
});

test('logGamma is ln((n−1)!) at integers and 0 at 1 and 2', () => {
  let fact = 1;
  for (let n = 1; n <= 20; n++) {
    if (n > 1) fact *= n - 1;
    assert.ok(Math.abs(logGamma(n) - Math.log(fact)) < 1e-13 * Math.max(1, Math.log(fact)), `n = ${n}`);
  }
  assert.ok(Math.abs(logGamma(1)) < 1e-15 && Math.abs(logGamma(2)) < 1e-15);
});

test('logGamma has poles at non-positive integers and propagates NaN', () => {
  assert.equal(logGamma(0), Infinity);
  assert.equal(logGamma(-3), Infinity);
  assert.ok(Number.isNaN(logGamma(NaN)));
});
