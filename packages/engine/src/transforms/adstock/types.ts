import type { ParamSpec } from '../param-spec.ts';

/**
 * Serialisable adstock (carryover) settings, tagged by `type`. Lags are in periods of the data
 * (weeks for weekly data, days for daily data).
 *
 * - geometric: w[l] = alpha^l                                  (Jin et al. 2017, eq. 1 with θ = 0)
 * - delayed:   w[l] = alpha^((l − delay)^2)                    (Jin et al. 2017, eq. 1, peak at `delay`)
 * - weibull-cdf: w[l] = 1 − F(l; shape, scale), F the Weibull CDF (survival: share still active at lag l)
 * - weibull-pdf: w[l] = f(l + 1; shape, scale), f the Weibull density (flexible peak; shape > 1 delays it)
 */
export type AdstockSpec =
  | { readonly type: 'geometric'; readonly alpha: number }
  | { readonly type: 'delayed'; readonly alpha: number; readonly delay: number }
  | { readonly type: 'weibull-cdf'; readonly shape: number; readonly scale: number }
  | { readonly type: 'weibull-pdf'; readonly shape: number; readonly scale: number };

export type AdstockType = AdstockSpec['type'];

/** The spec of one adstock family, e.g. `AdstockSpecOf<'geometric'>`. */
export type AdstockSpecOf<K extends AdstockType> = Extract<AdstockSpec, { readonly type: K }>;

/**
 * How an adstock is applied: `maxLag` is the longest lag kept (an integer ≥ 0, in periods);
 * `normalised` divides the weights by their sum (see the conventions in adstock.ts).
 */
export interface AdstockOptions {
  readonly maxLag: number;
  readonly normalised: boolean;
}

/** One adstock family: its parameters and how to turn them into lag weights. */
export interface AdstockKernel<S extends AdstockSpec = AdstockSpec> {
  readonly type: S['type'];
  readonly label: string;
  /** Parameters in the order used by fromVector / toVector (search space). */
  readonly params: readonly ParamSpec[];
  /** Build a spec from parameter values in `params` order. */
  fromVector(values: ArrayLike<number>, offset?: number): S;
  /** Parameter values in `params` order. */
  toVector(spec: S): number[];
  /**
   * Throw EngineError('INVALID_ARGUMENT') naming the parameter when the spec's parameters are not
   * finite numbers in the family's domain (wider than the search bounds in `params`).
   */
  validate(spec: S): void;
  /**
   * Raw (unnormalised) lag weights w[0..maxLag] (length maxLag + 1), all ≥ 0 and finite.
   * Normalising (dividing by their sum) is the caller's choice: see `adstockWeights`.
   * Validates `spec` and `maxLag`. When `out` is given (length ≥ maxLag + 1) only its first
   * maxLag + 1 entries are written and `out` itself is returned, so hot loops need not allocate.
   */
  weights(spec: S, maxLag: number, out?: Float64Array): Float64Array;
}
