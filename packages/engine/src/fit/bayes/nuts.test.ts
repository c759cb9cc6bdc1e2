import { test } from 'node:test';
import assert from 'node:assert/strict';
import { nuts, type LogDensityWithGradient, type NutsResult } from './nuts.ts';
import { createRng } from '../../random/rng.ts';
import { EngineError } from '../../errors.ts';

/** Column j of the draws. */
function column(res: NutsResult, j: number): Float64Array {
  const out = new Float64Array(res.nDraws);
  for (let i = 0; i < res.nDraws; i++) out[i] = res.draws[i * res.dim + j];
  return out;
}

function mean(x: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < x.length; i++) s += x[i];
  return s / x.length;
}

function variance(x: ArrayLike<number>): number {
  const m = mean(x);
  let s = 0;
  for (let i = 0; i < x.length; i++) s += (x[i] - m) ** 2;
  return s / (x.length - 1);
}

function sum(x: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < x.length; i++) s += x[i];
  return s;
}

/**
 * Effective sample size of one chain from its autocorrelations, truncated by Geyer's (1992) initial
 * monotone positive sequence of paired autocorrelations.
 */
function ess(x: Float64Array): number {
  const n = x.length;
  const m = mean(x);
  let c0 = 0;
  for (let i = 0; i < n; i++) c0 += (x[i] - m) ** 2;
  const rho = (k: number): number => {
    let s = 0;
    for (let i = 0; i + k < n; i++) s += (x[i] - m) * (x[i + k] - m);
    return s / c0;
  };
  let tau = -1;
  let prev = Infinity;
  for (let k = 0; k + 1 < n; k += 2) {
    const pair = Math.min(prev, rho(k) + rho(k + 1));
    if (!(pair > 0)) break;
    tau += 2 * pair;
    prev = pair;
  }
  return n / tau;
}

/** N(0, Σ) in 2-D with sds s1, s2 and correlation r. */
function correlatedGaussian(s1: number, s2: number, r: number): LogDensityWithGradient {
  const c = 1 - r * r;
  return (x, g) => {
    const a = x[0] / s1;
    const b = x[1] / s2;
    g[0] = -(a - r * b) / (c * s1);
    g[1] = -(b - r * a) / (c * s2);
    return -(a * a - 2 * r * a * b + b * b) / (2 * c);
  };
}

/** Independent N(0, scales²) in scales.length dimensions. */
function independentGaussian(scales: readonly number[]): LogDensityWithGradient {
  const d = scales.length;
  return (x, g) => {
    let s = 0;
    for (let i = 0; i < d; i++) {
      const z = x[i] / scales[i];
      s += z * z;
      g[i] = -z / scales[i];
    }
    return -0.5 * s;
  };
}

/** 20 scales log-spaced from 0.01 to 100. */
const SCALES_20 = Array.from({ length: 20 }, (_, i) => 10 ** (-2 + (4 * i) / 19));

test('2-D correlated Gaussian (sd 1 and 10, correlation 0.9): means, sds and correlation', () => {
  const s1 = 1, s2 = 10, r = 0.9;
  const res = nuts(correlatedGaussian(s1, s2, r), [0, 0], { warmup: 1000, draws: 4000, rng: createRng(11) });
  const x = column(res, 0), y = column(res, 1);
  // Conservative ESS: an eighth of the draws (measured: about a fifth for x, y, x², y²). Checked, so
  // that the tolerances below really are ≥ 4 Monte Carlo standard errors.
  const essCons = res.nDraws / 8;
  for (const v of [x, y, x.map((t) => t * t), y.map((t) => t * t)]) assert.ok(ess(v) >= essCons, `ESS ${ess(v)} < ${essCons}`);
  assert.ok(Math.abs(mean(x)) < (4 * s1) / Math.sqrt(essCons), `mean x ${mean(x)}`);
  assert.ok(Math.abs(mean(y)) < (4 * s2) / Math.sqrt(essCons), `mean y ${mean(y)}`);
  const sx = Math.sqrt(variance(x)), sy = Math.sqrt(variance(y));
  // SE of a Gaussian sd estimate ≈ sd / √(2·ESS).
  assert.ok(Math.abs(sx - s1) < (4 * s1) / Math.sqrt(2 * essCons), `sd x ${sx}`);
  assert.ok(Math.abs(sy - s2) < (4 * s2) / Math.sqrt(2 * essCons), `sd y ${sy}`);
  const mx = mean(x), my = mean(y);
  let cxy = 0;
  for (let i = 0; i < res.nDraws; i++) cxy += (x[i] - mx) * (y[i] - my);
  const corr = cxy / (res.nDraws - 1) / (sx * sy);
  assert.ok(Math.abs(corr - r) < 0.05, `correlation ${corr}`);
  assert.equal(sum(res.divergent), 0);
  // log density returned for a draw is log p at that draw.
  const g = new Float64Array(2);
  assert.equal(res.logDensity[7], correlatedGaussian(s1, s2, r)(res.draws.slice(14, 16), g));
});

