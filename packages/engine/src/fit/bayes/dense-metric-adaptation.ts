/**
 * Windowed adaptation of a dense inverse metric Σ (a full covariance matrix) for Hamiltonian Monte
 * Carlo — Stan's `dense_e` adaptation (Stan Reference Manual, "HMC algorithm parameters → Automatic
 * parameter tuning"). The windows are exactly those of the diagonal adaptation ({@link warmupSchedule}
 * in mass-matrix-adaptation.ts); only the estimator differs: at the end of each slow window Σ is set to
 * the regularised sample covariance of the positions collected in that window,
 * Σ_reg = (n/(n+5))·Σ̂ + 1e-3·(5/(n+5))·I, which is positive definite whenever Σ̂ is positive
 * semi-definite, even when n < dim makes Σ̂ singular.
 *
 * Covariances are accumulated with Welford's (1962) one-pass co-moment update ("Note on a method for
 * calculating corrected sums of squares and products", Technometrics 4(3)).
 */
import { EngineError } from '../../errors.ts';
import { windowedAdaptation, type WarmupSchedule } from './mass-matrix-adaptation.ts';

/** Running mean and covariance matrix; see {@link createWelfordCovariance}. */
export interface WelfordCovariance {
  readonly dim: number;
  /** Number of vectors added since the last reset. */
  readonly count: number;
  /** Add one vector of length dim. */
  add(x: ArrayLike<number>): void;
  /** Forget everything added so far. */
  reset(): void;
  /** Write the running mean into `out` (length dim, allocated when omitted) and return it. */
  mean(out?: Float64Array): Float64Array;
  /**
   * Write the sample covariance (divisor n − 1; all 0 when n < 2), row-major [dim × dim] and exactly
   * symmetric, into `out` (allocated when omitted) and return it.
   */
  covariance(out?: Float64Array): Float64Array;
}

function checkDim(dim: number): void {
  if (!(Number.isInteger(dim) && dim >= 1)) throw new EngineError('INVALID_ARGUMENT', `dim must be a positive integer, got ${dim}`);
}

function checkLength(name: string, a: ArrayLike<number>, expected: number): void {
  if (a.length !== expected) throw new EngineError('INVALID_ARGUMENT', `${name} has length ${a.length}, expected ${expected}`);
}

/**
 * Create a one-pass accumulator of the mean vector and sample covariance matrix by Welford's (1962)
 * co-moment update: for the n-th vector x, δ = x − m, m ← m + δ/n, C ← C + (x − m)·δᵀ,
 * cov = C/(n − 1). Only the lower triangle of C is accumulated (it is symmetric); `covariance` mirrors
 * it. Numerically stable when the values sit on a large offset.
 * @param dim vector length, integer ≥ 1
 * @returns the accumulator
 * @throws EngineError INVALID_ARGUMENT when dim is not a positive integer, or (from `add`,
 *   `covariance`, `mean`) when a vector or output has the wrong length
 * @example
 * const w = createWelfordCovariance(2);
 * for (const v of [1, 2, 3]) w.add([v, -2 * v]);
 * w.covariance(); // Float64Array [1, -2, -2, 4]
 */
export function createWelfordCovariance(dim: number): WelfordCovariance {
  checkDim(dim);
  const m = new Float64Array(dim);
  const c = new Float64Array(dim * dim);
  const delta = new Float64Array(dim);
  let n = 0;
  return {
    dim,
    get count() { return n; },
    add(x: ArrayLike<number>): void {
      checkLength('x', x, dim);
      n += 1;
      const inv = 1 / n;
      for (let i = 0; i < dim; i++) {
        const d = x[i] - m[i];
        delta[i] = d;
        m[i] += d * inv;
      }
      for (let i = 0; i < dim; i++) {
        const e = x[i] - m[i];
        const ri = i * dim;
        for (let j = 0; j <= i; j++) c[ri + j] += e * delta[j];
      }
    },
    reset(): void {
      n = 0;
      m.fill(0);
      c.fill(0);
    },
    mean(out: Float64Array = new Float64Array(dim)): Float64Array {
      checkLength('out', out, dim);
      out.set(m);
      return out;
    },
    covariance(out: Float64Array = new Float64Array(dim * dim)): Float64Array {
      checkLength('out', out, dim * dim);
      const div = n > 1 ? 1 / (n - 1) : 0;
      for (let i = 0; i < dim; i++) {
        for (let j = 0; j <= i; j++) {
          const v = c[i * dim + j] * div;
          out[i * dim + j] = v;
          out[j * dim + i] = v;
        }
      }
      return out;
    },
  };
}

