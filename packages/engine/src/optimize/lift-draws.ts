import type { MmmModel } from '../model/mmm-model.ts';
import { interval90, MIN_REPLICATES } from '../analysis/interval90.ts';
import { compileCurve } from './curve.ts';
import { planModelFromMmm, type PlanModelOptions } from './plan-model-from-mmm.ts';
import { planValue } from './plan-objective.ts';
import type { ResponseModel } from './types.ts';
import { replicateCount } from './replicate-count.ts';

// The lift interval (interval90) is the summary's: re-exported here for the optimizer's callers.
export { interval90, MIN_REPLICATES };

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
 * @param onProgress called with replicates done and their number (a progress display)
 * @returns [nReplicates] lifts over the plan
 * @example planLiftDraws(replicateModels(model), now, plan, 13).length // 100
 */
export function planLiftDraws(replicates: readonly MmmModel[], from: Float64Array, to: Float64Array, periods: number, options: PlanModelOptions = {}, onProgress?: (done: number, total: number) => void): number[] {
  const total = (v: { window: Float64Array; carryOut: Float64Array }): number => {
    let s = 0;
    for (let c = 0; c < v.window.length; c++) s += v.window[c] + v.carryOut[c];
    return s;
  };
  onProgress?.(0, replicates.length);
  return replicates.map((rep, k) => {
    const pm = planModelFromMmm(rep, options);
    const lift = total(planValue(pm.channels, to, periods)) - total(planValue(pm.channels, from, periods));
    onProgress?.(k + 1, replicates.length);
    return lift;
  });
}
