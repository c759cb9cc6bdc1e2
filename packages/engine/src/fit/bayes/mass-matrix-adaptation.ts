/**
 * Windowed adaptation of a diagonal inverse metric ("inverse mass matrix") for Hamiltonian Monte Carlo,
 * following the warmup scheme described in the Stan Reference Manual (section "HMC algorithm
 * parameters → Automatic parameter tuning"):
 *
 * - an initial fast window (75 iterations) in which only the step size adapts, so the chain reaches
 *   the typical set;
 * - a series of slow windows (25 iterations, then doubling) in which the positions are collected; at the
 *   end of each the inverse metric is set to their regularised per-coordinate variance
 *   (n/(n+5))·var + 1e-3·(5/(n+5)) and the step-size adaptation restarts; the last slow window is
 *   stretched to absorb whatever is left, so that it always ends where the terminal window starts;
 * - a terminal fast window (50 iterations) in which only the step size adapts to the final metric.
 *
 * The schedule needs warmup ≥ 75 + 25 + 50 = 150. For shorter warmups this module does not scale the
 * windows down: the metric stays at its initial value and only the step size adapts (see
 * {@link warmupSchedule}). Variances are accumulated with Welford's (1962) one-pass algorithm
 * ("Note on a method for calculating corrected sums of squares and products", Technometrics 4(3)).
 */
import { EngineError } from '../../errors.ts';

/** Length of the initial fast window (Stan Reference Manual). */
export const INITIAL_FAST_WINDOW = 75;
/** Length of the first slow window; later ones double (Stan Reference Manual). */
export const FIRST_SLOW_WINDOW = 25;
/** Length of the terminal fast window (Stan Reference Manual). */
export const TERMINAL_FAST_WINDOW = 50;
/** Shortest warmup that holds the full schedule (75 + 25 + 50). */
export const MIN_METRIC_WARMUP = INITIAL_FAST_WINDOW + FIRST_SLOW_WINDOW + TERMINAL_FAST_WINDOW;

/** Warmup windows, in iterations. */
export interface WarmupSchedule {
  /** True when the metric is adapted (warmup ≥ 150); otherwise only the step size adapts. */
  readonly adaptMetric: boolean;
  /** Initial fast window (75, or the whole warmup when the metric is not adapted). */
  readonly initialFast: number;
  /** Slow window lengths in order; empty when the metric is not adapted. */
  readonly slowWindows: readonly number[];
  /** Terminal fast window (50, or 0 when the metric is not adapted). */
  readonly terminalFast: number;
  /**
   * Iteration indices (0-based, within warmup) that close a slow window, i.e. after which the metric is
   * updated; same length as `slowWindows`.
   */
  readonly windowEnds: readonly number[];
}

/**
 * Split `warmup` iterations into the Stan-style adaptation windows (Stan Reference Manual, automatic
 * parameter tuning): fast 75, slow 25, 50, 100, … each doubling, terminal fast 50. A slow window of
 * nominal length s starting at iteration a is stretched to end at the terminal window when the window
 * after it (length 2s) would not fit, i.e. when a + s + 2s > warmup − 50. The windows always sum to
 * `warmup`. When warmup < 150 the metric is not adapted and the whole warmup is one fast window.
 * @param warmup number of warmup iterations, integer ≥ 0
 * @returns the window lengths and the iterations that close each slow window
 * @throws EngineError INVALID_ARGUMENT when warmup is not a non-negative integer
 * @example
 * warmupSchedule(1000);
 * // { adaptMetric: true, initialFast: 75, slowWindows: [25, 50, 100, 200, 500], terminalFast: 50,
 * //   windowEnds: [99, 149, 249, 449, 949] }
 */
