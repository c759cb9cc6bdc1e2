import { planModelFromMmm, responseModelFromMmm, type MmmModel, type PlanModel, type ResponseModel } from '@mixwise/engine';
import type { OptimizationOutput } from './optimize-output.ts';
import type { OptimizeRequest } from './optimize-run.ts';

/** Everything runOptimize shares with the plan branch. */
export interface OptimizeContext {
  readonly model: MmmModel;
  /** The request with its uncertainty mode resolved. */
  readonly request: OptimizeRequest & { readonly uncertainty: 'point' | 'expected' };
  /** One model per bootstrap replicate (replicateModels), for lift intervals. */
  readonly replicates: readonly MmmModel[];
  readonly referencePeriods: number;
  readonly uncertainty: OptimizationOutput['uncertainty'];
}

/**
 * The response model the solvers see: point curves, or (uncertainty 'expected') every channel as the
 * mean of its replicate curves, so the solvers maximise the expected KPI.
 * @example optimisedResponseModel(ctx).channels.length // nChannels
 */
export function optimisedResponseModel(ctx: OptimizeContext): ResponseModel {
  return responseModelFromMmm(ctx.model, { referencePeriods: ctx.request.referencePeriods, uncertainty: ctx.request.uncertainty });
}

/** The plan model the planner sees (point curves; see runOptimize). @example optimisedPlanModel(ctx).channels[0].history // spend before the plan */
export function optimisedPlanModel(ctx: OptimizeContext): PlanModel {
  return planModelFromMmm(ctx.model, { referencePeriods: ctx.request.referencePeriods });
}

/**
 * The interval sentence appended to a recommendation ('' without an interval). When the interval
 * straddles zero it says the replicates do not agree that the move beats the current split; when it
 * lies wholly below zero, that every replicate predicts a loss.
 * @example intervalSentence([1, 2], 100) // ' Across 100 bootstrap replicates of the model, 90% of the predicted lifts lie between +1 and +2.'
 */
export function intervalSentence(interval: [number, number] | null, replicates: number): string {
  if (!interval) return '';
  const s = (v: number): string => `${v >= 0 ? '+' : ''}${v.toLocaleString('en-US', { maximumSignificantDigits: 4 })}`;
  // A range wholly below zero is a settled loss (e.g. the price of a smaller budget), not an unsettled gain.
  const caution = interval[1] < 0
    ? ' Every one of those replicates predicts less KPI than the current allocation.'
    : interval[0] <= 0
      ? ' That range includes no gain or a loss: the data do not settle whether this split beats the current one, so treat the change as a test (for example a geo experiment) rather than a sure gain.'
      : '';
  return ` Across ${replicates} bootstrap replicates of the model, 90% of the predicted lifts lie between ${s(interval[0])} and ${s(interval[1])}.${caution}`;
}

/** A number, or null when it is not finite (JSON has no Infinity). @example finite(Infinity) // null */
export function finite(v: number): number | null {
  return Number.isFinite(v) ? v : null;
}
