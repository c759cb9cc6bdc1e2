import { test } from 'node:test';
import assert from 'node:assert/strict';
import { regularizedGammaP, regularizedGammaQ } from './regularized-gamma.ts';
import { close } from '../../test/reference-data.ts';

test('regularizedGammaP matches scipy.special.gammainc(a, x)', () => {
  const ref: [number, number, number][] = [
    [0.5, 0.1, 0.34527915398142317], [0.5, 2, 0.9544997361036415], [1, 2, 0.8646647167633873],
    [2.5, 1, 0.15085496391539038], [3, 10, 0.9972306042844884], [10, 3, 0.0011024881301154815],
    [10, 12, 0.7576078383294875], [50, 45, 0.24680203440017026], [100, 130, 0.9972495916326934],
    [0.1, 0.01, 0.6626212599544796], [7.5, 30, 0.9999997477914921], [250, 260, 0.7406105173923527],
  ];
  for (const [a, x, e] of ref) close(regularizedGammaP(a, x), e, 1e-12, `P(${a}, ${x})`);
});

test('regularizedGammaQ matches scipy.special.gammaincc(a, x), including deep tails', () => {
  const ref: [number, number, number][] = [
    [0.5, 0.1, 0.6547208460185768], [0.5, 2, 0.04550026389635857], [1, 2, 0.1353352832366127],
    [2.5, 1, 0.8491450360846096], [3, 10, 0.0027693957155115775], [10, 3, 0.9988975118698845],
    [10, 12, 0.24239216167051245], [50, 45, 0.7531979655998298], [100, 130, 0.002750408367306518],
    [0.1, 0.01, 0.3373787400455204], [7.5, 30, 2.522085078696141e-7], [3, 80, 5.921717403520811e-32],
  ];
  for (const [a, x, e] of ref) close(regularizedGammaQ(a, x), e, 1e-11, `Q(${a}, ${x})`);
});

test('P(1, x) = 1 − e^−x, P + Q = 1, and the limits', () => {
  for (const x of [0.01, 0.5, 1, 3, 20]) {
    close(regularizedGammaP(1, x), -Math.expm1(-x), 1e-14, `P(1, ${x})`);
    for (const a of [0.3, 2, 40]) {
      assert.ok(Math.abs(regularizedGammaP(a, x) + regularizedGammaQ(a, x) - 1) < 1e-14);
    }
  }
  assert.equal(regularizedGammaP(2, 0), 0);
  assert.equal(regularizedGammaQ(2, 0), 1);
  assert.equal(regularizedGammaP(2, Infinity), 1);
  assert.throws(() => regularizedGammaP(0, 1), /a > 0/);
  assert.throws(() => regularizedGammaQ(1, -1), /x ≥ 0/);
});
