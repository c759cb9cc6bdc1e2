/** Public API of the budget optimizer. Explicit named exports only. */
export type {
  ChannelResponse, ResponseComponent, ResponseModel, SpendBound, ChannelBounds, MaxChange, AllocationConstraints, InfeasibleReason,
  Infeasible, BoundStatus, ChannelAllocation, AllocationProblem, Allocation, AllocationResult,
} from './types.ts';
export type { ResponseModelOptions } from './response-model-from-mmm.ts';
export type { AllocateOptions } from './allocate-budget.ts';
export type { ExplainOptions } from './explain-allocation.ts';
export type { MinimumBudgetOptions } from './minimum-budget.ts';
export type { TargetEfficiencyOptions } from './target-efficiency.ts';
export type { FrontierOptions, FrontierPoint } from './budget-frontier.ts';
export type { SpendLimits } from './normalise-bounds.ts';
export type { Curve } from './curve.ts';
export type { PlanModel, PlanChannel, PlanOptions, PlanResult, PlanChannelResult, PlanOutcome, AfterPlan, PlanProgress } from './plan-types.ts';

export { responseModelFromMmm, referenceRows } from './response-model-from-mmm.ts';
export { referenceCosts, type ReferenceCost } from './reference-cost.ts';
export { lateStartChannels, LATE_START_MIN_RATIO, type LateStartChannel } from './late-start-channels.ts';
export { idleBounds, idleChannelBounds, type IdleCandidate, type IdleChannelBounds } from './idle-channel-bounds.ts';
export { allocateBudget, compileCurves } from './allocate-budget.ts';
export { minimumBudget } from './minimum-budget.ts';
export { targetEfficiency } from './target-efficiency.ts';
export { budgetFrontier, DEFAULT_FRONTIER_LEVELS, CLASSIC_SCENARIOS } from './budget-frontier.ts';
export { explainAllocation, outsideDataText } from './explain-allocation.ts';
export { keepsCurrentSpend, keptSpendReason, holdsSplitText } from './keep-current.ts';
export { growthCautionText, limitsDecideText, limitTag, multipleText, statusFromBinding, WIDE_INTERVAL_RATIO, type BoundMove } from './limit-text.ts';
export { explainPlan } from './explain-plan.ts';
export { planKpiSplitText, planTargetSentence, type KpiChange, type PlanTargetBudget } from './plan-kpi-text.ts';
export { dataShownText, sparseChannelText, sparseDataText } from './sparse-data-text.ts';
export { intervalSentence, drawSource, drawsName, type DrawSource } from './explain-interval.ts';
export { proseAmount, signedAmount, signedPercent } from '../text/prose-format.ts';
export { explainInformationValue, sparseChannels } from './explain-information-value.ts';
export { normaliseBounds, checkBudget, boundsOf, budgetRange, budgetInfeasible, BUDGET_TOLERANCE } from './normalise-bounds.ts';
export { DEFAULT_BOUNDS, DEFAULT_BOUNDS_TEXT, heldByDefaultBounds, planBoundStatus, defaultBoundsNote, type BoundedChannel } from './default-bounds.ts';
export { compileCurve } from './curve.ts';
export { mixtureCurve } from './mixture-curve.ts';
export { informationValue, type InformationValue } from './information-value.ts';
export { solveAllocation } from './solve-allocation.ts';
export { referenceAllocation } from './reference-allocation.ts';
export { randomAllocationProblem } from './random-problem.ts';
export { planModelFromMmm, type PlanModelOptions } from './plan-model-from-mmm.ts';
export { planPeriods } from './plan-periods.ts';
export { planMinimumBudget, type PlanMinimumBudget, type PlanMinimumBudgetOptions } from './plan-minimum-budget.ts';
export { planForKpiTarget, type PlanForKpiTarget, type PlanForKpiTargetOptions } from './plan-for-target.ts';
export { planValue } from './plan-objective.ts';
export { planDates } from './plan-dates.ts';
export { profit, profitText, type Profit } from './profit.ts';
export { interval90, steadyStateLiftDraws, planLiftDraws, MIN_REPLICATES } from './lift-draws.ts';
export { liftUncertainty, type LiftUncertainty } from './lift-uncertainty.ts';
export { curveBasisText, referencePeriodsText, type CurveBasis } from './curve-basis-text.ts';
export { expectedVersusPoint, expectedPointGapText, steadyBasisText, materiallyDifferent, MATERIAL_RATIO, type ExpectedVersusPoint, type ExpectedVersusPointChannel } from './expected-versus-point.ts';
export { planVersusCurrent, periodMajor, type PlanVersusCurrentOptions, type PlanComparison, type PlanChannelBound, type PlanPair } from './plan-versus-current.ts';
