import type { ParamSpec } from '../param-spec.ts';

/**
 * Serialisable saturation (diminishing returns) settings, tagged by `type`. All act on a
 * non-negative input x that the design has already divided by the channel's scale (so x ≈ 1 is a
 * typical adstocked spend level) and return a value in [0, ∞) with f(0) = 0.
 *
 * - hill:             x^shape / (x^shape + halfSaturation^shape)   (Jin et al. 2017, eq. 3); S-shaped when shape > 1
 * - logistic:         (1 − e^(−λx)) / (1 + e^(−λx))                (PyMC-Marketing's logistic saturation)
 * - michaelis-menten: x / (halfSaturation + x)
 * - log1p:            ln(1 + x / scale)                            (unbounded, always concave)
 */
export type SaturationSpec =
  | { readonly type: 'hill'; readonly halfSaturation: number; readonly shape: number }
  | { readonly type: 'logistic'; readonly lambda: number }
  | { readonly type: 'michaelis-menten'; readonly halfSaturation: number }
  | { readonly type: 'log1p'; readonly scale: number };

export type SaturationType = SaturationSpec['type'];

/** The spec of one saturation family, e.g. `SaturationSpecOf<'hill'>`. */
export type SaturationSpecOf<K extends SaturationType> = Extract<SaturationSpec, { readonly type: K }>;

/** One saturation family: value, derivative and inverse, plus a tight loop over a series. */
export interface SaturationKernel<S extends SaturationSpec = SaturationSpec> {
  readonly type: S['type'];
  readonly label: string;
  /** Parameters in the order used by fromVector / toVector (search space, in scaled units). */
  readonly params: readonly ParamSpec[];
  fromVector(values: ArrayLike<number>, offset?: number): S;
  toVector(spec: S): number[];
  /**
   * Throw EngineError('INVALID_ARGUMENT') naming the parameter when the spec's parameters are not
   * finite numbers in the family's domain. `apply` calls it once per call; `value`, `derivative`
   * and `inverse` trust their spec (they sit in optimizer inner loops).
   */
  validate(spec: S): void;
  /** f(x) for x ≥ 0. Inputs x < 0 (round-off from adstock recursions) are treated as 0. */
  value(x: number, spec: S): number;
  /** f'(x): used for marginal ROI and by the budget optimizer. Right derivative at 0; 0 for x < 0. */
  derivative(x: number, spec: S): number;
  /** f⁻¹(y) on the range of f; NaN outside it (e.g. y ≥ 1 for bounded curves). */
  inverse(y: number, spec: S): number;
  /** out[t] = f(x[t]) for every t; `out` may alias `x`. */
  apply(x: Float64Array, spec: S, out: Float64Array): void;
}
