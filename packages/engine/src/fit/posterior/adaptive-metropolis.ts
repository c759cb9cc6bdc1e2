import { EngineError } from '../../errors.ts';
import type { Rng } from '../../random/rng.ts';
import { normal } from '../../random/distributions.ts';

export interface AdaptiveMetropolisOptions {
  /** Total iterations, burn-in included. */
  readonly iterations: number;
  /** Share of iterations discarded as burn-in (and used to adapt the proposal); default 0.3. */
  readonly burnIn?: number;
  /** Keep every `thin`-th post-burn-in state; default 1. */
  readonly thin?: number;
  /** Standard deviation of the isotropic proposal before adaptation, unit-box units; default 0.02. */
  readonly initialStep?: number;
  readonly rng: Rng;
  /** Called every 1000 iterations and at the end with (done, total); may throw to cancel. */
  readonly onProgress?: (done: number, total: number) => void;
  /**
   * Called right after the start's density and after each accepted proposal's: the point whose density
   * was computed last is now the chain's state (so a caller can keep what that evaluation computed).
   */
  readonly onAccept?: () => void;
  /** Called when the chain's current state is kept, as sample `index` (0, 1, …); `state` is read-only and reused. */
  readonly onKeep?: (index: number, state: Float64Array) => void;
}

export interface AdaptiveMetropolisResult {
  /** Kept states, row-major [nSamples × dim]. */
  readonly samples: Float64Array;
  readonly nSamples: number;
  /** Log density of each kept state [nSamples]. */
  readonly logDensity: Float64Array;
  /** Accepted proposals / iterations. */
  readonly acceptance: number;
}

/** Reflect v into [0, 1] (mirror at both walls), which keeps a symmetric proposal symmetric on the box. */
function reflect(v: number): number {
  let x = v;
  for (let k = 0; k < 64 && (x < 0 || x > 1); k++) x = x < 0 ? -x : 2 - x;
  return Math.min(1, Math.max(0, x));
}

/** Lower Cholesky factor of s·C + ε·I into `l` [d × d]; false when not positive definite. */
function scaledCholesky(cov: Float64Array, d: number, s: number, l: Float64Array): boolean {
  l.fill(0);
  for (let i = 0; i < d; i++) {
    for (let j = 0; j <= i; j++) {
      let v = s * cov[i * d + j] + (i === j ? 1e-8 : 0);
      for (let k = 0; k < j; k++) v -= l[i * d + k] * l[j * d + k];
      if (i === j) {
        if (!(v > 0)) return false;
        l[i * d + i] = Math.sqrt(v);
      } else l[i * d + j] = v / l[j * d + j];
    }
  }
  return true;
}

/**
 * Random-walk Metropolis on the unit box [0, 1]^dim with the adaptive Gaussian proposal of Haario,
 * Saksman & Tamminen (2001, "An adaptive Metropolis algorithm", Bernoulli 7(2)): during burn-in the
 * proposal covariance is re-estimated every 500 iterations as (2.38²/dim)·Cov(chain so far) (the
 * scaling of Gelman, Roberts & Gilks 1996); after burn-in it is frozen, so the kept chain is an ordinary
 * Metropolis chain with a fixed symmetric proposal. Proposals are reflected at the box walls
 * (reflection preserves symmetry, so the acceptance ratio is the density ratio).
 * @param logDensity unnormalised log density of a point in the box (may return −Infinity)
 * @param start starting point, length dim, inside the box
 * @param options iterations, burn-in share, thinning, initial step, seeded rng
 * @returns kept states [nSamples × dim], their log densities and the acceptance rate
 * @throws EngineError INVALID_ARGUMENT when iterations < 1, thin < 1, burnIn ∉ [0, 1) or the start
 *   has zero density
 * @example adaptiveMetropolis((u) => -0.5 * ((u[0] - 0.5) / 0.1) ** 2, Float64Array.of(0.5), { iterations: 20000, rng: createRng(1) })
 * // samples with mean ≈ 0.5 and sd ≈ 0.1
 */
export function adaptiveMetropolis(
  logDensity: (u: Float64Array) => number, start: ArrayLike<number>, options: AdaptiveMetropolisOptions,
): AdaptiveMetropolisResult {
  const steps = metropolisSteps(logDensity, start, options);
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}

