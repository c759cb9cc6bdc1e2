import { test } from 'node:test';
import assert from 'node:assert/strict';
import { dagostinoK2 } from './dagostino-k2.ts';

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
const LOGNORM25 = normals(4242, 25).map((z) => Math.exp(0.5 * z));
const AR200 = ar1(normals(999, 200));
function close(got: number, expected: number, rel: number, label: string): void {
  assert.ok(Math.abs(got - expected) <= rel * Math.abs(expected), `${label}: ${got} vs ${expected}`);
}

test('dagostinoK2 matches scipy.stats.normaltest, skewtest and kurtosistest', () => {
  // scipy.stats.normaltest(x) → (statistic, pvalue); skewtest(x).statistic; kurtosistest(x).statistic
  const ref: [string, number[], number, number, number, number][] = [
    ['SMALL', SMALL, 5.620529233929851, 0.06018906323766855, 1.9192083295165463, 1.3918220510698047],
    ['NORMAL200', NORMAL200, 0.8438826348807352, 0.6557725206743905, -0.4454129358315822, -0.803423892770576],
    ['SKEWED60', SKEWED60, 9.753316486264524, 0.0076224438678849735, 3.032857127272053, 0.7450463957497105],
    ['LOGNORM25', LOGNORM25, 10.851787460155114, 0.004401130980442878, 2.5900677443144255, 2.0355187397852905],
    ['AR200', AR200, 3.289165094329659, 0.19309315325551152, 1.7324241331165373, 0.5365367809620075],
  ];
  for (const [name, x, k2, p, zs, zk] of ref) {
    const r = dagostinoK2(x);
    close(r.statistic, k2, 1e-9, `${name} K²`);
    close(r.pValue, p, 1e-9, `${name} p`);
    close(r.skewnessZ, zs, 1e-9, `${name} Zs`);
    close(r.kurtosisZ, zk, 1e-9, `${name} Zk`);
  }
});

test('dagostinoK2 doc example and invalid input', () => {
  // scipy.stats.normaltest([1, 2, 3, 4, 5, 6, 7, 30])
  const r = dagostinoK2([1, 2, 3, 4, 5, 6, 7, 30]);
  close(r.statistic, 19.541329909795735, 1e-9, 'K²');
  close(r.pValue, 5.710236892283234e-5, 1e-9, 'p');
  assert.throws(() => dagostinoK2([1, 2, 3, 4, 5, 6, 7]), /at least 8/);
  assert.throws(() => dagostinoK2(new Array(10).fill(3)), /constant/);
});
