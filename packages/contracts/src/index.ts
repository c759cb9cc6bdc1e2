// @mixwise/contracts — zod schemas and inferred types shared by the server and the dashboard (browser-safe).
export { IssueSchema, type Issue } from './issue.ts';
export { ApiErrorSchema, API_ERROR_CODES, type ApiError, type ApiErrorCode } from './api-error.ts';
export { ColumnRoleSchema, type ColumnRole } from './column-role.ts';
export { UPLOAD_ID_PATTERN, RUN_ID_PATTERN, UploadIdSchema, RunIdSchema } from './ids.ts';
export { UploadSchema, UploadColumnSchema, type Upload, type UploadColumn } from './upload.ts';
export {
  PANEL_MODES, RolesSchema, RoleMappingRequestSchema, RoleMappingResponseSchema,
  type Roles, type RolesInput, type RoleMappingRequest, type RoleMappingRequestInput, type RoleMappingResponse,
} from './roles.ts';
export {
  CleaningChoiceSchema, CleaningChoicesSchema, CleaningStepSummarySchema, type CleaningChoice, type CleaningStepSummary,
} from './cleaning-choice.ts';
export {
  MAX_LIFT_TESTS, LiftTestSchema, LiftTestListSchema, LiftTestsFormSchema, LiftTestsResponseSchema,
  type LiftTest, type LiftTestsForm, type LiftTestsResponse,
} from './lift-tests.ts';
export { MAX_AMOUNT, MAX_AMOUNT_TEXT, amount, wholeNumber, oneOf } from './number-fields.ts';
export { dataRangeSchema } from './data-range.ts';
export { ADSTOCK_CHOICES, BayesOptionsSchema, FIT_METHODS, MAX_FIT_ITERATIONS, FitOptionsSchema, FitRequestSchema, type FitOptions, type FitRequest, type FitRequestInput } from './fit-request.ts';
export {
  RunStatusSchema, TERMINAL_RUN_STATUSES, RunProgressSchema, RunSourceSchema, RunManifestSchema, RunListSchema,
  type RunStatus, type RunProgress, type RunSource, type RunManifest, type RunList,
} from './run-manifest.ts';
export { RunEventSchema, type RunEvent } from './run-event.ts';
export { ReferencePeriodsSchema, ReferencePeriodsEchoSchema, LateStartSchema, type LateStart } from './reference-periods.ts';
export { GeoSplitNowSchema, type GeoSplitNowBody } from './geo-split-now.ts';
export {
  ChannelBoundsSchema, MARGIN_MESSAGE, OptimizeRequestSchema, ChannelAllocationSchema, OptimizeResponseSchema,
  type ChannelBounds, type OptimizeRequest, type OptimizeRequestInput, type ChannelAllocation, type OptimizeResponse,
} from './optimize.ts';
export {
  MAX_PLAN_PERIODS, PLAN_BUDGET_OR_TARGET, AfterPlanSchema, PlanRequestSchema, PlanChannelAllocationSchema, PlanResponseSchema, PlanHolidaysSchema,
  type PlanRequest, type PlanRequestInput, type PlanChannelAllocation, type PlanResponse, type PlanHolidaysResponse,
} from './plan.ts';
export {
  DEFAULT_SCENARIO_LEVELS, ScenarioLevelsSchema, ScenarioRequestSchema, ScenarioSchema, ScenarioComparisonSchema,
  type ScenarioRequest, type ScenarioRequestInput, type Scenario, type ScenarioComparison,
} from './scenarios.ts';
export { EXPORT_NAME_PATTERN, RunExportsSchema, type RunExports } from './run-exports.ts';
export { DecompositionRowsSchema, type DecompositionRows } from './decomposition-rows.ts';
export { HealthSchema, type Health } from './health.ts';
export { GeoBreakdownSchema, GeoBreakdownRowSchema, type GeoBreakdown, type GeoBreakdownRow } from './geo-breakdown.ts';