export function warmupSchedule(warmup: number): WarmupSchedule {
  if (!(Number.isInteger(warmup) && warmup >= 0)) {
    throw new EngineError('INVALID_ARGUMENT', `warmup must be a non-negative integer, got ${warmup}`);
  }
  if (warmup < MIN_METRIC_WARMUP) {
    return { adaptMetric: false, initialFast: warmup, slowWindows: [], terminalFast: 0, windowEnds: [] };
  }
  const slowEnd = warmup - TERMINAL_FAST_WINDOW;
  const slowWindows: number[] = [];
  const windowEnds: number[] = [];
  let start = INITIAL_FAST_WINDOW;
  let size = FIRST_SLOW_WINDOW;
  while (start < slowEnd) {
    const len = start + 3 * size > slowEnd ? slowEnd - start : size;
    slowWindows.push(len);
    start += len;
    windowEnds.push(start - 1);
    size *= 2;
  }
  return { adaptMetric: true, initialFast: INITIAL_FAST_WINDOW, slowWindows, terminalFast: TERMINAL_FAST_WINDOW, windowEnds };
}

/** Running per-coordinate mean and variance; see {@link createWelfordVariance}. */
export interface WelfordVariance {
  readonly dim: number;
  /** Number of vectors added since the last reset. */
  readonly count: number;
  /** Add one vector of length dim. */
  add(x: ArrayLike<number>): void;
  /** Forget everything added so far. */
  reset(): void;
  /** Write the running mean into `out` (length dim, allocated when omitted) and return it. */
  mean(out?: Float64Array): Float64Array;
  /** Write the sample variance (divisor n − 1; 0 when n < 2) into `out` and return it. */
  variance(out?: Float64Array): Float64Array;
}

/**
 * Create a one-pass accumulator of per-coordinate mean and sample variance by Welford's (1962)
 * algorithm: for the n-th vector x, δ = x − m, m ← m + δ/n, S ← S + δ·(x − m), var = S/(n − 1).
 * Numerically stable even when the values sit on a large offset.
 * @param dim vector length, integer ≥ 1
 * @returns the accumulator
 * @throws EngineError INVALID_ARGUMENT when dim is not a positive integer, or (from `add`) when a
 *   vector has the wrong length
 * @example
 * const w = createWelfordVariance(1);
 * for (const v of [1, 2, 3, 4, 5]) w.add([v]);
 * w.variance(); // Float64Array [2.5]
 */
export function createWelfordVariance(dim: number): WelfordVariance {
  if (!(Number.isInteger(dim) && dim >= 1)) throw new EngineError('INVALID_ARGUMENT', `dim must be a positive integer, got ${dim}`);
  const m = new Float64Array(dim);
  const s = new Float64Array(dim);
  let n = 0;
  return {
    dim,
    get count() { return n; },
    add(x: ArrayLike<number>): void {
      if (x.length !== dim) throw new EngineError('INVALID_ARGUMENT', `expected a vector of length ${dim}, got ${x.length}`);
      n += 1;
      const inv = 1 / n;
      for (let i = 0; i < dim; i++) {
        const xi = x[i];
        const d = xi - m[i];
        m[i] += d * inv;
        s[i] += d * (xi - m[i]);
      }
    },
    reset(): void {
      n = 0;
      m.fill(0);
      s.fill(0);
    },
    mean(out: Float64Array = new Float64Array(dim)): Float64Array {
      out.set(m);
      return out;
    },
    variance(out: Float64Array = new Float64Array(dim)): Float64Array {
      const div = n > 1 ? 1 / (n - 1) : 0;
      for (let i = 0; i < dim; i++) out[i] = s[i] * div;
      return out;
    },
  };
}

/**
 * Regularise a sample variance estimated from n draws towards a small constant, as in the Stan
 * Reference Manual's diagonal metric adaptation: (n/(n+5))·var + 1e-3·(5/(n+5)). The shrinkage keeps
 * the metric positive and well conditioned when a window is short.
 * @param variance per-coordinate sample variances [dim]
 * @param n number of draws behind the estimate, ≥ 1
 * @param out destination [dim] (may be `variance` itself); allocated when omitted
 * @returns `out`
 * @throws EngineError INVALID_ARGUMENT when n < 1 or `out` has the wrong length
 * @example regularizeVariance([4], 20); // Float64Array [3.2002] = 0.8·4 + 1e-3·0.2
 */
