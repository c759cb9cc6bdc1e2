import type { MmmModel } from '../model/mmm-model.ts';
import { quantile } from '../stats/quantile.ts';
import { MIN_REPLICATES } from '../analysis/roi-intervals.ts';
import { compileCurve } from './curve.ts';
import { planModelFromMmm, type PlanModelOptions } from './plan-model-from-mmm.ts';
import { planValue } from './plan-objective.ts';
import type { ResponseModel } from './types.ts';
import { replicateCount } from './replicate-count.ts';

export { MIN_REPLICATES };

/**
 * The 5–95 % interval of lift draws (one per bootstrap replicate or posterior draw), by Hyndman &
 * Fan's definition 7 (numpy's default; see `quantile`). Draws that are not finite (a replicate whose
 * curves break down at the plan's spend) are left out, and count against MIN_REPLICATES.
 * @returns [q05, q95], or null with fewer than MIN_REPLICATES finite draws
 * @example interval90(Array.from({ length: 11 }, (_, r) => r)) // [0.5, 9.5]
 */
export function interval90(draws: readonly number[]): [number, number] | null {
  const s = Float64Array.from(draws.filter(Number.isFinite)).sort();
  if (s.length < MIN_REPLICATES) return null;
  return [quantile(s, 0.05), quantile(s, 0.95)];
}

/**
 * Steady-state lift of moving from `from` to `to` (spend per period per channel) under each draw of
 * the response: Σ_c r_rc(to_c) − r_rc(from_c) with r_rc channel c's curve in replicate r (the
 * `components` of responseModelFromMmm(…, { uncertainty: 'expected' })); the baseline cancels.
 * @param expected a response model whose channels all carry the same number of components
 * @returns [nReplicates] lifts per period (empty when the channels carry no components)
 * @throws EngineError INVALID_ARGUMENT when the channels carry different numbers of components (replicateCount)
 * @example steadyStateLiftDraws(rm, current, recommended).length // 100
 */
export function steadyStateLiftDraws(expected: ResponseModel, from: readonly number[], to: readonly number[]): number[] {
  const n = replicateCount(expected);
  const out = new Array<number>(n).fill(0);
  expected.channels.forEach((ch, c) => {
    (ch.components ?? []).forEach((comp, r) => {
      const curve = compileCurve({ name: ch.name, current: ch.current, ...comp });
      out[r] += curve.value(to[c]) - curve.value(from[c]);
    });
  });
  return out;
}

/**
 * Lift of a multi-period plan over another under each replicate model: the plan KPI (window plus
 * carry-out, `planValue`) of `to` minus that of `from`, both evaluated with the replicate's adstock,
 * saturation and coefficients and the same spend history and spend after the plan.
 * @param replicates one model per bootstrap replicate (replicateModels)
 * @param from, to spend [H × nChannels] period-major; options how each replicate's plan model is built (as the point model's)
 * @returns [nReplicates] lifts over the plan
 * @example planLiftDraws(replicateModels(model), now, plan, 13).length // 100
 */
export function planLiftDraws(replicates: readonly MmmModel[], from: Float64Array, to: Float64Array, periods: number, options: PlanModelOptions = {}): number[] {
  const total = (v: { window: Float64Array; carryOut: Float64Array }): number => {
    let s = 0;
    for (let c = 0; c < v.window.length; c++) s += v.window[c] + v.carryOut[c];
    return s;
  };
  return replicates.map((rep) => {
    const pm = planModelFromMmm(rep, options);
    return total(planValue(pm.channels, to, periods)) - total(planValue(pm.channels, from, periods));
  });
}
