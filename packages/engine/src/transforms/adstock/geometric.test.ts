import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRng } from '../../random/rng.ts';
import { geometricAdstock, geometricRecursive } from './geometric.ts';
import { convolveLags } from './convolve-lags.ts';

function assertClose(actual: ArrayLike<number>, expected: ArrayLike<number>, tol: number): void {
  assert.equal(actual.length, expected.length);
  for (let i = 0; i < expected.length; i++) {
    assert.ok(Math.abs(actual[i] - expected[i]) <= tol, `index ${i}: ${actual[i]} vs ${expected[i]}`);
  }
}

test('geometric weights are alpha^l (hand-computed)', () => {
  assert.deepEqual([...geometricAdstock.weights({ type: 'geometric', alpha: 0.5 }, 3)], [1, 0.5, 0.25, 0.125]);
  assert.deepEqual([...geometricAdstock.weights({ type: 'geometric', alpha: 0 }, 2)], [1, 0, 0]);
  assert.deepEqual([...geometricAdstock.weights({ type: 'geometric', alpha: 0.9 }, 0)], [1]);
});

test('geometric weights write into a longer out buffer without touching the rest', () => {
  const out = new Float64Array(5).fill(7);
  const w = geometricAdstock.weights({ type: 'geometric', alpha: 0.5 }, 2, out);
  assert.equal(w, out);
  assert.deepEqual([...out], [1, 0.5, 0.25, 7, 7]);
  assert.throws(() => geometricAdstock.weights({ type: 'geometric', alpha: 0.5 }, 5, out), { code: 'SHAPE_MISMATCH' });
});

test('geometric validate rejects alpha outside [0, 1) and non-numbers', () => {
  for (const alpha of [1, -0.1, NaN, Infinity]) {
    assert.throws(() => geometricAdstock.validate({ type: 'geometric', alpha }), { code: 'INVALID_ARGUMENT', message: /alpha must be a finite number in \[0, 1\)/ });
  }
  assert.throws(() => geometricAdstock.validate(JSON.parse('{"type":"geometric"}')), /got undefined/);
  assert.throws(() => geometricAdstock.weights({ type: 'geometric', alpha: 0.5 }, -1), { code: 'INVALID_ARGUMENT', message: /maxLag/ });
});

test('geometric recursion: hand-computed truncation at maxLag', () => {
  const out = new Float64Array(5);
  geometricRecursive(Float64Array.of(1, 0, 0, 0, 0), 0.5, 2, false, out);
  assertClose(out, [1, 0.5, 0.25, 0, 0], 1e-15);
  // x = [1, 1, 1, 1], maxLag 1: y = [1, 1.5, 1.5, 1.5]; normalised by 1.5: [2/3, 1, 1, 1]
  geometricRecursive(Float64Array.of(1, 1, 1, 1), 0.5, 1, true, out.subarray(0, 4));
  assertClose(out.subarray(0, 4), [2 / 3, 1, 1, 1], 1e-15);
});

test('geometric recursion equals the convolution on random data (1e-12 relative to max |y|)', () => {
  const rng = createRng(20240601);
  for (let trial = 0; trial < 60; trial++) {
    const n = 1 + Math.floor(rng.next() * 300);
    const maxLag = Math.floor(rng.next() * 120);
    const alpha = trial === 0 ? 0 : 0.99 * rng.next();
    const x = new Float64Array(n);
    for (let t = 0; t < n; t++) x[t] = trial % 2 === 0 ? 1000 * rng.next() : rng.next() - 0.5;
    for (const normalised of [false, true]) {
      const w = geometricAdstock.weights({ type: 'geometric', alpha }, maxLag);
      if (normalised) {
        const s = w.reduce((a, b) => a + b, 0);
        for (let l = 0; l < w.length; l++) w[l] /= s;
      }
      const ref = convolveLags(x, w);
      const fast = geometricRecursive(x, alpha, maxLag, normalised, new Float64Array(n));
      let scale = 0;
      for (const v of ref) scale = Math.max(scale, Math.abs(v));
      assertClose(fast, ref, 1e-12 * scale);
    }
  }
});

test('geometric fromVector/toVector use the params order', () => {
  assert.deepEqual(geometricAdstock.fromVector([9, 0.3], 1), { type: 'geometric', alpha: 0.3 });
  assert.deepEqual(geometricAdstock.toVector({ type: 'geometric', alpha: 0.3 }), [0.3]);
});