test('20-D Gaussian with scales 0.01…100: variances, adapted metric ∝ variances, short trees', () => {
  const d = SCALES_20.length;
  const res = nuts(independentGaussian(SCALES_20), new Float64Array(d), { warmup: 1500, draws: 6000, rng: createRng(5) });
  for (let j = 0; j < d; j++) {
    const v = variance(column(res, j));
    const truth = SCALES_20[j] ** 2;
    assert.ok(Math.abs(v / truth - 1) < 0.15, `dim ${j}: variance ${v} vs ${truth}`);
    const ratio = res.invMass[j] / truth;
    assert.ok(ratio > 1 / 1.5 && ratio < 1.5, `dim ${j}: invMass ${res.invMass[j]} vs variance ${truth}`);
  }
  // With the metric adapted the problem is a standard normal: trajectories of a few steps.
  const meanDepth = sum(res.treeDepth) / res.nDraws;
  assert.ok(meanDepth <= 4, `mean tree depth ${meanDepth}`);
  assert.equal(sum(res.divergent), 0);
});

test('step-size adaptation: mean acceptStat within ±0.1 of targetAccept; a higher target gives a smaller step', () => {
  // 50-D Gaussian, scales 0.01…100. Dual averaging keeps exp(mean log ε) of noisy, oscillating iterates
  // and acceptance is concave in log ε, so the realised mean acceptance sits above the target (Jensen;
  // the restart before the 50-iteration terminal window makes it worse). Measured over 25 seeds:
  // target 0.8 → 0.81…0.89, 0.6 → 0.64…0.79. On a 20-D Gaussian, 0.8 → 0.85…0.92.
  const scales = Array.from({ length: 50 }, (_, i) => 10 ** (-2 + (4 * i) / 49));
  const run = (targetAccept: number): NutsResult =>
    nuts(independentGaussian(scales), new Float64Array(scales.length), { warmup: 500, draws: 500, rng: createRng(21), targetAccept });
  const lo = run(0.6), mid = run(0.8), hi = run(0.95);
  const acc = (r: NutsResult): number => sum(r.acceptStat) / r.nDraws;
  assert.ok(Math.abs(acc(mid) - 0.8) <= 0.1, `target 0.8: mean acceptStat ${acc(mid)}`);
  assert.ok(Math.abs(acc(hi) - 0.95) <= 0.1, `target 0.95: mean acceptStat ${acc(hi)}`);
  assert.ok(acc(lo) >= 0.6 - 0.05 && acc(lo) <= 0.6 + 0.2, `target 0.6: mean acceptStat ${acc(lo)}`);
  assert.ok(acc(lo) < acc(mid) && acc(mid) < acc(hi), `acceptance ${acc(lo)}, ${acc(mid)}, ${acc(hi)}`);
  assert.ok(hi.stepSize < mid.stepSize && mid.stepSize < lo.stepSize, `step sizes ${lo.stepSize}, ${mid.stepSize}, ${hi.stepSize}`);
});

