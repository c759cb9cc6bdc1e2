/**
 * Euclidean metrics for Hamiltonian Monte Carlo: the Gaussian kinetic energy K(p) = ½·pᵀΣp with
 * momentum p ~ N(0, M), M = Σ⁻¹ (Betancourt 2017, "A Conceptual Introduction to Hamiltonian Monte
 * Carlo", arXiv:1701.02434, section 4.2). Σ is the inverse metric ("inverse mass matrix"); adapted to
 * the posterior covariance it makes the target look like a standard normal to the integrator.
 *
 * - `diag` (Stan's `diag_e`): Σ = diag(invMass);
 * - `dense` (Stan's `dense_e`): Σ a full symmetric positive-definite matrix, kept together with its
 *   Cholesky factor Σ = L·Lᵀ. Momenta are drawn as p = L⁻ᵀz with z ~ N(0, I), so Cov(p) = Σ⁻¹; the
 *   velocity is dq/dt = ∂K/∂p = Σ·p. Costs O(dim²) per leapfrog step instead of O(dim).
 *
 * Both keep their previous Σ when offered an unusable estimate (non-finite, or not positive definite,
 * e.g. when the positions overflowed), so one bad window cannot break the chain.
 */
import { EngineError } from '../../errors.ts';
import type { Rng } from '../../random/rng.ts';
import { normal } from '../../random/distributions.ts';
import { cholesky } from '../../linalg/cholesky.ts';
import { createDiagonalMetricAdapter } from './mass-matrix-adaptation.ts';
import { createDenseMetricAdapter } from './dense-metric-adaptation.ts';

/** Which metric: diagonal (`diag_e`) or dense (`dense_e`). */
export type MetricKind = 'diag' | 'dense';

/** A Euclidean HMC metric; all vectors have length `dim` and are never retained. */
export interface HmcMetric {
  readonly kind: MetricKind;
  readonly dim: number;
  /** Length of the inverse-metric estimate `update` takes: dim (diag) or dim² (dense, row-major). */
  readonly estimateLength: number;
  /** Draw p ~ N(0, Σ⁻¹) into `out`, using exactly one `normal(rng)` per coordinate, in coordinate order. */
  sampleMomentum(rng: Rng, out: Float64Array): void;
  /** out = Σ·p (the velocity, or the "sharp" momentum p♯ of Betancourt 2017); `out` must not alias `p`. */
  velocity(p: Float64Array, out: Float64Array): void;
  /** Position update of the leapfrog scheme: q ← q + eps·Σ·p, in place. */
  drift(q: Float64Array, p: Float64Array, eps: number): void;
  /** Kinetic energy ½·pᵀΣp. */
  kinetic(p: Float64Array): number;
  /**
   * Replace Σ by `estimate` (length `estimateLength`; dense: only its lower triangle is read). Returns
   * false and keeps the previous Σ when the estimate is unusable: a non-finite entry, a non-positive
   * diagonal entry (diag) or a failed Cholesky factorisation (dense).
   */
  update(estimate: ArrayLike<number>): boolean;
  /** A copy of the diagonal of Σ [dim]. */
  invMassDiagonal(): Float64Array;
  /** A copy of Σ, row-major [dim × dim]. */
  invMassMatrix(): Float64Array;
}

/** Windowed warmup adapter producing estimates for {@link HmcMetric.update}. */
export interface MetricAdapter {
  /** Accumulate x; at a slow-window end write the estimate into `out` and return true. */
  observe(iteration: number, x: ArrayLike<number>, out: Float64Array): boolean;
}

/** Validated initial diagonal of Σ: all 1 when omitted. */
function initialDiagonal(dim: number, initialInvMass: ArrayLike<number> | undefined): Float64Array {
  const invMass = new Float64Array(dim).fill(1);
  if (initialInvMass === undefined) return invMass;
  if (initialInvMass.length !== dim) {
    throw new EngineError('INVALID_ARGUMENT', `initialInvMass has length ${initialInvMass.length}, expected ${dim}`);
  }
  for (let i = 0; i < dim; i++) {
    const v = initialInvMass[i];
    if (!(v > 0 && Number.isFinite(v))) throw new EngineError('INVALID_ARGUMENT', `initialInvMass[${i}] must be positive and finite, got ${v}`);
    invMass[i] = v;
  }
  return invMass;
}

