import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ljungBox } from './ljung-box.ts';
import { AR200, NORMAL200, SKEWED60, SMALL, close } from '../../test/reference-data.ts';

test('ljungBox matches the Ljung–Box formula computed with numpy and scipy.stats.chi2.sf', () => {
  // c = e − e.mean(); rho_k = sum(c[k:]·c[:-k]) / sum(c²); Q = n(n+2)·sum(rho_k²/(n−k)); p = chi2.sf(Q, h − fitted)
  const ref: [string, number[], number, number, number, number, number][] = [
    ['SMALL', SMALL, 3, 0, 1.7949023228351746, 0.6160448753497403, -0.08460241640910368],
    ['NORMAL200', NORMAL200, 10, 0, 18.277385239893235, 0.05046096434453278, -0.055550892663635915],
    ['AR200', AR200, 10, 0, 104.38391323774522, 7.201738967797145e-18, 0.5075687952700401],
    ['AR200', AR200, 12, 2, 104.60819124075081, 6.4921787538227244e-18, 0.5075687952700401],
    ['SKEWED60', SKEWED60, 5, 1, 3.690048152373915, 0.44957501839572134, -0.09646072392574942],
  ];
  for (const [name, e, h, fitted, q, p, rho1] of ref) {
    const r = ljungBox(e, h, fitted);
    close(r.statistic, q, 1e-12, `${name} Q`);
    close(r.pValue, p, 1e-9, `${name} p`);
    close(r.autocorrelations[0], rho1, 1e-12, `${name} rho1`);
    assert.equal(r.df, h - fitted);
    assert.equal(r.autocorrelations.length, h);
  }
});

test('ljungBox by hand and invalid arguments', () => {
  // e alternating ±1: ρ̂₁ = −5/6, Q = 6·8·(25/36)/5
  const r = ljungBox([1, -1, 1, -1, 1, -1], 1);
  close(r.statistic, (48 * 25) / 36 / 5, 1e-14, 'Q');
  assert.throws(() => ljungBox([1, 2, 3], 3), /lags/);
  assert.throws(() => ljungBox([1, 2, 3, 4], 2, 2), /fittedParams/);
  assert.throws(() => ljungBox([2, 2, 2, 2], 1), /constant/);
});

test('ljungBox with missing periods: only pairs really k apart, closed form', () => {
  // Observed 1, −1, 1, −1 (mean 0, Σe² = 4) at periods 0, 1, 3, 4. Lag 1: pairs (0,1), (3,4) →
  // ρ̂₁ = −2/4, n₁ = 2; lag 2: pair (1,3) → ρ̂₂ = −1/4, n₂ = 1; lag 3: (0,3), (1,4) → ρ̂₃ = 2/4, n₃ = 2.
  const r = ljungBox([1, -1, NaN, 1, -1], 3);
  assert.deepEqual(Array.from(r.autocorrelations), [-0.5, -0.25, 0.5]);
  assert.deepEqual(Array.from(r.pairs), [2, 1, 2]);
  // Q = n(n+2)·Σ ρ̂ₖ²/nₖ = 24·(0.25/2 + 0.0625/1 + 0.25/2) = 7.5; df = h.
  assert.equal(r.statistic, 7.5);
  assert.equal(r.df, 3);
  // Closed up, lag 1 would pair (−1, 1) across the gap: ρ̂₁ = −3/4.
  assert.equal(ljungBox([1, -1, 1, -1], 1).autocorrelations[0], -0.75);
  // A lag without any pair adds nothing.
  const sparse = ljungBox([1, NaN, 2, NaN, 4, NaN, 3], 1);
  assert.equal(sparse.pairs[0], 0);
  assert.equal(sparse.statistic, 0);
  assert.throws(() => ljungBox([1, NaN, 2, NaN], 2), /lags/);
});

test('ljungBox with missing periods equals a hand computation over true-lag pairs', () => {
  const e: number[] = NORMAL200.map((v, t) => (t % 13 === 5 || (t >= 120 && t < 131) ? NaN : v));
  const obs = e.filter((v) => !Number.isNaN(v));
  const n = obs.length;
  const m = obs.reduce((a, b) => a + b, 0) / n;
  const den = obs.reduce((a, v) => a + (v - m) ** 2, 0);
  const h = 10;
  let q = 0;
  const r = ljungBox(e, h);
  for (let k = 1; k <= h; k++) {
    let s = 0;
    let nk = 0;
    for (let t = k; t < e.length; t++) {
      if (Number.isNaN(e[t]) || Number.isNaN(e[t - k])) continue;
      s += (e[t] - m) * (e[t - k] - m);
      nk++;
    }
    close(r.autocorrelations[k - 1], s / den, 1e-12, `rho${k}`);
    assert.equal(r.pairs[k - 1], nk);
    q += (s / den) ** 2 / nk;
  }
  close(r.statistic, n * (n + 2) * q, 1e-12, 'Q');
  assert.equal(r.df, h);
  // Without NaN the effective sizes are n − k.
  assert.deepEqual(Array.from(ljungBox(NORMAL200, 3).pairs), [199, 198, 197]);
});
