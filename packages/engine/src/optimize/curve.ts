import { EngineError } from '../errors.ts';
import { getSaturationKernel } from '../transforms/saturation/registry.ts';
import type { SaturationSpec } from '../transforms/saturation/types.ts';
import type { ChannelResponse, ResponseComponent } from './types.ts';
import { mixtureCurve } from './mixture-curve.ts';
import { hillCurve } from './hill-curve.ts';

/**
 * A channel's steady-state response compiled for the solvers, in spend units:
 * r(x) = coef·f(g·x), r'(x) = coef·g·f'(g·x), r''(x) = coef·g²·f''(g·x).
 */
export interface Curve {
  value(x: number): number;
  d1(x: number): number;
  d2(x: number): number;
  /** Spend where r turns from convex to concave (0 when r is concave everywhere); r is concave beyond it. */
  readonly inflection: number;
  /**
   * False when r is not convex on [0, inflection] (a mixture of differently shaped curves): the
   * concave-envelope relaxation is then not a certified upper bound. Omitted means true.
   */
  readonly convexConcave?: boolean;
}

/**
 * Second derivative of a saturation curve at u ≥ 0 (scaled units), analytic per family:
 * Hill f'' = f'·((s−1) − (s+1)r) / (u(1+r)), r = (u/K)^s (Jin et al. 2017, eq. 3 differentiated);
 * logistic f'' = −λ·f'·(1 − e^(−λu)) / (1 + e^(−λu)); Michaelis–Menten f'' = −2K/(K+u)³;
 * log1p f'' = −1/(S+u)².
 * @example saturationSecond(1, { type: 'michaelis-menten', halfSaturation: 1 }) // −2/8 = −0.25
 */
export function saturationSecond(u: number, spec: SaturationSpec): number {
  switch (spec.type) {
    case 'hill': {
      if (u <= 0) return 0;
      const s = spec.shape;
      const r = Math.pow(u / spec.halfSaturation, s);
      const d1 = (s * r) / (u * (1 + r) * (1 + r));
      return (d1 * ((s - 1) - (s + 1) * r)) / (u * (1 + r));
    }
    case 'logistic': {
      const e = Math.exp(-spec.lambda * Math.max(u, 0));
      const d1 = (2 * spec.lambda * e) / ((1 + e) * (1 + e));
      return (-spec.lambda * d1 * (1 - e)) / (1 + e);
    }
    case 'michaelis-menten': {
      const k = spec.halfSaturation + Math.max(u, 0);
      return (-2 * spec.halfSaturation) / (k * k * k);
    }
    case 'log1p': {
      const k = spec.scale + Math.max(u, 0);
      return -1 / (k * k);
    }
  }
}

/**
 * Compile a channel's response into a Curve (value and analytic first and second derivatives in
 * spend units). Hill curves with shape > 1 are S-shaped, inflection at K((s−1)/(s+1))^(1/s) / g
 * (Jin et al. 2017); every other supported curve is concave. A channel with `components` compiles to
 * their mean (mixtureCurve).
 * @param ch the channel (coef ≥ 0, gain > 0, a valid saturation spec)
 * @throws EngineError('INVALID_ARGUMENT') for a negative or non-finite coef, or a non-positive gain
 * @example compileCurve({ name: 'a', current: 1, coef: 2, gain: 1, saturation: { type: 'michaelis-menten', halfSaturation: 1 } }).value(1) // 1
 */
export function compileCurve(ch: ChannelResponse): Curve {
  if (ch.components && ch.components.length > 0) {
    const curves = ch.components.map((c) => compileOne(ch.name, c));
    const hill = ch.components.every((c) => c.saturation.type === 'hill')
      ? ch.components.map((c) => (c.saturation.type === 'hill' ? { coef: c.coef, gain: c.gain, halfSaturation: c.saturation.halfSaturation, shape: c.saturation.shape } : null)).filter((h) => h !== null)
      : undefined;
    return mixtureCurve(curves, hill);
  }
  return compileOne(ch.name, ch);
}

function compileOne(name: string, ch: ResponseComponent): Curve {
  if (!(ch.coef >= 0) || !Number.isFinite(ch.coef)) throw new EngineError('INVALID_ARGUMENT', `optimize: channel ${name} has coef ${ch.coef}; it must be a finite number ≥ 0`);
  if (!(ch.gain > 0) || !Number.isFinite(ch.gain)) throw new EngineError('INVALID_ARGUMENT', `optimize: channel ${name} has gain ${ch.gain}; it must be a finite number > 0`);
  const kernel = getSaturationKernel(ch.saturation.type);
  kernel.validate(ch.saturation);
  const spec = ch.saturation, c = ch.coef, g = ch.gain;
  // Hill is the default saturation: it gets a faster compiled form; the other kernels are concave.
  if (spec.type === 'hill') return hillCurve(c, g, spec.halfSaturation, spec.shape);
  return {
    value: (x) => c * kernel.value(g * x, spec),
    d1: (x) => c * g * kernel.derivative(g * x, spec),
    d2: (x) => c * g * g * saturationSecond(g * x, spec),
    inflection: 0,
  };
}
