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
