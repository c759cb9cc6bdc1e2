import { test } from 'node:test';
import assert from 'node:assert/strict';
import { changepointBasis, changepointKnots } from './changepoints.ts';

function assertClose(actual: ArrayLike<number>, expected: ArrayLike<number>, tol: number): void {
  assert.equal(actual.length, expected.length);
  for (let i = 0; i < expected.length; i++) {
    assert.ok(Math.abs(actual[i] - expected[i]) <= tol, `index ${i}: ${actual[i]} vs ${expected[i]}`);
  }
}

test('changepointKnots: evenly spaced strictly inside the first 80% by default', () => {
  assertClose(changepointKnots(11, 1), [4], 1e-15); // 10·0.8·1/2
  assertClose(changepointKnots(11, 3), [2, 4, 6], 1e-14); // 10·0.8·k/4
  assertClose(changepointKnots(101, 4, { start: 0.2, end: 0.7 }), [30, 40, 50, 60], 1e-12);
  assert.equal(changepointKnots(5, 0).length, 0);
});

test('changepointBasis: hinge max(0, t − c)/(nTimes − 1), hand-computed', () => {
  const cols = changepointBasis(11, 1, {});
  assert.equal(cols.length, 1);
  assertClose(cols[0], [0, 0, 0, 0, 0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6], 1e-15);
  // fractional knot: nTimes 5, 1 changepoint, range [0, 1] → c = 2; range [0, 0.5] → c = 1
  assertClose(changepointBasis(5, 1, { end: 1 })[0], [0, 0, 0, 0.25, 0.5], 1e-15);
  assertClose(changepointBasis(5, 2, { end: 0.75 })[1], [0, 0, 0, 0.25, 0.5], 1e-15); // knots 1, 2
  assertClose(changepointBasis(4, 1, { end: 0.5 })[0], [0, 0.25 / 3, 1.25 / 3, 2.25 / 3], 1e-15); // knot 0.75
});

test('changepointBasis: linear trend plus hinges give a continuous piecewise-linear curve', () => {
  // slope 1 then slope 1 − 2 = −1 after the knot at 4 (nTimes 11): values t/10 − 2·max(0, t − 4)/10
  const hinge = changepointBasis(11, 1)[0];
  const y = hinge.map((h, t) => t / 10 - 2 * h);
  assertClose(y, [0, 0.1, 0.2, 0.3, 0.4, 0.3, 0.2, 0.1, 0, -0.1, -0.2], 1e-15);
});

test('changepointBasis: argument checks', () => {
  assert.throws(() => changepointBasis(1, 1), { code: 'INVALID_ARGUMENT', message: /nTimes/ });
  assert.throws(() => changepointBasis(10, -1), { code: 'INVALID_ARGUMENT', message: /nChangepoints/ });
  assert.throws(() => changepointBasis(10, 2, { start: 0.5, end: 0.5 }), { code: 'INVALID_ARGUMENT', message: /range/ });
  assert.throws(() => changepointBasis(10, 2, { end: 1.2 }), { code: 'INVALID_ARGUMENT', message: /range/ });
  assert.deepEqual(changepointBasis(1, 0), []);
});
