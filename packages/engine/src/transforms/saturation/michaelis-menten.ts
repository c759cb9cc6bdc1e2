import { checkParam } from '../check-param.ts';
import { checkSameLength } from './check-series.ts';
import type { SaturationKernel, SaturationSpecOf } from './types.ts';

type MichaelisMentenSpec = SaturationSpecOf<'michaelis-menten'>;

function validate(spec: MichaelisMentenSpec): void {
  checkParam('michaelis-menten saturation', 'halfSaturation', spec.halfSaturation, 0, Infinity, true, true);
}

/**
 * Michaelis–Menten saturation f(x) = x / (K + x), K = halfSaturation (Michaelis & Menten 1913; the
 * Hill curve with shape 1). Bounded by 1, concave. f'(x) = K / (K + x)², f'(0) = 1/K.
 * Inverse f⁻¹(y) = K·y / (1 − y) for y in [0, 1), NaN otherwise.
 * Domain: K > 0. Search (scaled units): K in [0.05, 5] log.
 * @example michaelisMentenSaturation.value(3, { type: 'michaelis-menten', halfSaturation: 1 }) // 0.75
 */
export const michaelisMentenSaturation: SaturationKernel<MichaelisMentenSpec> = {
  type: 'michaelis-menten',
  label: 'Michaelis–Menten',
  params: [
    { name: 'halfSaturation', lower: 0.05, upper: 5, scale: 'log', doc: 'Input (in typical-spend units) at which half the maximum effect is reached.' },
  ],
  fromVector(values: ArrayLike<number>, offset = 0): MichaelisMentenSpec {
    return { type: 'michaelis-menten', halfSaturation: values[offset] };
  },
  toVector(spec: MichaelisMentenSpec): number[] {
    return [spec.halfSaturation];
  },
  validate,
  value(x: number, spec: MichaelisMentenSpec): number {
    return x <= 0 ? 0 : x / (spec.halfSaturation + x);
  },
  derivative(x: number, spec: MichaelisMentenSpec): number {
    if (x < 0) return 0;
    const d = spec.halfSaturation + x;
    return spec.halfSaturation / (d * d);
  },
  inverse(y: number, spec: MichaelisMentenSpec): number {
    if (!(y >= 0 && y < 1)) return NaN;
    return (spec.halfSaturation * y) / (1 - y);
  },
  apply(x: Float64Array, spec: MichaelisMentenSpec, out: Float64Array): void {
    validate(spec);
    checkSameLength(x, out, 'michaelis-menten saturation');
    const k = spec.halfSaturation;
    for (let t = 0, n = x.length; t < n; t++) {
      const xt = x[t];
      out[t] = xt <= 0 ? 0 : xt / (k + xt);
    }
  },
};
