import type { AfterPlan, AllocationConstraints, AllocationResult, FrontierPoint, GeoSplitNowAnswer, Infeasible, InformationValue, MmmModel, PlanComparison, ResponseModel } from '@mixwise/engine';
import type { WhatIfResult } from '../logic/what-if.ts';
import type { LiftUncertainty } from '../logic/lift-uncertainty.ts';

/**
 * Requests the page sends to the engine worker. All but 'load' may carry `referencePeriods`
 * (ReferencePart): "current" over the last N modeled periods instead of the whole window.
 */
export type EngineRequest = { readonly type: 'load'; readonly model: MmmModel } | (ReferencePart & (
  /** The response model for the request's reference periods ('load' answers the whole window's). */
  | { readonly type: 'responseModel' }
  | { readonly type: 'whatIf'; readonly spend: readonly number[] }
  | { readonly type: 'optimize'; readonly budget: number; readonly constraints?: AllocationConstraints }
  | { readonly type: 'scenarios'; readonly levels: readonly number[]; readonly constraints?: AllocationConstraints }
  | { readonly type: 'informationValue'; readonly budget: number; readonly constraints?: AllocationConstraints }
  /**
   * A geo-level run's current spend at today's split across geos against the split the answers assume
   * (engine geoSplitNowAnswer): the `geoSplitNow` the optimise ('expected' curves, as POST /optimize)
   * and plan ('point', as /plan) answers carry, for a page that shows it before asking either.
   */
  | { readonly type: 'geoSplitNow'; readonly basis: 'expected' | 'point' }
  | PlanRequest
  /**
   * A goal instead of a budget (`mixwise optimize --target-kpi / --target-roi / --target-mroi`):
   * 'kpi' the least budget per period whose best split reaches `value` KPI per period; 'roi' the most
   * spend whose media ROI stays ≥ value; 'mroi' spend while the next unit returns ≥ value.
   */
  | { readonly type: 'goal'; readonly goal: Goal; readonly value: number; readonly constraints?: AllocationConstraints }));

/**
 * `referencePeriods`: "current" spend and the baseline are the means over the last N periods of the
 * modeling window (`mixwise optimize --reference-periods N`; 1 ≤ N ≤ the window); absent: the whole window.
 */
export interface ReferencePart {
  readonly referencePeriods?: number;
}

/**
 * A flighted plan for the next `periods` periods (carryover from the data's last periods) with `total`
 * to spend over them, or, instead, the least budget whose plan puts `targetKpi` of KPI inside them
 * (`mixwise optimize --periods H --target-kpi Y`); `afterPlan` is the spend after it (default
 * 'current': current spend resumes).
 */
export type PlanRequest = { readonly type: 'plan'; readonly periods: number; readonly constraints?: AllocationConstraints; readonly afterPlan?: AfterPlan }
  & ({ readonly total: number } | { readonly targetKpi: number });

/**
 * What a KPI-target plan found: the target, the least budget over the plan (engine planMinimumBudget),
 * the plan's KPI inside the window, and `floor` when the lower bounds and locks alone reach it.
 */
export interface PlanTarget {
  readonly kpi: number;
  readonly total: number;
  readonly window: number;
  readonly floor: boolean;
}

/**
 * On a geo-level run, an answer's `geoSplitNow` (engine geoSplitNowAnswer, as the API's /optimize and
 * /plan answers carry it, on the same curves: expected for optimise, point for a plan); absent on a national run.
 */
export interface GeoSplitNowPart {
  readonly geoSplitNow?: GeoSplitNowAnswer;
}

/** A plan against current spend, with what its KPI target found (null for a budget), or why there is none. */
export type PlanAnswer = (PlanComparison & { readonly target: PlanTarget | null } & GeoSplitNowPart) | Infeasible;

/** An allocation; a feasible one with the interval of its lift over current spend and the optimizer's sentence on it. */
export type OptimizeResult = Exclude<AllocationResult, { feasible: true }> | (Extract<AllocationResult, { feasible: true }> & { readonly lift: LiftUncertainty } & GeoSplitNowPart);

/** What a goal request asks for. */
export type Goal = 'kpi' | 'roi' | 'mroi';

/** What each request answers with. */
export interface EngineResults {
  readonly load: ResponseModel;
  readonly responseModel: ResponseModel;
  readonly whatIf: WhatIfResult;
  /** A feasible allocation also carries its lift's interval over the replicates, as the API's optimize. */
  readonly optimize: OptimizeResult;
  readonly scenarios: readonly FrontierPoint[];
  /** null when the model has no bootstrap replicates (nothing to say what the curves might be). */
  readonly informationValue: InformationValue | null;
  readonly plan: PlanAnswer;
  /** null on a national run. */
  readonly geoSplitNow: GeoSplitNowAnswer | null;
  readonly goal: AllocationResult;
}

/** A request on the wire, with its correlation id. */
export type EngineMessage = EngineRequest & { readonly id: number };

/** The worker's reply: the result or an error message, and the compute time inside the worker. */
export type EngineReply =
  | { readonly id: number; readonly ok: true; readonly result: unknown; readonly ms: number }
  | { readonly id: number; readonly ok: false; readonly error: string; readonly ms: number };
