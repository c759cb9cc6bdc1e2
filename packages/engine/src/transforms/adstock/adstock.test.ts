import { test } from 'node:test';
import assert from 'node:assert/strict';
import { adstockWeights, applyAdstock, normaliseWeights } from './adstock.ts';
import { convolveLags } from './convolve-lags.ts';
import type { AdstockSpec } from './types.ts';

function assertClose(actual: ArrayLike<number>, expected: ArrayLike<number>, tol: number): void {
  assert.equal(actual.length, expected.length);
  for (let i = 0; i < expected.length; i++) {
    assert.ok(Math.abs(actual[i] - expected[i]) <= tol, `index ${i}: ${actual[i]} vs ${expected[i]}`);
  }
}

const half: AdstockSpec = { type: 'geometric', alpha: 0.5 };

test('geometric alpha 0.5 on a spike: unnormalised [1, .5, .25, .125], normalised / 1.875', () => {
  const x = Float64Array.of(1, 0, 0, 0);
  assertClose(applyAdstock(x, half, { maxLag: 3, normalised: false }), [1, 0.5, 0.25, 0.125], 1e-15);
  assertClose(applyAdstock(x, half, { maxLag: 3, normalised: true }), [1 / 1.875, 0.5 / 1.875, 0.25 / 1.875, 0.125 / 1.875], 1e-15);
  assertClose(adstockWeights(half, 3, true), [1 / 1.875, 0.5 / 1.875, 0.25 / 1.875, 0.125 / 1.875], 1e-15);
});

test('adstock runs over the full series: earlier spend carries into later periods', () => {
  // x = [2, 0, 4], alpha 0.5, maxLag 1: y = [2, 1, 4]
  assertClose(applyAdstock(Float64Array.of(2, 0, 4), half, { maxLag: 1, normalised: false }), [2, 1, 4], 1e-15);
  // delayed alpha 0.5 delay 1, maxLag 2, weights [0.5, 1, 0.5]: x = [2, 0, 4] → [1, 2, 3]
  const delayed: AdstockSpec = { type: 'delayed', alpha: 0.5, delay: 1 };
  assertClose(applyAdstock(Float64Array.of(2, 0, 4), delayed, { maxLag: 2, normalised: false }), [1, 2, 3], 1e-15);
  // normalised weights [0.25, 0.5, 0.25] → [0.5, 1, 1.5]
  assertClose(applyAdstock(Float64Array.of(2, 0, 4), delayed, { maxLag: 2, normalised: true }), [0.5, 1, 1.5], 1e-15);
});

test('a spike through a 52-lag convolution reproduces the weights and keeps unit mass', () => {
  const spec: AdstockSpec = { type: 'weibull-cdf', shape: 1.5, scale: 20 };
  const n = 80;
  const x = new Float64Array(n);
  x[10] = 1;
  const w = adstockWeights(spec, 52, true);
  const y = applyAdstock(x, spec, { maxLag: 52, normalised: true });
  const expected = new Float64Array(n);
  for (let l = 0; l <= 52; l++) expected[10 + l] = w[l];
  assertClose(y, expected, 1e-15);
  assert.ok(w[52] > 1e-4, 'the 52nd lag still carries weight'); // e^(−(52/20)^1.5) ≈ 0.015 before normalising
  assert.ok(Math.abs(y.reduce((a, b) => a + b, 0) - 1) < 1e-12);
});

test('maxLag 104 and beyond the scratch size: applyAdstock equals convolveLags with adstockWeights', () => {
  const n = 260;
  const x = new Float64Array(n);
  for (let t = 0; t < n; t++) x[t] = (t * 37) % 11;
  const specs: AdstockSpec[] = [
    { type: 'geometric', alpha: 0.9 },
    { type: 'delayed', alpha: 0.8, delay: 6 },
    { type: 'weibull-cdf', shape: 0.8, scale: 25 },
    { type: 'weibull-pdf', shape: 2.5, scale: 20 },
  ];
  for (const spec of specs) {
    for (const maxLag of [104, 200]) {
      for (const normalised of [false, true]) {
        const ref = convolveLags(x, adstockWeights(spec, maxLag, normalised));
        const y = applyAdstock(x, spec, { maxLag, normalised });
        const scale = Math.max(...ref);
        assertClose(y, ref, 1e-12 * scale);
      }
    }
  }
});

test('applyAdstock writes into out without allocating and rejects overlapping or mis-sized out', () => {
  const x = Float64Array.of(1, 2, 3);
  const out = new Float64Array(3);
  assert.equal(applyAdstock(x, half, { maxLag: 2, normalised: false }, out), out);
  assertClose(out, [1, 2.5, 4.25], 1e-15);
  assert.throws(() => applyAdstock(x, half, { maxLag: 2, normalised: false }, x), { code: 'INVALID_ARGUMENT', message: /share memory/ });
  const buf = new Float64Array(6);
  assert.throws(() => applyAdstock(buf.subarray(0, 3), half, { maxLag: 2, normalised: false }, buf.subarray(2, 5)), { code: 'INVALID_ARGUMENT' });
  assert.throws(() => applyAdstock(x, half, { maxLag: 2, normalised: false }, new Float64Array(2)), { code: 'SHAPE_MISMATCH' });
});

test('applyAdstock validates maxLag, params and the type', () => {
  const x = Float64Array.of(1, 2, 3);
  for (const maxLag of [-1, 1.5, NaN, 10_001]) {
    assert.throws(() => applyAdstock(x, half, { maxLag, normalised: true }), { code: 'INVALID_ARGUMENT', message: /maxLag must be an integer/ });
  }
  assert.throws(() => applyAdstock(x, { type: 'geometric', alpha: 1.5 }, { maxLag: 2, normalised: true }), { code: 'INVALID_ARGUMENT', message: /alpha/ });
  assert.throws(() => applyAdstock(x, { type: 'weibull-pdf', shape: 2, scale: 0 }, { maxLag: 2, normalised: true }), { code: 'INVALID_ARGUMENT', message: /scale/ });
  const bogus = JSON.parse('{"type":"hyperbolic","alpha":0.5}') as AdstockSpec;
  assert.throws(() => applyAdstock(x, bogus, { maxLag: 2, normalised: true }), { code: 'UNKNOWN_KERNEL', message: /geometric, delayed, weibull-cdf, weibull-pdf/ });
});

test('all-zero raw weights: normalised falls back to [1, 0, …] (no carryover), unnormalised stays 0', () => {
  // alpha 0.05, delay 50: every weight is exp(ln 0.05 · (l − 50)^2) = 0 in double precision
  const spec: AdstockSpec = { type: 'delayed', alpha: 0.05, delay: 50 };
  assert.deepEqual([...adstockWeights(spec, 3, false)], [0, 0, 0, 0]);
  assert.deepEqual([...adstockWeights(spec, 3, true)], [1, 0, 0, 0]);
  const x = Float64Array.of(3, 1, 2);
  assert.deepEqual([...applyAdstock(x, spec, { maxLag: 3, normalised: true })], [3, 1, 2]);
  assert.deepEqual([...applyAdstock(x, spec, { maxLag: 3, normalised: false })], [0, 0, 0]);
});

test('normaliseWeights divides by the sum and rejects a non-finite sum', () => {
  assert.deepEqual([...normaliseWeights(Float64Array.of(1, 3), 2)], [0.25, 0.75]);
  assert.throws(() => normaliseWeights(Float64Array.of(1, Infinity), 2), { code: 'NON_FINITE' });
});
