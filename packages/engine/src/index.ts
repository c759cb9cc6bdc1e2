/**
 * @mixwise/engine — the public API. Pure maths: no I/O, runs in Node, worker threads and browsers.
 * Explicit named exports only; anything not listed here is internal.
 */
export { EngineError, type EngineErrorCode, type EngineErrorLocation } from './errors.ts';

// Random numbers
export { createRng, type Rng } from './random/rng.ts';

// Data and spec
export type { ModelingTable, Frequency, TargetColumn, ChannelColumn, ControlColumn, EventColumn, OrganicColumn, Sign } from './spec/modeling-table.ts';
export {
  defaultModelSpec, PERIODS_PER_YEAR, DEFAULT_WEIGHTS, DEFAULT_SATURATION_BOUNDS, AUTO_ADSTOCK_FAMILIES, AUTO_SATURATION_FAMILIES, DEFAULT_POSTERIOR_ITERATIONS, DEFAULT_SEARCH_ITERATIONS, POSTERIOR_ITERATIONS_FLOOR, scaledPosteriorIterations,
  DEFAULT_LIFT_TEST_RELATIVE_SE, DEFAULT_LIFT_TEST_SE_TEXT, liftTestStandardError, liftTestSeProblem, DEFAULT_BAYES_SPEC, MAX_TREND_CHANGEPOINTS,
  DEFAULT_MAX_LAG, MAX_USER_LAG, DEFAULT_SEASONALITY_ORDER, MAX_SEASONALITY_ORDER,
  type ModelSpec, type BayesSpec, type ChannelSpec, type MediaBasis, type SearchSpec, type ObjectiveWeights, type LiftTest, type DefaultSpecInput,
} from './spec/model-spec.ts';

// Transforms
export type { AdstockSpec, AdstockType, AdstockKernel } from './transforms/adstock/types.ts';
export type { SaturationSpec, SaturationType, SaturationKernel } from './transforms/saturation/types.ts';
export type { ParamSpec } from './transforms/param-spec.ts';
export { adstockRegistry, getAdstockKernel, ADSTOCK_TYPES } from './transforms/adstock/registry.ts';
export { saturationRegistry, getSaturationKernel, SATURATION_TYPES } from './transforms/saturation/registry.ts';
export { applyAdstock, adstockWeights } from './transforms/adstock/adstock.ts';

// Fitting
export { fitMmm, type FitOptions } from './fit/fit-mmm.ts';
export { panelUnsupported, type PanelFitAsked, type PanelUnsupported, type PanelUnsupportedFeature } from './fit/panel-unsupported.ts';
export { mediaInputTable, withMediaBasis, exposureGaps } from './fit/media-input.ts';
export { exposureMediaText, exposurePlanText, costPer1000Text, type PlannedExposureCost } from './analysis/exposure-media-text.ts';
export { geoSplitText } from './optimize/geo-split-text.ts';
export { geoShareName, geoShareOf } from './optimize/geo-basis.ts';
export { geoSplitNow, geoSplitNowEven, geoSplitNowText, type GeoSplitNow, type GeoSplitNowChannel, type GeoSplitNowOptions } from './optimize/geo-split-now.ts';
export { geoSplitNowAnswer, type GeoSplitNowAnswer } from './optimize/geo-split-now-answer.ts';
export { geoSplitGap, historicalGeoSplit, type GeoSplitGap, type GeoSplitGapChannel, type GeoSplitGapOptions } from './optimize/geo-split-gap.ts';
export { DEFAULT_ROI_PRIOR, DEFAULT_ROI_PRIOR_FLAG, type RoiPrior } from './fit/posterior/roi-prior.ts';
export { defaultRoiPrior, ROI_PRIOR_MIN_MEDIA_SHARE, ROI_PRIOR_MAX_MEDIA_SHARE, type DefaultRoiPrior } from './fit/posterior/default-roi-prior.ts';
export type { Progress } from './fit/search/run-search.ts';
export { createCandidateEvaluator, type CandidateFit, type DetailedEvaluator } from './fit/search/candidate-evaluator.ts';
export { buildSearchProblem, OBJECTIVES, type SearchProblem, type ObjectiveName } from './fit/search/search-problem.ts';
export type { CandidateEvaluator, BatchEvaluator, BatchEvaluatorFactory } from './fit/search/evaluator.ts';
export { solveBoxQp, type BoxQpResult } from './fit/ridge/box-qp.ts';

