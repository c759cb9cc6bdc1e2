import { test } from 'node:test';
import assert from 'node:assert/strict';
import { durbinWatson } from './durbin-watson.ts';

// Test data, reproduced exactly in python3 for the references: Park & Miller (1988) minimal standard
// generator s ← 48271·s mod (2³¹ − 1), u = s / (2³¹ − 1) (exact in doubles), then Box–Muller pairs.
const M = 2147483647;
function lehmer(seed: number, n: number): number[] {
  const out: number[] = [];
  let s = seed;
  for (let i = 0; i < n; i++) { s = (48271 * s) % M; out.push(s / M); }
  return out;
}
function normals(seed: number, n: number): number[] {
  const u = lehmer(seed, 2 * n);
  return Array.from({ length: n }, (_, i) => Math.sqrt(-2 * Math.log(u[2 * i])) * Math.cos(2 * Math.PI * u[2 * i + 1]));
}
function ar1(z: number[], phi = 0.6): number[] {
  let prev = 0;
  return z.map((v) => (prev = phi * prev + v));
}
const SMALL = [4.2, 3.9, 5.1, 6.3, 4.8, 5.5, 3.7, 4.4, 7.9, 5.0];
const NORMAL200 = normals(12345, 200);
const SKEWED60 = lehmer(777, 60).map((u) => -Math.log(u));
const AR200 = ar1(normals(999, 200));
function close(got: number, expected: number, rel: number, label: string): void {
  assert.ok(Math.abs(got - expected) <= rel * Math.abs(expected), `${label}: ${got} vs ${expected}`);
}

test('durbinWatson matches the textbook formula computed with numpy', () => {
  // d = sum(diff(e)**2) / sum(e**2); z = sqrt(n)(d − 2)/2; p = 2·scipy.stats.norm.cdf(−|z|)
  const ref: [string, number[], number, number][] = [
    ['SMALL', SMALL, 0.11053984575835478, 0.002812703826555524],
    ['NORMAL200', NORMAL200, 2.095252199877228, 0.5006071395485392],
    ['AR200', AR200, 0.9429112767495033, 7.735308920266353e-14],
    ['SKEWED60', SKEWED60, 0.8309473607302237, 5.962311758249025e-6],
  ];
  for (const [name, e, d, p] of ref) {
    const r = durbinWatson(e);
    close(r.statistic, d, 1e-12, `${name} d`);
    close(r.pValue, p, 1e-9, `${name} p`);
    close(r.autocorrelation, 1 - d / 2, 1e-12, `${name} rho`);
  }
});

test('durbinWatson by hand: alternating and constant-sign residuals', () => {
  assert.equal(durbinWatson([1, -1, 1, -1]).statistic, 3);
  assert.equal(durbinWatson([1, 1, 1, 1]).statistic, 0);
  assert.throws(() => durbinWatson([0, 0, 0]), /all zero/);
  assert.throws(() => durbinWatson([1]), /at least 2/);
});
