import { planModelFromMmm, responseModelFromMmm, type MmmModel, type PlanModel, type ResponseModel } from '@mixwise/engine';
import type { OptimizationOutput } from './optimize-output.ts';
import type { OptimizeRequest } from './optimize-run.ts';
import type { ProgressEvent } from '../render/progress.ts';

/** Everything runOptimize shares with the plan branch. */
export interface OptimizeContext {
  readonly model: MmmModel;
  /** The request with its uncertainty mode resolved. */
  readonly request: OptimizeRequest & { readonly uncertainty: 'point' | 'expected' };
  /** One model per bootstrap replicate (replicateModels), for lift intervals. */
  readonly replicates: readonly MmmModel[];
  readonly referencePeriods: number;
  readonly uncertainty: OptimizationOutput['uncertainty'];
  /** Progress of the long steps (the value of information per replicate, the scenarios per level, a plan's search, ascent and lift interval). */
  readonly onProgress?: (p: ProgressEvent) => void;
}

/**
 * The response model the solvers see: point curves, or (uncertainty 'expected') every channel as the
 * mean of its replicate curves, so the solvers maximise the expected KPI.
 * @example optimisedResponseModel(ctx).channels.length // nChannels
 */
export function optimisedResponseModel(ctx: OptimizeContext): ResponseModel {
  return responseModelFromMmm(ctx.model, { referencePeriods: ctx.request.referencePeriods, current: ctx.request.current, uncertainty: ctx.request.uncertainty });
}

/** The plan model the planner sees (point curves; see runOptimize). @example optimisedPlanModel(ctx).channels[0].history // spend before the plan */
export function optimisedPlanModel(ctx: OptimizeContext): PlanModel {
  return planModelFromMmm(ctx.model, { referencePeriods: ctx.request.referencePeriods, current: ctx.request.current, afterPlan: ctx.request.afterPlan ?? 'current' });
}

/** A number, or null when it is not finite (JSON has no Infinity). @example finite(Infinity) // null */
export function finite(v: number): number | null {
  return Number.isFinite(v) ? v : null;
}
