import { planModelFromMmm, responseModelFromMmm, type MmmModel, type PlanModel, type ResponseModel } from '@mixwise/engine';
import type { OptimizationOutput } from './optimize-output.ts';
import type { OptimizeRequest } from './optimize-run.ts';
import { expectedResponseModel } from './optimize-uncertainty.ts';

/** Everything runOptimize shares with the plan branch. */
export interface OptimizeContext {
  readonly model: MmmModel;
  readonly request: OptimizeRequest;
  /** [nReplicates][nChannels] coefficient factors per bootstrap replicate. */
  readonly factors: number[][];
  /** Per channel, the factor the optimised curves carry relative to the point curves (1, or k̄ with 'expected'). */
  readonly base: number[];
  readonly referencePeriods: number;
  readonly uncertainty: OptimizationOutput['uncertainty'];
}

/** The response model the solvers see: point curves, or replicate-average curves. @example optimisedResponseModel(ctx).channels.length // nChannels */
export function optimisedResponseModel(ctx: OptimizeContext): ResponseModel {
  const rm = responseModelFromMmm(ctx.model, { referencePeriods: ctx.request.referencePeriods });
  return ctx.request.uncertainty === 'expected' ? expectedResponseModel(rm, ctx.base) : rm;
}

/** The plan model the planner sees (see optimisedResponseModel). @example optimisedPlanModel(ctx).channels[0].history // spend before the plan */
export function optimisedPlanModel(ctx: OptimizeContext): PlanModel {
  const pm = planModelFromMmm(ctx.model, { referencePeriods: ctx.request.referencePeriods });
  return ctx.request.uncertainty === 'expected' ? expectedResponseModel(pm, ctx.base) : pm;
}

/** The interval sentence appended to a recommendation ('' without an interval). @example intervalSentence([1, 2], 100) // ' Across 100 bootstrap replicates of the model, 90% of the predicted lifts lie between +1 and +2.' */
export function intervalSentence(interval: [number, number] | null, replicates: number): string {
  if (!interval) return '';
  const s = (v: number): string => `${v >= 0 ? '+' : ''}${v.toLocaleString('en-US', { maximumSignificantDigits: 4 })}`;
  return ` Across ${replicates} bootstrap replicates of the model, 90% of the predicted lifts lie between ${s(interval[0])} and ${s(interval[1])}.`;
}

/** A number, or null when it is not finite (JSON has no Infinity). @example finite(Infinity) // null */
export function finite(v: number): number | null {
  return Number.isFinite(v) ? v : null;
}
