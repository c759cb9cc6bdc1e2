/** Public API of the simulator: data sets with known ground truth. Explicit named exports only. */
export type { SimulationOptions, SimulatedChannel, SimulatedBaseline, SimulatedEvent, SimulatedControl, SimulatedConversion } from './types.ts';
export type { SimulationResult, SimulationTruth, ChannelTruth, BaselineTotals, StageTruth } from './truth.ts';
export type { SpendPattern, SpendCommon, SpendPatternType } from './spend/spend-pattern.ts';
export type { ControlSeries } from './baseline/control-series.ts';
export type { HolidayKind } from './calendar/holidays.ts';
export type { RandomScenarioOptions } from './random-scenario.ts';
export type { PresetName } from './presets/index.ts';
export type { BreakdownDimensions, LongTable } from './breakdown/geo-product-breakdown.ts';

export { simulate } from './simulate.ts';
export { checkSimulationOptions } from './check-options.ts';
export { presetNames, simulatePreset } from './presets/index.ts';
export { retailWeeklyOptions } from './presets/retail-weekly.ts';
export { b2bWeeklyOptions, simulateB2bWeekly, B2B_DIMENSIONS } from './presets/b2b-weekly.ts';
export { ecommerceDailyOptions, simulateEcommerceDaily } from './presets/ecommerce-daily.ts';
export { randomScenario, randomScenarioOptions } from './random-scenario.ts';
export { generateSpend } from './spend/generate-spend.ts';
export { geoProductBreakdown } from './breakdown/geo-product-breakdown.ts';
export { splitCents } from './breakdown/split-cents.ts';
export { holidayKinds, holidaySpan, holidayKindRule, HOLIDAY_KIND_RULES } from './calendar/holidays.ts';
export { holidayDummy } from './calendar/holiday-dummy.ts';
export { easterSunday } from '../calendar/easter-sunday.ts';
export { oracleStandardErrors } from './oracle-standard-errors.ts';
export { simulateLiftTests, DEFAULT_SIMULATED_LIFT_TEST_SE, type SimulatedLiftTestOptions } from './lift-tests.ts';
export { MROI_STEP } from './response/channel-truth.ts';