test('non-Gaussian: x = log of a Gamma(3, 1) variable, E[eˣ] = 3, Var[eˣ] = 3, E[x] = ψ(3)', () => {
  // p(x) ∝ exp(3x − eˣ); eˣ ~ Gamma(3, 1), so E = Var = 3 and E[x] = digamma(3) = 3/2 − γ_Euler.
  const logp: LogDensityWithGradient = (x, g) => {
    const e = Math.exp(x[0]);
    g[0] = 3 - e;
    return 3 * x[0] - e;
  };
  const res = nuts(logp, [0], { warmup: 1000, draws: 8000, rng: createRng(3) });
  const x = column(res, 0);
  const e = x.map(Math.exp);
  const essCons = res.nDraws / 8; // measured ESS of eˣ and (eˣ − 3)² ≈ n/4 … n/2
  assert.ok(ess(e) >= essCons, `ESS ${ess(e)}`);
  assert.ok(ess(e.map((t) => (t - 3) ** 2)) >= essCons);
  // SE(mean) = √(3/ESS); SE(variance) = √(Var[(X − 3)²]/ESS) with Var[(X − 3)²] = μ₄ − σ⁴ = 45 − 9 = 36.
  assert.ok(Math.abs(mean(e) - 3) < 4 * Math.sqrt(3 / essCons), `E[e^x] ${mean(e)}`);
  assert.ok(Math.abs(variance(e) - 3) < 4 * Math.sqrt(36 / essCons), `Var[e^x] ${variance(e)}`);
  const digamma3 = 1.5 - 0.5772156649015329;
  assert.ok(Math.abs(mean(x) - digamma3) < 4 * Math.sqrt(0.395 / essCons), `E[x] ${mean(x)}`); // Var[x] = ψ'(3) ≈ 0.395
  assert.equal(sum(res.divergent), 0);
});

test('same seed gives bit-identical output; a different seed gives different draws', () => {
  const logp = correlatedGaussian(1, 3, 0.5);
  const opts = { warmup: 200, draws: 300 };
  const a = nuts(logp, [0.3, -0.2], { ...opts, rng: createRng(42) });
  const b = nuts(logp, [0.3, -0.2], { ...opts, rng: createRng(42) });
  const c = nuts(logp, [0.3, -0.2], { ...opts, rng: createRng(43) });
  assert.deepEqual(a.draws, b.draws);
  assert.deepEqual(a.logDensity, b.logDensity);
  assert.deepEqual(a.acceptStat, b.acceptStat);
  assert.deepEqual(a.treeDepth, b.treeDepth);
  assert.deepEqual(a.invMass, b.invMass);
  assert.equal(a.stepSize, b.stepSize);
  assert.equal(a.nGradients, b.nGradients);
  assert.notDeepEqual(a.draws, c.draws);
});

/** Uniform on the square (−1, 1)²: zero gradient inside, −Infinity outside. */
const hardWall: LogDensityWithGradient = (x, g) => {
  g[0] = 0;
  g[1] = 0;
  return Math.abs(x[0]) < 1 && Math.abs(x[1]) < 1 ? 0 : -Infinity;
};

test('divergences: a huge forced step on a hard-walled density diverges every time and never leaves the support', () => {
  const x0 = [0.5, -0.2];
  const res = nuts(hardWall, x0, { warmup: 0, draws: 200, rng: createRng(1), initialStepSize: 1e6 });
  assert.equal(sum(res.divergent), 200);
  assert.equal(res.stepSize, 1e6);
  for (let i = 0; i < res.nDraws; i++) {
    assert.equal(res.draws[2 * i], 0.5);
    assert.equal(res.draws[2 * i + 1], -0.2);
    assert.equal(res.treeDepth[i], 1);
    assert.equal(res.acceptStat[i], 0);
  }
  assert.equal(res.nGradients, 1 + 200); // one evaluation at x0, then one leapfrog step per draw
});