// Model and analysis
export { runChain, inThreadChains, type ChainJob, type ChainRunner } from './fit/bayes/chain-job.ts';
export { storedDrawPositions, type StoredDrawPosition } from './fit/bayes/stored-draws.ts';
export { mmmLogDensity, type MmmLogDensity, type MmmPriors, type DecodedDraw } from './fit/bayes/mmm-log-density.ts';
export { nuts, type NutsResult, type NutsOptions, type LogDensityWithGradient } from './fit/bayes/nuts.ts';
export { MODEL_SCHEMA_VERSION, PANEL_MODEL_SCHEMA_VERSION, NATIONAL_MODEL_SCHEMA_VERSION, type MmmModel, type ModelChannel, type ExposureMedia, type ModelBaselineTerm, type ModelOrganic, type ParetoModel, type ReplicateChannel, type BayesDiagnostics, type BayesParameterSummary, type ModelSource, type ChannelPanel, type ModelPanel, type ModelRefresh } from './model/mmm-model.ts';
export { channelContribution, contributionSlope, type ChannelCurve } from './model/channel-response.ts';
export { geoEquivalentSpend, splitLikeHistory } from './model/geo-spend.ts';
export { liftEffect, liftEffectSeries } from './model/lift-effect.ts';
export { replicateModels } from './model/replicate-models.ts';
export { storedReplicateCount } from './model/stored-replicate-count.ts';
export { replicateCount } from './optimize/replicate-count.ts';
export { decompose, decompositionReference, type Decomposition, type DecompositionComponent, type ComponentGroup } from './analysis/decomposition.ts';
export { decompositionTable } from './analysis/decomposition-table.ts';
export { longDelayMessage, LONG_DELAY_PERIODS } from './analysis/long-delay.ts';
export { channelRoiIntervals } from './analysis/replicate-intervals.ts';
export { centredControls, centredControlsText, interceptText, type CentredControl } from './analysis/centred-controls.ts';
export { summarizeModel, completeSummary, convergenceFailures, higherTargetAccept, posteriorWarnings, treeDepthShare, TREE_DEPTH_SHARE_LIMIT, RHAT_LIMIT, ESS_PER_CHAIN_MIN, type ConvergenceFailure, type SummaryResult, type StoredSummary, type ChannelSummary, type OrganicSummary, type PosteriorSummary } from './analysis/summarize.ts';
export { GEOS_NOTE, geosNote, exposureChannelNames, geoResults, type GeoResult, type GeoChannelResult, type ExposureChannelName } from './analysis/geo-results.ts';
export { listText } from './text/list-text.ts';
export { naturalCompare } from './text/natural-order.ts';
export { periodWord } from './text/period-word.ts';
export { effectTimingText, effectBuildUpText, effectTimingCaption } from './text/effect-timing-text.ts';
export { fitWarningHeadline } from './text/fit-warning-headline.ts';
export { effectTiming, type EffectTiming } from './analysis/effect-timing.ts';
export { rhatText } from './analysis/rhat-text.ts';
export { posteriorDiagnostics, roiPriorSentence, BAYES_POINT_TEXT, type PosteriorCheck, type PosteriorCheckStatus, type PosteriorDiagnostics } from './analysis/posterior-text.ts';
export { fitWarnings, AT_BOUND_SHARE, type FitWarning } from './analysis/fit-warnings.ts';
export { wrongSignControls, WRONG_SIGN_CHI_SQUARE, type WrongSignControl } from './analysis/sign-constraint-check.ts';
export { liftTestCheck, liftTestDisagrees, LIFT_TEST_DISAGREEMENT_Z, type LiftTestCheck } from './analysis/lift-test-check.ts';
export { liftTestRows } from './spec/lift-test-rows.ts';
export { liftTestDateProblems, type LiftTestDateProblem } from './spec/lift-test-date-problems.ts';
export { liftTestSpendProblem } from './spec/lift-test-spend-problem.ts';
export { liftTestGeoProblem } from './spec/lift-test-geo-problem.ts';
export { liftTestGeoSpend } from './spec/lift-test-geo-spend.ts';
export { fittedRows } from './spec/fitted-rows.ts';
export { isObserved, observedRows, missingRows, reviveActual } from './spec/observed-rows.ts';
// Input checks and loaders for apps that call the engine directly (the CLI's data layer checks files first).
export { checkTable, checkFittedRows, SUPPORTED_FREQUENCIES } from './spec/check-table.ts';
export { mergeSpec, type ModelSpecOverrides, type ChannelSpecOverride, type DeepPartial } from './spec/merge-spec.ts';
export { checkSpec } from './spec/check-spec.ts';
export { refreshChannel, refreshChannelSpec, refreshRanges, refreshWidth, REFRESH_MIN_WIDTH, type CurveRanges, type FittedCurves, type RefreshKeep } from './spec/refresh-spec.ts';
export { compareRuns, comparisonHeadline, intervalsOverlap, percent, type RunComparison, type ComparedRun, type ComparedChannel, type RoiVerdict, type RunToCompare, type SummaryRefresh } from './analysis/compare-runs.ts';
export { baselineTermColumn } from './model/baseline-term-column.ts';
export { newPeriodsHaveIntervals, newPeriodsRoi, type NewPeriodsRoi, type NewPeriodsChannel } from './analysis/new-periods-roi.ts';
export { modelingTableFromArrays, type ModelingTableInput, type SeriesInput } from './spec/table-from-arrays.ts';
export { geoShares, modelingTableFromPanel, sizeColumn, type PanelColumns, type PanelSize, type PanelTableInput } from './spec/panel.ts';
export { parseModel } from './model/parse-model.ts';
export { withSizeColumn } from './model/legacy-size-basis.ts';
export { MAX_BUDGET, checkAllocateOptions } from './optimize/check-allocate-options.ts';
export { responseCurve, unfundedReference, type ResponseCurve } from './analysis/response-curve.ts';
export { channelRoi } from './analysis/channel-roi.ts';
export { channelActualSpend } from './model/actual-spend.ts';
export { observedSpendRange, beyondObservedRange, type SpendRange } from './analysis/observed-spend-range.ts';
export { extrapolatedShare, EXTRAPOLATED_SHARE_WARN, type ExtrapolatedShare } from './analysis/extrapolated-share.ts';
export { mroiGaps, MROI_SCALES_HISTORY, MROI_GAP_RATIO, MROI_GAP_FLOOR, type MroiGap } from './analysis/mroi-gap.ts';
export { spendActivity, sparseSpend, sparseSpendText, SPARSE_SHARE, SPARSE_MIN_PERIODS, SPARSE_SPEND_ADVICE, type SpendActivity, type SparseKind } from './analysis/sparse-spend.ts';
export type { FitMetrics } from './analysis/fit-metrics.ts';
export { modelDiagnostics, type DiagnosticsResult, type ResidualTest } from './analysis/diagnostics.ts';
export { largestResiduals, LARGE_RESIDUAL_Z, LARGE_RESIDUALS_MAX, type LargestResiduals, type LargeResidual, type RecurringResiduals } from './analysis/largest-residuals.ts';
export { largestResidualsText, NAMED_RESIDUALS } from './analysis/largest-residuals-text.ts';
export { recurringDates, sameTimeOfYear, isoWeek } from './analysis/recurring-dates.ts';