/**
 * Regularise a sample covariance estimated from n draws towards a small multiple of the identity, as in
 * the Stan Reference Manual's dense metric adaptation: (n/(n+5))·cov + 1e-3·(5/(n+5))·I. The shrinkage
 * keeps the metric positive definite and well conditioned when a window is short.
 * @param cov sample covariance, row-major [dim × dim]
 * @param dim matrix order, integer ≥ 1
 * @param n number of draws behind the estimate, ≥ 1
 * @param out destination [dim × dim] (may be `cov` itself); allocated when omitted
 * @returns `out`
 * @throws EngineError INVALID_ARGUMENT when dim is not a positive integer, n < 1, or `cov` or `out`
 *   has the wrong length
 * @example regularizeCovariance([4, 2, 2, 3], 2, 20); // Float64Array [3.2002, 1.6, 1.6, 2.4002]
 */
export function regularizeCovariance(
  cov: ArrayLike<number>, dim: number, n: number, out: Float64Array = new Float64Array(dim * dim),
): Float64Array {
  checkDim(dim);
  if (!(n >= 1)) throw new EngineError('INVALID_ARGUMENT', `n must be ≥ 1, got ${n}`);
  checkLength('cov', cov, dim * dim);
  checkLength('out', out, dim * dim);
  const a = n / (n + 5);
  const b = 1e-3 * (5 / (n + 5));
  for (let k = 0; k < dim * dim; k++) out[k] = a * cov[k];
  for (let i = 0; i < dim; i++) out[i * dim + i] += b;
  return out;
}

/** Windowed dense-metric adapter state; see {@link createDenseMetricAdapter}. */
export interface DenseMetricAdapter {
  /** The schedule being followed (the same windows as the diagonal adaptation). */
  readonly schedule: WarmupSchedule;
  /**
   * Report the position reached at warmup iteration `iteration` (0-based, called once per iteration in
   * order). Positions inside a slow window are accumulated; when `iteration` closes a slow window, the
   * regularised covariance is written into `invMetric` (row-major [dim × dim]) and `true` is returned
   * (the caller should then update the metric and restart step-size adaptation); otherwise `invMetric`
   * is untouched and `false` is returned.
   */
  observe(iteration: number, x: ArrayLike<number>, invMetric: Float64Array): boolean;
}

/**
 * Create a windowed dense-metric adapter for `warmup` iterations (Stan Reference Manual windowed
 * adaptation; windowedAdaptation over warmupSchedule, estimator from {@link createWelfordCovariance} and
 * {@link regularizeCovariance}). With warmup < 150 it never updates the metric.
 * @param dim number of coordinates, integer ≥ 1
 * @param warmup number of warmup iterations, integer ≥ 0
 * @returns the adapter
 * @throws EngineError INVALID_ARGUMENT for a bad dim or warmup, or (from `observe`) an `invMetric` of
 *   the wrong length
 * @example
 * const adapt = createDenseMetricAdapter(2, 1000);
 * const invMetric = new Float64Array(4);
 * // in warmup iteration i, after the transition to x:
 * // if (adapt.observe(i, x, invMetric)) { metric.update(invMetric); stepSizeAdapter.restart(stepSize); }
 */
export function createDenseMetricAdapter(dim: number, warmup: number): DenseMetricAdapter {
  const acc = createWelfordCovariance(dim);
  return windowedAdaptation(warmup, {
    add: (x) => acc.add(x),
    reset: () => acc.reset(),
    write(invMetric) {
      checkLength('invMetric', invMetric, dim * dim);
      regularizeCovariance(acc.covariance(invMetric), dim, acc.count, invMetric);
    },
  });
}
