import { test } from 'node:test';
import assert from 'node:assert/strict';
import { adaptiveMetropolis } from './adaptive-metropolis.ts';
import { createRng } from '../../random/rng.ts';

function moments(s: Float64Array, n: number, d: number): { mean: number[]; cov: number[][] } {
  const mean = Array.from({ length: d }, (_, j) => { let a = 0; for (let i = 0; i < n; i++) a += s[i * d + j]; return a / n; });
  const cov = mean.map((mj, j) => mean.map((mk, k) => { let a = 0; for (let i = 0; i < n; i++) a += (s[i * d + j] - mj) * (s[i * d + k] - mk); return a / n; }));
  return { mean, cov };
}

test('recovers a correlated Gaussian well inside the box (mean, sd, correlation)', () => {
  // Target N((0.4, 0.6), Σ) with sd 0.05 and 0.08, correlation 0.8: the box truncates < 1e-9 of its mass.
  const s1 = 0.05, s2 = 0.08, r = 0.8;
  const logp = (u: Float64Array): number => {
    const a = (u[0] - 0.4) / s1, b = (u[1] - 0.6) / s2;
    return -(a * a - 2 * r * a * b + b * b) / (2 * (1 - r * r));
  };
  const res = adaptiveMetropolis(logp, [0.5, 0.5], { iterations: 60000, rng: createRng(3), thin: 2 });
  const { mean, cov } = moments(res.samples, res.nSamples, 2);
  assert.ok(Math.abs(mean[0] - 0.4) < 0.006, `mean0 ${mean[0]}`);
  assert.ok(Math.abs(mean[1] - 0.6) < 0.01, `mean1 ${mean[1]}`);
  assert.ok(Math.abs(Math.sqrt(cov[0][0]) - s1) < 0.006, `sd0 ${Math.sqrt(cov[0][0])}`);
  assert.ok(Math.abs(Math.sqrt(cov[1][1]) - s2) < 0.01, `sd1 ${Math.sqrt(cov[1][1])}`);
  assert.ok(Math.abs(cov[0][1] / Math.sqrt(cov[0][0] * cov[1][1]) - r) < 0.05);
  // Optimal-scaling theory (Gelman, Roberts & Gilks 1996): acceptance ≈ 0.35 in 2-D after adaptation.
  assert.ok(res.acceptance > 0.2 && res.acceptance < 0.6, `acceptance ${res.acceptance}`);
});

test('a flat density on the box gives the uniform distribution (reflection keeps detailed balance)', () => {
  // U(0,1): mean 1/2, variance 1/12 ≈ 0.08333, P(u < 0.1) = 0.1.
  const res = adaptiveMetropolis(() => 0, [0.02], { iterations: 80000, rng: createRng(9), initialStep: 0.3 });
  const { mean, cov } = moments(res.samples, res.nSamples, 1);
  assert.ok(Math.abs(mean[0] - 0.5) < 0.02, `mean ${mean[0]}`);
  assert.ok(Math.abs(cov[0][0] - 1 / 12) < 0.005, `var ${cov[0][0]}`);
  let low = 0;
  for (let i = 0; i < res.nSamples; i++) if (res.samples[i] < 0.1) low++;
  assert.ok(Math.abs(low / res.nSamples - 0.1) < 0.02);
  for (const v of res.samples) assert.ok(v >= 0 && v <= 1);
});

test('keeps the stated number of samples and is deterministic for a seed', () => {
  const logp = (u: Float64Array): number => -((u[0] - 0.5) ** 2) / 0.02;
  const a = adaptiveMetropolis(logp, [0.5], { iterations: 1000, burnIn: 0.5, thin: 10, rng: createRng(1) });
  const b = adaptiveMetropolis(logp, [0.5], { iterations: 1000, burnIn: 0.5, thin: 10, rng: createRng(1) });
  assert.equal(a.nSamples, 50); // iterations 500…999, every 10th
  assert.deepEqual(a.samples, b.samples);
  assert.equal(a.logDensity[0], logp(a.samples.subarray(0, 1)));
});

test('rejects bad options and a zero-density start', () => {
  const rng = createRng(1);
  assert.throws(() => adaptiveMetropolis(() => 0, [0.5], { iterations: 0, rng }), /iterations/);
  assert.throws(() => adaptiveMetropolis(() => 0, [0.5], { iterations: 10, thin: 0, rng }), /thin/);
  assert.throws(() => adaptiveMetropolis(() => 0, [0.5], { iterations: 10, burnIn: 1, rng }), /burnIn/);
  assert.throws(() => adaptiveMetropolis(() => -Infinity, [0.5], { iterations: 10, rng }), /zero density/);
});
