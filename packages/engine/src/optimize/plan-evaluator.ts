import { getSaturationKernel } from '../transforms/saturation/registry.ts';
import type { PlanChannel } from './plan-types.ts';
import { geoCarryIn, geoSaturation } from './geo-carry-in.ts';

/** Smallest saturation input at which gradients evaluate f' (scaled units): f'(0) = +∞ for Hill shapes < 1. */
export const U_MIN = 1e-9;

/**
 * The adstocked level that spend outside the plan contributes at plan periods t = 0…T−1: the
 * carry-in Σ_{l > t} w[l]·history[nh + t − l] of spend before it (zero from t = L on), plus, from
 * t = H on, Σ_{l ≤ t − H} w[l]·after of the spend per period after it.
 * @param w lag weights [L + 1]; history spend before the plan, oldest first; H plan periods; T levels; after spend per period after the plan
 * @example fixedLevels(Float64Array.of(0.5, 0.5), [4], 1, 2, 0) // [2, 0]
 */
export function fixedLevels(w: ArrayLike<number>, history: readonly number[], H: number, T: number, after = 0): Float64Array {
  const L = w.length - 1, nh = history.length;
  const level = new Float64Array(T);
  for (let t = 0; t < Math.min(T, L); t++) {
    let a = 0;
    for (let l = t + 1; l <= L && nh + t - l >= 0; l++) a += w[l] * history[nh + t - l];
    level[t] = a;
  }
  if (after !== 0) for (let t = H; t < T; t++) for (let l = 0; l <= Math.min(L, t - H); l++) level[t] += w[l] * after;
  return level;
}

/**
 * The media KPI after the plan that the spend after it earns on its own, Σ_{t=H}^{H+L−1} coef·f(A_t/scale)
 * with A_t = Σ_{l ≤ t − H} w[l]·after: subtracted from the KPI after the plan, so the carry-out is only
 * what spend up to the plan's end adds (0 when after = 0).
 * @example afterPlanKpi(channel, 13) // 0 for a channel without `after`
 */
export function afterPlanKpi(ch: PlanChannel, H: number): number {
  const after = ch.after ?? 0;
  if (after === 0) return 0;
  const w = ch.weights, L = w.length - 1, kernel = getSaturationKernel(ch.saturation.type);
  let v = 0, a = 0;
  for (let t = H; t < H + L; t++) {
    a += w[t - H] * after;
    v += ch.coef * kernel.value(a / ch.scale, ch.saturation);
  }
  return v;
}

/**
 * A compiled plan objective for repeated evaluation: the same value and gradient as `planValue`
 * (Σ window KPI, plus Σ carry-out when includeCarryOut), faster because the carry-in from the history
 * and the spend after it (fixedLevels) are computed once, buffers are reused, and the plan part of
 * each adstocked level only sums the at most min(H, L + 1) plan periods that reach it. A geo-level
 * channel sums its geos' curves while their carry-in differs (geoCarryIn), as planValue does.
 * @param channels [nChannels] plan channels; periods H ≥ 1; includeCarryOut whether to count t ≥ H
 * @returns f(x, grad?) for x [H × nChannels] period-major; grad (optional output, same shape) ∂f/∂x
 * @example planEvaluator(channels, 13, true)(x) // = Σ planValue(channels, x, 13).window + Σ .carryOut
 */
export function planEvaluator(channels: readonly PlanChannel[], periods: number, includeCarryOut: boolean): (x: Float64Array, grad?: Float64Array) => number {
  const H = periods, nC = channels.length;
  const parts = channels.map((ch) => {
    const w = Float64Array.from(ch.weights), L = w.length - 1, T = H + L;
    const fixed = fixedLevels(w, ch.history, H, T, ch.after);
    const hill = ch.saturation.type === 'hill' ? ch.saturation : null;
    return {
      w, L, T, fixed, offset: includeCarryOut ? afterPlanKpi(ch, H) : 0, g: new Float64Array(T), kernel: getSaturationKernel(ch.saturation.type), spec: ch.saturation, coef: ch.coef, inv: 1 / ch.scale, geo: geoCarryIn(ch),
      hillK: hill ? hill.halfSaturation : 0, hillS: hill ? hill.shape : 0,
    };
  });
  return (x, grad) => {
    let total = 0;
    for (let c = 0; c < nC; c++) {
      const { w, L, T, fixed, offset, g, kernel, spec, coef, inv, hillK, hillS, geo } = parts[c];
      const tEnd = includeCarryOut ? T : H;
      total -= offset;
      for (let t = 0; t < tEnd; t++) {
        let a = fixed[t];
        const sHi = t < H ? t : H - 1;
        for (let s = t > L ? t - L : 0; s <= sHi; s++) a += w[t - s] * x[s * nC + c];
        const u = a * inv;
        if (geo !== null && t < L) {
          // A geo-level channel's geos differ in carry-in here: sum their curves (geoCarryIn).
          const gs = geoSaturation(geo, t, a, inv, kernel, spec, U_MIN, false);
          total += coef * gs.value;
          if (grad) g[t] = coef * gs.d1 * inv;
          continue;
        }
        if (hillK > 0) {
          // Hill inlined (one power for value and slope; the same formulas as hillSaturation).
          const uu = u > U_MIN ? u : U_MIN;
          const r = Math.exp(hillS * Math.log(uu / hillK));
          if (u > 0) total += coef * (u === uu ? (r <= 1 ? r / (1 + r) : 1 / (1 + 1 / r)) : kernel.value(u, spec));
          if (grad) {
            const q = r <= 1 ? r : 1 / r;
            g[t] = (coef * hillS * q * inv) / (uu * (1 + q) * (1 + q));
          }
          continue;
        }
        total += coef * kernel.value(u, spec);
        if (grad) g[t] = coef * kernel.derivative(u > U_MIN ? u : U_MIN, spec) * inv;
      }
      if (grad) {
        for (let s = 0; s < H; s++) {
          let d = 0;
          const lEnd = Math.min(L, tEnd - 1 - s);
          for (let l = 0; l <= lEnd; l++) if (w[l] !== 0) d += g[s + l] * w[l];
          grad[s * nC + c] = d;
        }
      }
    }
    return total;
  };
}