export function regularizeVariance(variance: ArrayLike<number>, n: number, out: Float64Array = new Float64Array(variance.length)): Float64Array {
  if (!(n >= 1)) throw new EngineError('INVALID_ARGUMENT', `n must be ≥ 1, got ${n}`);
  if (out.length !== variance.length) throw new EngineError('INVALID_ARGUMENT', `out has length ${out.length}, expected ${variance.length}`);
  const a = n / (n + 5);
  const b = 1e-3 * (5 / (n + 5));
  for (let i = 0; i < variance.length; i++) out[i] = a * variance[i] + b;
  return out;
}

/** Windowed diagonal-metric adapter state; see {@link createDiagonalMetricAdapter}. */
export interface DiagonalMetricAdapter {
  /** The schedule being followed. */
  readonly schedule: WarmupSchedule;
  /**
   * Report the position reached at warmup iteration `iteration` (0-based, called once per iteration in
   * order). Positions inside a slow window are accumulated; when `iteration` closes a slow window, the
   * regularised variance is written into `invMass` [dim] and `true` is returned (the caller should
   * then restart step-size adaptation); otherwise `invMass` is untouched and `false` is returned.
   */
  observe(iteration: number, x: ArrayLike<number>, invMass: Float64Array): boolean;
}

/** An estimate accumulated over one slow window: positions are added, then the window's estimate is written and the accumulator reset. */
export interface WindowEstimator {
  add(x: ArrayLike<number>): void;
  /** Write the (regularised) estimate of the positions added since the last reset into `out`. */
  write(out: Float64Array): void;
  reset(): void;
}

/**
 * Drive an estimator through the slow windows of `warmupSchedule(warmup)`: positions of the slow
 * windows are added; at each window's last iteration the estimate is written into `out`, the
 * estimator is reset and `true` is returned. Shared by the diagonal and the dense metric adaptation.
 * @param warmup number of warmup iterations, integer ≥ 0
 * @param estimator what is accumulated and written
 * @returns the schedule and `observe(iteration, x, out)`, to call once per warmup iteration in order
 * @throws EngineError INVALID_ARGUMENT for a bad warmup
 * @example windowedAdaptation(1000, estimator).schedule.windowEnds // [99, 149, 249, 449, 949]
 */
export function windowedAdaptation(warmup: number, estimator: WindowEstimator): DiagonalMetricAdapter {
  const schedule = warmupSchedule(warmup);
  const ends = schedule.windowEnds;
  let window = 0;
  return {
    schedule,
    observe(iteration: number, x: ArrayLike<number>, out: Float64Array): boolean {
      // Slow windows are contiguous from the end of the initial fast window to the last window end.
      if (window >= ends.length || iteration < schedule.initialFast) return false;
      estimator.add(x);
      if (iteration < ends[window]) return false;
      estimator.write(out);
      estimator.reset();
      window += 1;
      return true;
    },
  };
}

/**
 * Create a windowed diagonal-metric adapter for `warmup` iterations (Stan Reference Manual windowed
 * adaptation; schedule from {@link warmupSchedule}, estimator from {@link createWelfordVariance} and
 * {@link regularizeVariance}). With warmup < 150 it never updates the metric.
 * @param dim number of coordinates, integer ≥ 1
 * @param warmup number of warmup iterations, integer ≥ 0
 * @returns the adapter
 * @throws EngineError INVALID_ARGUMENT for a bad dim or warmup
 * @example
 * const adapt = createDiagonalMetricAdapter(2, 1000);
 * const invMass = new Float64Array([1, 1]);
 * // in warmup iteration i, after the transition to x:
 * // if (adapt.observe(i, x, invMass)) stepSizeAdapter.restart(stepSize);
 */
export function createDiagonalMetricAdapter(dim: number, warmup: number): DiagonalMetricAdapter {
  const acc = createWelfordVariance(dim);
  return windowedAdaptation(warmup, {
    add: (x) => acc.add(x),
    reset: () => acc.reset(),
    write(invMass) {
      if (invMass.length !== dim) throw new EngineError('INVALID_ARGUMENT', `invMass has length ${invMass.length}, expected ${dim}`);
      regularizeVariance(acc.variance(invMass), acc.count, invMass);
    },
  });
}
