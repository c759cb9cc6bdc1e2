import { checkParam } from '../check-param.ts';
import type { ParamSpec } from '../param-spec.ts';
import { checkMaxLag, checkWeightsOut } from './check-max-lag.ts';
import { lagLogs } from './lag-logs.ts';
import type { AdstockKernel, AdstockSpecOf } from './types.ts';

/** The Weibull adstock families: both have the parameters shape (k) and scale (λ, in periods). */
export type WeibullType = 'weibull-cdf' | 'weibull-pdf';

type WeibullSpec = AdstockSpecOf<WeibullType>;

/**
 * Writes the raw lag weights w[0..maxLag] of one Weibull family (arguments already validated).
 * @param w output, length ≥ maxLag + 1
 * @param maxLag longest lag kept (integer ≥ 0)
 * @param shape Weibull shape k > 0
 * @param logScale ln λ, λ the Weibull scale in periods
 * @param logs ln(i) for i = 0..maxLag + 1 (from `lagLogs`, read only)
 */
export type WeibullFill = (w: Float64Array, maxLag: number, shape: number, logScale: number, logs: Float64Array) => void;

/**
 * Builds a Weibull adstock kernel from what differs between the two families (type, label, search
 * bounds, the weight formula) and what they share: the (shape, scale) vector layout, validation of
 * the domain shape > 0, scale > 0, and the checks and buffers of `weights`, which hands `fill`
 * ln λ and the cached table of ln(lag) so the formulas can work in log space.
 * @param type 'weibull-cdf' or 'weibull-pdf'
 * @param label display name
 * @param params search bounds for shape then scale, in that order
 * @param fill writes w[0..maxLag]; see `WeibullFill`
 * @returns the kernel; its `validate` and `weights` throw EngineError('INVALID_ARGUMENT') for a
 *   shape or scale that is not a finite number > 0 or a bad maxLag, and `weights` throws
 *   EngineError('SHAPE_MISMATCH') for an `out` shorter than maxLag + 1
 * @example
 * const flat = weibullKernel('weibull-cdf', 'Flat', weibullCdfAdstock.params as [ParamSpec, ParamSpec], (w, maxLag) => w.fill(1, 0, maxLag + 1));
 * flat.weights({ type: 'weibull-cdf', shape: 2, scale: 5 }, 2) // [1, 1, 1]
 * flat.fromVector([2, 5]) // { type: 'weibull-cdf', shape: 2, scale: 5 }
 */
export function weibullKernel(type: 'weibull-cdf', label: string, params: readonly [ParamSpec, ParamSpec], fill: WeibullFill): AdstockKernel<AdstockSpecOf<'weibull-cdf'>>;
export function weibullKernel(type: 'weibull-pdf', label: string, params: readonly [ParamSpec, ParamSpec], fill: WeibullFill): AdstockKernel<AdstockSpecOf<'weibull-pdf'>>;
export function weibullKernel(
  type: WeibullType,
  label: string,
  params: readonly [ParamSpec, ParamSpec],
  fill: WeibullFill,
): AdstockKernel<WeibullSpec> {
  const name = `${type} adstock`;
  function validate(spec: WeibullSpec): void {
    checkParam(name, 'shape', spec.shape, 0, Infinity, true, true);
    checkParam(name, 'scale', spec.scale, 0, Infinity, true, true);
  }
  return {
    type,
    label,
    params,
    fromVector(values: ArrayLike<number>, offset = 0): WeibullSpec {
      return { type, shape: values[offset], scale: values[offset + 1] };
    },
    toVector(spec: WeibullSpec): number[] {
      return [spec.shape, spec.scale];
    },
    validate,
    weights(spec: WeibullSpec, maxLag: number, out?: Float64Array): Float64Array {
      validate(spec);
      checkMaxLag(maxLag);
      const w = out ?? new Float64Array(maxLag + 1);
      checkWeightsOut(w, maxLag);
      fill(w, maxLag, spec.shape, Math.log(spec.scale), lagLogs(maxLag + 1));
      return w;
    },
  };
}