// Simulation with known ground truth
export { simulatePreset, presetNames, type PresetName } from './simulate/presets/index.ts';
export { randomScenario, type RandomScenarioOptions } from './simulate/random-scenario.ts';
export { simulateLiftTests, DEFAULT_SIMULATED_LIFT_TEST_SE, type SimulatedLiftTestOptions } from './simulate/lift-tests.ts';
export { simulate } from './simulate/simulate.ts';
export { simulateGeoPanel, type GeoPanelOptions } from './simulate/geo/geo-panel.ts';
export { panelLongTable } from './simulate/geo/panel-long-table.ts';
export type { GeoPanelResult, GeoPanelTruth, GeoChannelTruth, GeoTruth, GeoUnitTruth } from './simulate/geo/geo-truth.ts';
export type { SimulationResult, SimulationTruth, ChannelTruth } from './simulate/truth.ts';
export type { SimulationOptions, SimulatedExposure } from './simulate/types.ts';
export type { HolidayKind } from './simulate/calendar/holidays.ts';
export { HOLIDAY_KIND_RULES, holidayKinds, holidayKindRule } from './simulate/calendar/holidays.ts';

// Budget optimizer (depends only on the narrow ResponseModel / PlanModel interfaces)
export type {
  ChannelResponse, ResponseComponent, ResponseModel, SpendBound, ChannelBounds, MaxChange, AllocationConstraints, InfeasibleReason,
  Infeasible, BoundStatus, ChannelAllocation, AllocationResult, ResponseModelOptions, AllocateOptions,
  MinimumBudgetOptions, TargetEfficiencyOptions, FrontierOptions, FrontierPoint,
  PlanModel, PlanChannel, PlanOptions, PlanResult, PlanChannelResult, PlanOutcome, PlanProgress, Curve, InformationValue,
  PlanVersusCurrentOptions, PlanComparison, PlanChannelBound, PlanPair, AfterPlan, PlanModelOptions, ExplainOptions, BoundedChannel,
} from './optimize/index.ts';
export {
  responseModelFromMmm, referenceRows, referenceCosts, type ReferenceCost, allocateBudget, minimumBudget, targetEfficiency, budgetFrontier, DEFAULT_FRONTIER_LEVELS,
  CLASSIC_SCENARIOS, explainAllocation, growthCautionText, limitsDecideText, limitTag, multipleText, statusFromBinding, WIDE_INTERVAL_RATIO, type BoundMove, keepsCurrentSpend, keptSpendReason, holdsSplitText, outsideDataText, explainInformationValue, sparseChannels, planModelFromMmm, planPeriods, planMinimumBudget, type PlanMinimumBudget, planForKpiTarget, type PlanForKpiTarget, planValue, compileCurve, informationValue,
  profit, profitText, type Profit, interval90, steadyStateLiftDraws, liftUncertainty, type LiftUncertainty, planLiftDraws, MIN_REPLICATES, planVersusCurrent, periodMajor, planDates, explainPlan, planKpiSplitText, planTargetSentence, type PlanTargetBudget, type KpiChange, intervalSentence, drawSource, drawsName, type DrawSource, proseAmount, signedPercent,
  dataShownText, sparseChannelText, sparseDataText, lateStartChannels, LATE_START_MIN_RATIO, type LateStartChannel, idleChannelBounds, idleBounds, type IdleChannelBounds, type IdleCandidate,
  curveBasisText, referencePeriodsText, type CurveBasis, expectedVersusPoint, expectedPointGapText, steadyBasisText, materiallyDifferent, MATERIAL_RATIO, type ExpectedVersusPoint, type ExpectedVersusPointChannel,
  DEFAULT_BOUNDS, DEFAULT_BOUNDS_TEXT, boundsOf, heldByDefaultBounds, planBoundStatus, defaultBoundsNote, budgetRange, BUDGET_TOLERANCE, signedAmount,
} from './optimize/index.ts';
// Statistics the chart builders and reports share with the engine.
export { correlation } from './stats/correlation.ts';
export { quantile } from './stats/quantile.ts';
export { normalQuantile } from './stats/normal-quantile.ts';