test('divergences: with a moderate step the walled uniform is still sampled correctly, inside the walls', () => {
  // Straight-line trajectories always run into a wall, so almost every transition is flagged; the
  // discarded subtrees keep every draw inside and the draws uniform: mean 0, variance 1/3.
  const res = nuts(hardWall, [0.5, -0.2], { warmup: 0, draws: 8000, rng: createRng(2), initialStepSize: 0.25 });
  for (let i = 0; i < res.draws.length; i++) assert.ok(Math.abs(res.draws[i]) < 1);
  assert.ok(sum(res.divergent) > 0.9 * res.nDraws, `divergent ${sum(res.divergent)}`);
  const essCons = res.nDraws / 20; // measured ESS ≈ n/15 … n/8
  for (let j = 0; j < 2; j++) {
    const c = column(res, j);
    assert.ok(ess(c) >= essCons, `ESS ${ess(c)}`);
    assert.ok(Math.abs(mean(c)) < 4 * Math.sqrt(1 / 3 / essCons), `mean ${mean(c)}`);
    // Var[U²] for U ~ U(−1, 1) is 1/5 − 1/9 = 4/45.
    assert.ok(Math.abs(variance(c) - 1 / 3) < 4 * Math.sqrt(4 / 45 / essCons), `variance ${variance(c)}`);
  }
});

test('maxDepth bounds the trajectory; gradient count and progress callback are exact', () => {
  const logp = independentGaussian([1, 1, 1]);
  const calls: number[] = [];
  // A tiny fixed step: every trajectory runs to the depth limit (2³ − 1 = 7 leapfrog steps).
  const res = nuts(logp, [0.1, 0.2, 0.3], {
    warmup: 0, draws: 50, rng: createRng(4), initialStepSize: 1e-3, maxDepth: 3,
    onProgress: (done, total) => { calls.push(done); assert.equal(total, 50); },
  });
  assert.deepEqual([...res.treeDepth], Array(50).fill(3));
  assert.equal(res.nGradients, 1 + 50 * 7);
  assert.deepEqual(calls, Array.from({ length: 50 }, (_, i) => i + 1));
  assert.deepEqual([...res.invMass], [1, 1, 1]);
});

test('onProgress can cancel by throwing', () => {
  const logp = independentGaussian([1]);
  assert.throws(
    () => nuts(logp, [0], { warmup: 10, draws: 10, rng: createRng(1), onProgress: (done) => { if (done === 5) throw new EngineError('CANCELLED', 'stop'); } }),
    (e: unknown) => e instanceof EngineError && e.code === 'CANCELLED',
  );
});

test('rejects a start outside the support and bad options with INVALID_ARGUMENT', () => {
  const rng = createRng(1);
  const invalid = (e: unknown): boolean => e instanceof EngineError && e.code === 'INVALID_ARGUMENT';
  const logp = independentGaussian([1, 1]);
  assert.throws(() => nuts(hardWall, [2, 0], { warmup: 10, draws: 10, rng }), invalid);
  assert.throws(() => nuts(() => NaN, [0, 0], { warmup: 10, draws: 10, rng }), invalid);
  assert.throws(() => nuts(logp, [0, 0], { warmup: -1, draws: 10, rng }), invalid);
  assert.throws(() => nuts(logp, [0, 0], { warmup: 10, draws: 0, rng }), invalid);
  assert.throws(() => nuts(logp, [0, 0], { warmup: 10, draws: 10, rng, maxDepth: 0 }), invalid);
  assert.throws(() => nuts(logp, [0, 0], { warmup: 10, draws: 10, rng, targetAccept: 1 }), invalid);
  assert.throws(() => nuts(logp, [0, 0], { warmup: 10, draws: 10, rng, initialStepSize: 0 }), invalid);
  assert.throws(() => nuts(logp, [0, 0], { warmup: 10, draws: 10, rng, initialInvMass: [1] }), invalid);
  assert.throws(() => nuts(logp, [0, 0], { warmup: 10, draws: 10, rng, initialInvMass: [1, -1] }), invalid);
  assert.throws(() => nuts(logp, [], { warmup: 10, draws: 10, rng }), invalid);
  assert.throws(() => nuts(logp, [0, NaN], { warmup: 10, draws: 10, rng }), invalid);
});

test('short warmup (< 150) adapts only the step size and keeps the initial metric', () => {
  const logp = independentGaussian([2, 0.5]);
  const res = nuts(logp, [0, 0], { warmup: 120, draws: 200, rng: createRng(8), initialInvMass: [3, 0.2] });
  assert.deepEqual([...res.invMass], [3, 0.2]);
  assert.ok(res.stepSize > 0.05 && res.stepSize < 3, `step size ${res.stepSize}`);
});