/**
 * Diagonal metric Σ = diag(invMass) (Stan's `diag_e`).
 * @param dim number of coordinates, integer ≥ 1
 * @param initialInvMass initial diagonal of Σ [dim], all positive and finite; default all 1
 * @returns the metric
 * @throws EngineError INVALID_ARGUMENT when initialInvMass has the wrong length or a non-positive or
 *   non-finite entry
 * @example
 * const m = diagonalMetric(2, [4, 1]);
 * m.kinetic(Float64Array.of(1, 1)); // 2.5 = ½·(4 + 1)
 */
export function diagonalMetric(dim: number, initialInvMass?: ArrayLike<number>): HmcMetric {
  const invMass = initialDiagonal(dim, initialInvMass);
  /** Momentum standard deviations 1/√invMass. */
  const momentumSd = new Float64Array(dim);
  const refreshMomentumSd = (): void => {
    for (let i = 0; i < dim; i++) momentumSd[i] = 1 / Math.sqrt(invMass[i]);
  };
  refreshMomentumSd();
  return {
    kind: 'diag',
    dim,
    estimateLength: dim,
    sampleMomentum(rng: Rng, out: Float64Array): void {
      for (let i = 0; i < dim; i++) out[i] = momentumSd[i] * normal(rng);
    },
    velocity(p: Float64Array, out: Float64Array): void {
      for (let i = 0; i < dim; i++) out[i] = invMass[i] * p[i];
    },
    drift(q: Float64Array, p: Float64Array, eps: number): void {
      for (let i = 0; i < dim; i++) q[i] += eps * invMass[i] * p[i];
    },
    kinetic(p: Float64Array): number {
      let k = 0;
      for (let i = 0; i < dim; i++) k += invMass[i] * p[i] * p[i];
      return 0.5 * k;
    },
    update(estimate: ArrayLike<number>): boolean {
      if (estimate.length !== dim) throw new EngineError('INVALID_ARGUMENT', `estimate has length ${estimate.length}, expected ${dim}`);
      for (let i = 0; i < dim; i++) if (!(estimate[i] > 0 && Number.isFinite(estimate[i]))) return false;
      for (let i = 0; i < dim; i++) invMass[i] = estimate[i];
      refreshMomentumSd();
      return true;
    },
    invMassDiagonal: () => Float64Array.from(invMass),
    invMassMatrix(): Float64Array {
      const out = new Float64Array(dim * dim);
      for (let i = 0; i < dim; i++) out[i * dim + i] = invMass[i];
      return out;
    },
  };
}

/**
 * Dense metric with a full inverse metric Σ (Stan's `dense_e`), starting from Σ = diag(initialInvMass).
 * Momenta p = L⁻ᵀz (z ~ N(0, I), Σ = L·Lᵀ) have covariance M = Σ⁻¹, matching K(p) = ½·pᵀΣp.
 * @param dim number of coordinates, integer ≥ 1
 * @param initialInvMass initial diagonal of Σ [dim], all positive and finite; default all 1 (Σ = I)
 * @returns the metric
 * @throws EngineError INVALID_ARGUMENT when initialInvMass has the wrong length or a non-positive or
 *   non-finite entry
 * @example
 * const m = denseMetric(2);
 * m.update([2, 1, 1, 2]); // true: Σ = [[2, 1], [1, 2]]
 * m.kinetic(Float64Array.of(1, 1)); // 3 = ½·(2 + 1 + 1 + 2)
 */