// Holiday calendars: country public holidays and retail moments by rule, as 0/1 event columns
export type { Holiday, HolidaySetName } from './calendar/holiday.ts';
export type { WeekLabel, HolidayEvent, HolidayEventsOptions, HolidayEventsResult } from './calendar/holiday-events.ts';
export { HOLIDAY_SETS, HOLIDAY_SET_NAMES, ALL_HOLIDAYS, holidayById, selectHolidays, unknownHolidayNames, unknownHolidaysText, type UnknownHolidayName } from './calendar/holiday-sets.ts';
export { holidayEvents, holidayEventName } from './calendar/holiday-events.ts';
export { holidayIndicator } from './calendar/holiday-indicator.ts';
export { modelledHolidays } from './calendar/modelled-holidays.ts';
export { withHolidayCalendar, labelShift, type HolidayCalendar } from './calendar/holiday-calendar.ts';
export { type PlanHolidays, type PlanHolidayPeriods } from './optimize/plan-holidays.ts';
export { planHolidaysText } from './optimize/plan-holidays-text.ts';
export { easterSunday } from './calendar/easter-sunday.ts';
export { nthWeekday } from './calendar/nth-weekday.ts';
export { dayNumber, isoDate } from './calendar/dates.ts';
export { roiDecimals, ROUND_OFF } from './text/roi-decimals.ts';
export { DEFAULT_LOCALE, currencyProblem, formatMoney, isPlainMoney, kpiMoney, localeProblem, moneyFormat, type MoneyFormat, type MoneyStyle } from './text/money-format.ts';
