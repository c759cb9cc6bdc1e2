import { test } from 'node:test';
import assert from 'node:assert/strict';
import { regularizedBeta } from './regularized-beta.ts';

test('regularizedBeta matches scipy.special.betainc(a, b, x)', () => {
  // [x, a, b, betainc(a, b, x)]
  const ref: [number, number, number, number][] = [
    [0.5, 2, 3, 0.6875], [0.1, 0.5, 0.5, 0.20483276469913345], [0.9, 0.5, 0.5, 0.7951672353008665],
    [0.3, 5, 10, 0.4157988137806496], [0.7, 5, 10, 0.99833433695065], [0.999, 50, 2, 0.9987659096068829],
    [0.01, 2, 100, 0.26793531745354093], [0.5, 200, 300, 0.9999964565197356], [0.2, 1, 1, 0.2],
    [1e-5, 0.5, 5, 0.007782063918018752],
  ];
  for (const [x, a, b, e] of ref) {
    const got = regularizedBeta(x, a, b);
    assert.ok(Math.abs(got - e) <= 1e-12 * e, `I_${x}(${a}, ${b}): ${got} vs ${e}`);
  }
});

test('closed forms: I_x(a, 1) = x^a, I_x(1, b) = 1 − (1−x)^b, symmetry', () => {
  for (const x of [0.05, 0.4, 0.93]) {
    assert.ok(Math.abs(regularizedBeta(x, 3.5, 1) - x ** 3.5) < 1e-14);
    assert.ok(Math.abs(regularizedBeta(x, 1, 2.5) - (1 - (1 - x) ** 2.5)) < 1e-14);
    assert.ok(Math.abs(regularizedBeta(x, 2.2, 7) + regularizedBeta(1 - x, 7, 2.2) - 1) < 1e-14);
  }
  assert.equal(regularizedBeta(0, 2, 3), 0);
  assert.equal(regularizedBeta(1, 2, 3), 1);
  assert.throws(() => regularizedBeta(1.1, 2, 3), /x in \[0, 1\]/);
  assert.throws(() => regularizedBeta(0.5, 0, 3), /a > 0/);
});
