import { checkParam } from '../check-param.ts';
import { checkSameLength } from './check-series.ts';
import type { SaturationKernel, SaturationSpecOf } from './types.ts';

type HillSpec = SaturationSpecOf<'hill'>;

function validate(spec: HillSpec): void {
  checkParam('hill saturation', 'halfSaturation', spec.halfSaturation, 0, Infinity, true, true);
  checkParam('hill saturation', 'shape', spec.shape, 0, Infinity, true, true);
}

/**
 * Hill saturation f(x) = x^s / (x^s + K^s), K = halfSaturation (f(K) = 1/2), s = shape
 * (Hill 1910; Jin et al. 2017, "Bayesian Methods for Media Mix Modeling with Carryover and Shape
 * Effects", eq. 3). Bounded by 1; concave for s ≤ 1, S-shaped (inflection at K((s−1)/(s+1))^(1/s))
 * for s > 1. Evaluated as r/(1+r) or 1/(1+1/r) with r = (x/K)^s = e^(s·ln(x/K)), whichever avoids
 * overflow (exp∘log is ≈ 3× faster than Math.pow in V8, at a relative error of ~|s·ln(x/K)|·eps).
 *
 * f'(x) = s·r / (x·(1+r)²). At x = 0 (right derivative): +∞ when s < 1 (return Infinity), 1/K when
 * s = 1, 0 when s > 1. Inverse f⁻¹(y) = K·(y/(1−y))^(1/s) for y in [0, 1), NaN otherwise.
 * Domain: K > 0, s > 0. Search (scaled units, x ≈ 1 is typical spend): K in [0.1, 4] log,
 * s in [0.5, 4] linear.
 * @example hillSaturation.value(2, { type: 'hill', halfSaturation: 1, shape: 2 }) // 4 / 5 = 0.8
 */
export const hillSaturation: SaturationKernel<HillSpec> = {
  type: 'hill',
  label: 'Hill',
  params: [
    { name: 'halfSaturation', lower: 0.1, upper: 4, scale: 'log', doc: 'Input (in typical-spend units) at which half the maximum effect is reached.' },
    { name: 'shape', lower: 0.5, upper: 4, scale: 'linear', doc: 'Steepness: ≤ 1 concave, > 1 S-shaped (a threshold before returns grow).' },
  ],
  fromVector(values: ArrayLike<number>, offset = 0): HillSpec {
    return { type: 'hill', halfSaturation: values[offset], shape: values[offset + 1] };
  },
  toVector(spec: HillSpec): number[] {
    return [spec.halfSaturation, spec.shape];
  },
  validate,
  value(x: number, spec: HillSpec): number {
    if (x <= 0) return 0;
    const r = Math.exp(spec.shape * Math.log(x / spec.halfSaturation));
    return r <= 1 ? r / (1 + r) : 1 / (1 + 1 / r);
  },
  derivative(x: number, spec: HillSpec): number {
    const s = spec.shape;
    if (x < 0) return 0;
    if (x === 0) return s < 1 ? Infinity : s === 1 ? 1 / spec.halfSaturation : 0;
    const r = Math.pow(x / spec.halfSaturation, s);
    if (r <= 1) return (s * r) / (x * (1 + r) * (1 + r));
    const q = 1 / r;
    return (s * q) / (x * (1 + q) * (1 + q));
  },
  inverse(y: number, spec: HillSpec): number {
    if (!(y >= 0 && y < 1)) return NaN;
    return spec.halfSaturation * Math.pow(y / (1 - y), 1 / spec.shape);
  },
  apply(x: Float64Array, spec: HillSpec, out: Float64Array): void {
    validate(spec);
    checkSameLength(x, out, 'hill saturation');
    const k = spec.halfSaturation;
    const s = spec.shape;
    for (let t = 0, n = x.length; t < n; t++) {
      const xt = x[t];
      if (xt <= 0) {
        out[t] = 0;
      } else {
        const r = Math.exp(s * Math.log(xt / k));
        out[t] = r <= 1 ? r / (1 + r) : 1 / (1 + 1 / r);
      }
    }
  },
};