/**
 * adaptiveMetropolis, awaiting `pause` every 100 iterations so a long chain lets the event loop turn
 * (createPause); the chain and its result are identical.
 * @example await adaptiveMetropolisAsync(logp, start, { iterations: 20000, rng: createRng(1) }, createPause())
 */
export async function adaptiveMetropolisAsync(
  logDensity: (u: Float64Array) => number, start: ArrayLike<number>, options: AdaptiveMetropolisOptions, pause: () => Promise<void>,
): Promise<AdaptiveMetropolisResult> {
  const steps = metropolisSteps(logDensity, start, options);
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
    await pause();
  }
}

/** The chain of adaptiveMetropolis as a generator that stops (yields) every 100 iterations. */
function* metropolisSteps(
  logDensity: (u: Float64Array) => number, start: ArrayLike<number>, options: AdaptiveMetropolisOptions,
): Generator<void, AdaptiveMetropolisResult, void> {
  const d = start.length;
  const { iterations, rng } = options;
  const burnShare = options.burnIn ?? 0.3;
  const thin = options.thin ?? 1;
  if (!(Number.isInteger(iterations) && iterations >= 1)) throw new EngineError('INVALID_ARGUMENT', `iterations must be a positive integer, got ${iterations}`);
  if (!(Number.isInteger(thin) && thin >= 1)) throw new EngineError('INVALID_ARGUMENT', `thin must be a positive integer, got ${thin}`);
  if (!(burnShare >= 0 && burnShare < 1)) throw new EngineError('INVALID_ARGUMENT', `burnIn must be in [0, 1), got ${burnShare}`);
  const burn = Math.floor(iterations * burnShare);
  const step = options.initialStep ?? 0.02;
  let cur = Float64Array.from(start, reflect);
  let lp = logDensity(cur);
  if (!(lp > -Infinity)) throw new EngineError('INVALID_ARGUMENT', 'the starting point has zero density');
  options.onAccept?.();
  const mean = new Float64Array(d), cov = new Float64Array(d * d), chol = new Float64Array(d * d);
  const z = new Float64Array(d);
  let prop = new Float64Array(d);
  let useCov = false, accepted = 0;
  const nSamples = keptSampleCount(iterations, burnShare, thin);
  const samples = new Float64Array(nSamples * d), logs = new Float64Array(nSamples);
  let kept = 0;
  for (let it = 0; it < iterations; it++) {
    for (let j = 0; j < d; j++) z[j] = normal(rng);
    for (let j = 0; j < d; j++) {
      let s = 0;
      if (useCov) for (let k = 0; k <= j; k++) s += chol[j * d + k] * z[k];
      else s = step * z[j];
      prop[j] = reflect(cur[j] + s);
    }
    const lq = logDensity(prop);
    if (lq - lp >= 0 || Math.log(rng.next()) < lq - lp) {
      const t = cur; cur = prop; prop = t; lp = lq; accepted++;
      options.onAccept?.();
    }
    if (it < burn) {
      // Running mean and covariance of the burn-in chain (Welford).
      const m = it + 1;
      for (let j = 0; j < d; j++) z[j] = cur[j] - mean[j];
      for (let j = 0; j < d; j++) mean[j] += z[j] / m;
      for (let j = 0; j < d; j++) for (let k = 0; k <= j; k++) cov[j * d + k] += (z[j] * (cur[k] - mean[k]) - cov[j * d + k]) / m;
      if (m >= 1000 && m % 500 === 0) {
        for (let j = 0; j < d; j++) for (let k = 0; k < j; k++) cov[k * d + j] = cov[j * d + k];
        useCov = scaledCholesky(cov, d, (2.38 * 2.38) / d, chol);
      }
    } else if ((it - burn) % thin === 0) {
      samples.set(cur, kept * d);
      options.onKeep?.(kept, cur);
      logs[kept++] = lp;
    }
    if ((it + 1) % 1000 === 0 || it + 1 === iterations) options.onProgress?.(it + 1, iterations);
    if ((it + 1) % 100 === 0) yield;
  }
  return { samples, nSamples: kept, logDensity: logs, acceptance: accepted / iterations };
}

/**
 * How many states a chain keeps: every `thin`-th after the first floor(iterations × burnIn).
 * @example keptSampleCount(20000, 0.3, 25) // 560
 */
export function keptSampleCount(iterations: number, burnIn: number, thin: number): number {
  const burn = Math.floor(iterations * burnIn);
  return Math.floor(Math.max(0, iterations - burn - 1) / thin) + (iterations > burn ? 1 : 0);
}
