import { checkParam } from '../check-param.ts';
import { checkSameLength } from './check-series.ts';
import type { SaturationKernel, SaturationSpecOf } from './types.ts';

type Log1pSpec = SaturationSpecOf<'log1p'>;

function validate(spec: Log1pSpec): void {
  checkParam('log1p saturation', 'scale', spec.scale, 0, Infinity, true, true);
}

/**
 * Logarithmic saturation f(x) = ln(1 + x/c), c = scale: unbounded, concave, with f'(x) = 1/(c + x)
 * (f'(0) = 1/c). Computed with Math.log1p for accuracy at small x/c.
 * Inverse f⁻¹(y) = c·(e^y − 1) (Math.expm1) for y ≥ 0 (the whole range on x ≥ 0), NaN for y < 0.
 * Domain: c > 0. Search (scaled units): c in [0.05, 5] log (small c bends sharply near 0,
 * large c is nearly linear over typical spend).
 * @example log1pSaturation.value(1, { type: 'log1p', scale: 1 }) // Math.LN2 = 0.6931…
 */
export const log1pSaturation: SaturationKernel<Log1pSpec> = {
  type: 'log1p',
  label: 'Log(1 + x)',
  params: [
    { name: 'scale', lower: 0.05, upper: 5, scale: 'log', doc: 'Input (in typical-spend units) at which the curve starts to bend.' },
  ],
  fromVector(values: ArrayLike<number>, offset = 0): Log1pSpec {
    return { type: 'log1p', scale: values[offset] };
  },
  toVector(spec: Log1pSpec): number[] {
    return [spec.scale];
  },
  validate,
  value(x: number, spec: Log1pSpec): number {
    return x <= 0 ? 0 : Math.log1p(x / spec.scale);
  },
  derivative(x: number, spec: Log1pSpec): number {
    return x < 0 ? 0 : 1 / (spec.scale + x);
  },
  inverse(y: number, spec: Log1pSpec): number {
    if (!(y >= 0)) return NaN;
    return spec.scale * Math.expm1(y);
  },
  apply(x: Float64Array, spec: Log1pSpec, out: Float64Array): void {
    validate(spec);
    checkSameLength(x, out, 'log1p saturation');
    const inv = 1 / spec.scale;
    for (let t = 0, n = x.length; t < n; t++) {
      const xt = x[t];
      out[t] = xt <= 0 ? 0 : Math.log1p(xt * inv);
    }
  },
};