export function denseMetric(dim: number, initialInvMass?: ArrayLike<number>): HmcMetric {
  const diag = initialDiagonal(dim, initialInvMass);
  const sigma = new Float64Array(dim * dim);
  const chol = new Float64Array(dim * dim);
  for (let i = 0; i < dim; i++) {
    sigma[i * dim + i] = diag[i];
    chol[i * dim + i] = Math.sqrt(diag[i]);
  }
  const sym = new Float64Array(dim * dim);
  const buf = new Float64Array(dim); // velocity scratch for drift and kinetic
  const velocity = (p: Float64Array, out: Float64Array): void => {
    for (let i = 0; i < dim; i++) {
      const ri = i * dim;
      let s = 0;
      for (let j = 0; j < dim; j++) s += sigma[ri + j] * p[j];
      out[i] = s;
    }
  };
  return {
    kind: 'dense',
    dim,
    estimateLength: dim * dim,
    sampleMomentum(rng: Rng, out: Float64Array): void {
      for (let i = 0; i < dim; i++) out[i] = normal(rng);
      // Back substitution Lᵀp = z, in place (Lᵀ is upper triangular; (Lᵀ)[i][k] = L[k][i]).
      for (let i = dim - 1; i >= 0; i--) {
        let s = out[i];
        for (let k = i + 1; k < dim; k++) s -= chol[k * dim + i] * out[k];
        out[i] = s / chol[i * dim + i];
      }
    },
    velocity,
    drift(q: Float64Array, p: Float64Array, eps: number): void {
      velocity(p, buf);
      for (let i = 0; i < dim; i++) q[i] += eps * buf[i];
    },
    kinetic(p: Float64Array): number {
      velocity(p, buf);
      let k = 0;
      for (let i = 0; i < dim; i++) k += p[i] * buf[i];
      return 0.5 * k;
    },
    update(estimate: ArrayLike<number>): boolean {
      if (estimate.length !== dim * dim) throw new EngineError('INVALID_ARGUMENT', `estimate has length ${estimate.length}, expected ${dim * dim}`);
      // Symmetrise from the lower triangle, which is what the factorisation reads.
      for (let i = 0; i < dim; i++) {
        for (let j = 0; j <= i; j++) {
          const v = estimate[i * dim + j];
          if (!Number.isFinite(v)) return false;
          sym[i * dim + j] = v;
          sym[j * dim + i] = v;
        }
      }
      let l: Float64Array;
      try {
        l = cholesky(sym, dim);
      } catch (e) {
        if (e instanceof EngineError && e.code === 'NOT_POSITIVE_DEFINITE') return false;
        throw e;
      }
      sigma.set(sym);
      chol.set(l);
      return true;
    },
    invMassDiagonal(): Float64Array {
      const out = new Float64Array(dim);
      for (let i = 0; i < dim; i++) out[i] = sigma[i * dim + i];
      return out;
    },
    invMassMatrix: () => Float64Array.from(sigma),
  };
}

/**
 * The metric of the given kind with its windowed warmup adapter (same Stan windows for both kinds).
 * @param kind 'diag' or 'dense'
 * @param dim number of coordinates, integer ≥ 1
 * @param warmup number of warmup iterations, integer ≥ 0 (< 150: the adapter never fires)
 * @param initialInvMass initial diagonal of Σ [dim]; default all 1
 * @returns the metric, its adapter and a buffer of the adapter's estimate length
 * @throws EngineError INVALID_ARGUMENT for an unknown kind or a bad dim, warmup or initialInvMass
 * @example
 * const { metric, adapter, estimate } = createMetric('dense', 3, 1000);
 * // warmup iteration i: if (adapter.observe(i, q, estimate)) metric.update(estimate);
 */
export function createMetric(
  kind: MetricKind, dim: number, warmup: number, initialInvMass?: ArrayLike<number>,
): { metric: HmcMetric; adapter: MetricAdapter; estimate: Float64Array } {
  if (kind !== 'diag' && kind !== 'dense') throw new EngineError('INVALID_ARGUMENT', `metric must be 'diag' or 'dense', got ${String(kind)}`);
  const metric = kind === 'dense' ? denseMetric(dim, initialInvMass) : diagonalMetric(dim, initialInvMass);
  const adapter = kind === 'dense' ? createDenseMetricAdapter(dim, warmup) : createDiagonalMetricAdapter(dim, warmup);
  return { metric, adapter, estimate: new Float64Array(metric.estimateLength) };
}
