import type { SaturationKernel, SaturationSpec } from '../transforms/saturation/types.ts';

/**
 * The lift of one test per unit media coefficient: liftEffect (model/lift-effect.ts) divided by the
 * channel's coefficient, computed from the channel's adstocked spend without allocating. Adstock is
 * linear, so the counterfactual adstock (test rows' spend at 0) is A − W with W the adstock of the test
 * rows' spend alone:
 *   Σ_{t=startRow}^{measureEndRow−1} f(A_t / scale) − f(max(0, A_t − W_t) / scale),
 *   W_t = Σ_{j=max(startRow, t−maxLag)}^{min(endRow, t+1)−1} w_{t−j} · spend_j.
 * The kernel of the search's evaluator and of the Bayesian log density (hot loops: O(rows·maxLag)).
 * @param kernel the channel's saturation kernel (getSaturationKernel(saturation.type))
 * @param saturation the channel's saturation parameters
 * @param adstocked [nTimes] the channel's adstocked spend (normalised weights)
 * @param spend [nTimes] the channel's spend
 * @param weights [maxLag + 1] the normalised adstock weights (adstockWeights(adstock, maxLag, true))
 * @param maxLag the channel's maximum lag
 * @param scale the channel's saturation input scale (> 0)
 * @param rows the test rows [startRow, endRow) and the end of the measured rows (measureEndRow ≤ nTimes)
 * @returns the lift per unit coefficient (KPI units / coefficient; ≥ 0 for a monotone saturation)
 * @example liftPerUnitCoef(kernel, sat, a, spend, w, 8, scale, { startRow: 10, endRow: 18, measureEndRow: 22 }) * coef // === liftEffect(ch, rows) up to round-off
 */
export function liftPerUnitCoef<S extends SaturationSpec>(
  kernel: SaturationKernel<S>, saturation: S, adstocked: ArrayLike<number>, spend: ArrayLike<number>, weights: ArrayLike<number>,
  maxLag: number, scale: number, rows: { readonly startRow: number; readonly endRow: number; readonly measureEndRow: number },
): number {
  const { startRow, endRow, measureEndRow } = rows;
  let s = 0;
  for (let t = startRow; t < measureEndRow; t++) {
    let wt = 0;
    for (let j = Math.max(startRow, t - maxLag); j < Math.min(endRow, t + 1); j++) wt += weights[t - j] * spend[j];
    const a = adstocked[t];
    s += kernel.value(a / scale, saturation) - kernel.value(Math.max(0, a - wt) / scale, saturation);
  }
  return s;
}
