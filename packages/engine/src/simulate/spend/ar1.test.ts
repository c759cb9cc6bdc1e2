import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRng } from '../../random/rng.ts';
import { ar1 } from './ar1.ts';

test('ar1 has unit variance and lag-1 autocorrelation φ', () => {
  // Stationary AR(1) with unit innovation scaling √(1 − φ²): Var = 1, corr(z_t, z_{t−1}) = φ.
  const n = 40_000;
  const z = ar1(createRng(11), n, 0.7);
  let m = 0;
  for (const v of z) m += v;
  m /= n;
  let v0 = 0, v1 = 0;
  for (let t = 0; t < n; t++) {
    v0 += (z[t] - m) ** 2;
    if (t > 0) v1 += (z[t] - m) * (z[t - 1] - m);
  }
  // Tolerances ≈ 4 standard errors for n = 40 000 with φ = 0.7.
  assert.ok(Math.abs(m) < 0.05, `mean ${m}`);
  assert.ok(Math.abs(v0 / n - 1) < 0.06, `variance ${v0 / n}`);
  assert.ok(Math.abs(v1 / v0 - 0.7) < 0.02, `lag-1 ${v1 / v0}`);
});

test('ar1 is deterministic for a seed and rejects |φ| ≥ 1', () => {
  assert.deepEqual(ar1(createRng(3), 5, 0.5), ar1(createRng(3), 5, 0.5));
  assert.throws(() => ar1(createRng(3), 5, 1), { code: 'INVALID_ARGUMENT' });
  assert.throws(() => ar1(createRng(3), 2.5, 0.1), { code: 'INVALID_ARGUMENT' });
});
