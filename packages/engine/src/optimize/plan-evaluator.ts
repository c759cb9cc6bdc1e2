import { getSaturationKernel } from '../transforms/saturation/registry.ts';
import type { PlanChannel } from './plan-types.ts';

/** Smallest saturation input at which gradients evaluate f' (scaled units): f'(0) = +∞ for Hill shapes < 1. */
export const U_MIN = 1e-9;

/**
 * The adstocked level that spend before the plan contributes at plan periods t = 0…T−1:
 * Σ_{l > t} w[l]·history[nh + t − l] (zero from t = L on).
 * @param w lag weights [L + 1]; history spend before the plan, oldest first; T periods
 * @example carryInLevels(Float64Array.of(0.5, 0.5), [4], 2) // [2, 0]
 */
export function carryInLevels(w: ArrayLike<number>, history: readonly number[], T: number): Float64Array {
  const L = w.length - 1, nh = history.length;
  const carryIn = new Float64Array(T);
  for (let t = 0; t < Math.min(T, L); t++) {
    let a = 0;
    for (let l = t + 1; l <= L && nh + t - l >= 0; l++) a += w[l] * history[nh + t - l];
    carryIn[t] = a;
  }
  return carryIn;
}

/**
 * A compiled plan objective for repeated evaluation: the same value and gradient as `planValue`
 * (Σ window KPI, plus Σ carry-out when includeCarryOut), faster because the carry-in from the history
 * (Σ_l w[l]·s[t − l] over the history part) is computed once, buffers are reused, and the plan part of
 * each adstocked level only sums the at most min(H, L + 1) plan periods that reach it.
 * @param channels [nChannels] plan channels; periods H ≥ 1; includeCarryOut whether to count t ≥ H
 * @returns f(x, grad?) for x [H × nChannels] period-major; grad (optional output, same shape) ∂f/∂x
 * @example planEvaluator(channels, 13, true)(x) // = Σ planValue(channels, x, 13).window + Σ .carryOut
 */
export function planEvaluator(channels: readonly PlanChannel[], periods: number, includeCarryOut: boolean): (x: Float64Array, grad?: Float64Array) => number {
  const H = periods, nC = channels.length;
  const parts = channels.map((ch) => {
    const w = Float64Array.from(ch.weights), L = w.length - 1, T = H + L;
    const carryIn = carryInLevels(w, ch.history, T);
    const hill = ch.saturation.type === 'hill' ? ch.saturation : null;
    return {
      w, L, T, carryIn, g: new Float64Array(T), kernel: getSaturationKernel(ch.saturation.type), spec: ch.saturation, coef: ch.coef, inv: 1 / ch.scale,
      hillK: hill ? hill.halfSaturation : 0, hillS: hill ? hill.shape : 0,
    };
  });
  return (x, grad) => {
    let total = 0;
    for (let c = 0; c < nC; c++) {
      const { w, L, T, carryIn, g, kernel, spec, coef, inv, hillK, hillS } = parts[c];
      const tEnd = includeCarryOut ? T : H;
      for (let t = 0; t < tEnd; t++) {
        let a = carryIn[t];
        const sHi = t < H ? t : H - 1;
        for (let s = t > L ? t - L : 0; s <= sHi; s++) a += w[t - s] * x[s * nC + c];
        const u = a * inv;
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
