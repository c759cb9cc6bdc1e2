import { z } from 'zod';
import {
  DEFAULT_BAYES_SPEC, DEFAULT_LIFT_TEST_SE_TEXT, DEFAULT_ROI_PRIOR, DEFAULT_SEASONALITY_ORDER, HOLIDAY_SET_NAMES, MAX_SEASONALITY_ORDER, MAX_TREND_CHANGEPOINTS, MAX_USER_LAG,
  currencyProblem, liftTestSeProblem, localeProblem, unknownHolidayNames, unknownHolidaysText, type AdstockType, type SaturationType,
} from '@mixwise/engine';
import { checkConfig } from './check-config.ts';
import { ADSTOCK_BOUND_PARAMS, SATURATION_BOUND_PARAMS } from './bound-params.ts';
import { cleaningSchema } from './cleaning-schema.ts';
import { sourcesSchema } from '../datamart/sources-schema.ts';

/**
 * The schema of `mixwise.yaml`, the project config file (see docs/config.md). Keys are snake_case.
 * Every object is strict: an unknown key (a typo such as `adstok`) is an error, not silently ignored.
 * The descriptions double as editor hovers through the generated JSON Schema (json-schema.ts).
 */

/** Adstock choices accepted in the config: the engine's families plus 'auto' (the search picks per channel). */
export const ADSTOCK_CHOICES = ['geometric', 'delayed', 'weibull-cdf', 'weibull-pdf', 'auto'] as const satisfies readonly (AdstockType | 'auto')[];
/** Saturation curves accepted in the config: the engine's SATURATION_TYPES plus 'auto' (the search picks per channel). */
export const SATURATION_CHOICES = ['hill', 'logistic', 'michaelis-menten', 'log1p', 'auto'] as const satisfies readonly (SaturationType | 'auto')[];
/** Expected effect signs of a control. */
export const SIGN_CHOICES = ['positive', 'negative', 'free'] as const;

const columnName = z.string().min(1);
/** Whether a yyyy-mm-dd text is a real calendar day (2022-13-01 and 2021-02-30 are not; new Date gives an Invalid Date or rolls over). */
function dateExists(v: string): boolean {
  const d = new Date(`${v}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === v;
}

const isoDate = z.string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'expected a date written yyyy-mm-dd' })
  .refine(dateExists, { message: 'this date does not exist (check the month is 01–12 and the day is in that month)' })
  .describe('A date written yyyy-mm-dd.');
const wholeNumber = (min: number) => z.number().int().min(min);
// lower == upper (or one number) fixes the parameter, as Robyn accepts a fixed hyperparameter.
const range = z.union([
  z.number(),
  z.tuple([z.number(), z.number()])
    .refine(([lo, hi]) => lo <= hi, { message: 'the lower bound must not be above the upper bound (give one number, or [x, x], to fix the parameter)' }),
]).describe('Search range [lower, upper] of the parameter; one number (or [x, x]) fixes it at that value.');
const boundsOf = (names: readonly string[], what: string) =>
  z.strictObject(Object.fromEntries(names.map((n) => [n, range.optional()]))).describe(`Search ranges of ${what} parameters, by name.`);

const adstock = z.enum(ADSTOCK_CHOICES)
  .describe('Carryover family: geometric, delayed, weibull-cdf, weibull-pdf, or auto (the search picks per channel).');
const maxLag = wholeNumber(0).max(MAX_USER_LAG).describe(`Longest carryover in periods (weeks or days), 0 to ${MAX_USER_LAG}.`);
const saturation = z.enum(SATURATION_CHOICES).describe('Diminishing-returns curve: hill, logistic, michaelis-menten, log1p, or auto (the search picks hill or logistic per channel).');

const mediaBasis = z.enum(['spend', 'exposure']);

const channel = z.strictObject({
  name: columnName.describe('Channel name used in reports and lift tests, e.g. tv.'),
  spend: columnName.describe('The spend column of this channel, e.g. tv_spend.'),
  exposure: columnName.optional().describe('Optional exposure column (impressions, clicks, GRPs).'),
  media: mediaBasis.optional().describe('What the model uses for this channel: spend, or exposure (its exposure column converted to money at the window\'s average cost per unit); default: model.media, else spend.'),
  adstock: adstock.optional(),
  max_lag: maxLag.optional(),
  saturation: saturation.optional(),
  bounds: z.strictObject({
    adstock: boundsOf(ADSTOCK_BOUND_PARAMS, 'adstock').optional(),
    saturation: boundsOf(SATURATION_BOUND_PARAMS, 'saturation').optional(),
  }).optional().describe('Hyperparameter search ranges for this channel, e.g. { adstock: { alpha: [0, 0.5] } }; a single number fixes a parameter, e.g. { adstock: { alpha: 0.5 } }.'),
}).describe('A paid-media channel.');

const control = z.strictObject({
  name: columnName.describe('Control name in reports.'),
  column: columnName.optional().describe('The data column (default: the name).'),
  sign: z.enum(SIGN_CHOICES).default('free').describe('Expected sign of its effect: positive, negative or free.'),
}).describe('A non-media driver of the KPI (price, distribution, competitor activity…).');

/** The message for an unknown holiday set or id (with the known ones), or undefined. */
function holidayNameProblem(name: string): string | undefined {
  const unknown = unknownHolidayNames([name]);
  return unknown.length === 0 ? undefined : unknownHolidaysText(unknown);
}

const liftTest = z.strictObject({
  channel: columnName.describe('The channel name (as in columns.channels).'),
  start: isoDate.describe('First date of the test, yyyy-mm-dd (inclusive).'),
  end: isoDate.describe('Last date of the test, yyyy-mm-dd (inclusive).'),
  measured_through: isoDate.optional().describe('Last date the lift was measured over, yyyy-mm-dd (inclusive; default: end). Later dates catch more of a lagged effect.'),
  lift: z.number().describe('Measured incremental KPI: what the channel\'s spend in the test periods produced from start to measured_through. 0 or below (no effect measured, or a negative one) needs standard_error.'),
  standard_error: z.number().positive().optional().describe(`Standard error of the measured lift, in KPI units (default: ${DEFAULT_LIFT_TEST_SE_TEXT}; required when lift is 0 or below).`),
  geos: z.array(z.string().min(1)).min(1).optional().describe('Geo-level fits only: the geos the test ran in (names in the geo column); the lift is their KPI. Default: every geo (a national test).'),
}).superRefine((t, ctx) => {
  const problem = liftTestSeProblem({ lift: t.lift, ...(t.standard_error === undefined ? {} : { standardError: t.standard_error }) });
  if (problem !== undefined) ctx.addIssue({ code: 'custom', path: ['standard_error'], message: problem });
}).describe('A lift-test (experiment) result used to calibrate the model.');

/** The config's shape before the cross-field checks (see check-config.ts). */
export const configObject = z.strictObject({
  version: z.literal(1).describe('Config format version; always 1.'),
  data: z.strictObject({
    path: z.string().min(1).describe('The data file; a relative path starts from the folder of this config file.'),
    format: z.enum(['csv']).optional().describe('File format (default: csv).'),
  }).optional().describe('Where the data is (a wide file); give either data or sources.'),
  sources: sourcesSchema.optional(),
  columns: z.strictObject({
    date: columnName.optional().describe('The date column (default: detected).'),
    target: columnName.describe('The KPI column to explain (revenue, orders, pipeline…).'),
    target_kind: z.enum(['revenue', 'count']).optional().describe('Money KPI (revenue) or a count (default: guessed from the name).'),
    geo: columnName.optional().describe('A long panel file (one row per date and geo): the column naming each row\'s geo; the model is fitted on every geo\'s series with shared media curves (a geo-level model; the same as fit --geo). Not with cleaning: sum_panel, which adds the geos up instead (default: none, one national series).'),
    geo_size: columnName.optional().describe('With geo: the column holding each geo\'s size (population, households…), one positive value per geo, the same on all its rows; each geo is then scaled by its share of this column instead of its share of the KPI (the same as fit --geo-size; default: none, the KPI shares).'),
    channels: z.array(channel).min(1).optional().describe('Paid-media channels (default: every column ending in _spend).'),
    controls: z.array(control).default([]).describe('Control variables (default: none).'),
    events: z.array(columnName).optional()
      .describe('0/1 event columns, or categorical columns expanded to one dummy per value (default: every unused 0/1 column).'),
    organic: z.array(columnName).optional()
      .describe('Organic media columns: exposure without spend (newsletter sends, organic impressions), numbers ≥ 0 with no empty cell, modelled with carryover and saturation against zero exposure, without ROI (default: none).'),
  }).describe('Which column plays which part.'),
  cleaning: cleaningSchema.optional(),
  granularity: z.enum(['weekly', 'daily']).optional().describe('Expected time step; the data is checked against it (default: detected).'),
  holidays: z.array(z.string().min(1).refine((n) => holidayNameProblem(n) === undefined, { error: (issue) => holidayNameProblem(String(issue.input)) }))
    .optional().describe(`Built-in holidays added as 0/1 events named holiday_<id>: sets (${HOLIDAY_SET_NAMES.join(', ')}) and single holiday ids such as black-friday, case-insensitive (default: none). See docs/model.md.`),
  holiday_columns: z.enum(['each', 'set']).optional()
    .describe('each: one event per holiday (holidays marking the same periods share one); set: one event per holiday set, 1 when any of its holidays falls in the period (default: each).'),
  week_label: z.enum(['start', 'end']).optional()
    .describe('Weekly data: each date is the first day of its 7-day week (start) or the last (end); used to place holidays in weeks (default: start).'),
  window: z.strictObject({
    start: isoDate.optional().describe('First date of the modeling window (earlier rows only warm up carryover).'),
    end: isoDate.optional().describe('Last date of the modeling window (later rows are ignored).'),
  }).optional().describe('The modeling window (default: every row).'),
  holdout: wholeNumber(0).optional().describe('Final periods of the window kept out of the fit and scored as a test (default: 0).'),
  model: z.strictObject({
    seasonality: wholeNumber(0).max(MAX_SEASONALITY_ORDER).optional()
      .describe(`Fourier order of yearly seasonality, 0 for none (default: ${DEFAULT_SEASONALITY_ORDER.weekly} weekly, ${DEFAULT_SEASONALITY_ORDER.daily} daily).`),
    changepoints: wholeNumber(0).max(MAX_TREND_CHANGEPOINTS).optional().describe('Trend changepoints (default: 0, a straight trend).'),
    adstock: adstock.optional(),
    max_lag: maxLag.optional(),
    saturation: saturation.optional(),
    roi_prior: z.union([
      z.literal('none'),
      z.strictObject({
        median: z.number().positive().describe('Median ROI (KPI per unit of spend).'),
        sd_log: z.number().positive().describe('Standard deviation of log ROI (0.9 puts about 80% of the mass between a third and three times the median).'),
      }),
    ]).optional().describe(`Log-normal prior on every channel's ROI, or none (default for a revenue KPI: median ${DEFAULT_ROI_PRIOR.median.toFixed(2)}, sd_log ${DEFAULT_ROI_PRIOR.sdLog}, unless spend and KPI look like different units; none for a count KPI).`),
    media: mediaBasis.optional()
      .describe('exposure: model every channel that has an exposure column on it, converted to money at the window\'s average cost per unit (a channel\'s media: overrides); default: spend.'),
    method: z.enum(['ridge', 'bayes']).optional()
      .describe('ridge: the search\'s model with bootstrap intervals; bayes: the joint posterior sampled by NUTS, with credible intervals (default: ridge).'),
    bayes: z.strictObject({
      chains: wholeNumber(1).optional().describe(`Independent NUTS chains (default: ${DEFAULT_BAYES_SPEC.chains}).`),
      warmup: wholeNumber(0).optional().describe(`Adaptation iterations per chain (default: ${DEFAULT_BAYES_SPEC.warmup}).`),
      draws: wholeNumber(4).optional().describe(`Kept draws per chain (default: ${DEFAULT_BAYES_SPEC.draws}).`),
      metric: z.enum(['dense', 'diag']).optional().describe(`NUTS metric adapted in warm-up: dense (full covariance, follows correlated parameters) or diag (default: ${DEFAULT_BAYES_SPEC.metric}).`),
      target_accept: z.number().gt(0).lt(1).optional()
        .describe(`Mean acceptance the NUTS step size is tuned to, in (0, 1); raise it (0.99) when the fit reports divergences (default: ${DEFAULT_BAYES_SPEC.targetAccept}).`),
    }).optional().describe('Sampler settings for method: bayes.'),
  }).optional().describe('Model choices; adstock, max_lag and saturation are defaults for every channel.'),
  calibration: z.strictObject({
    lift_tests: z.array(liftTest).default([]).describe('Experiment results.'),
  }).optional().describe('Calibration against experiments (MAPE.LIFT objective).'),
  currency: z.string().refine((c) => currencyProblem(c) === null, { error: (issue) => `${currencyProblem(String(issue.input))}` }).optional()
    .describe('ISO 4217 currency of spend (and of a revenue KPI), e.g. EUR: amounts in the tables, report and dashboard are shown with it (the same as fit --currency, which overrides it; default: none).'),
  locale: z.string().refine((l) => localeProblem(l) === null, { error: (issue) => `${localeProblem(String(issue.input))}` }).optional()
    .describe('BCP 47 locale of the amounts\' grouping and decimal marks, e.g. de-DE (the same as fit --locale, which overrides it; default: en-US).'),
  search: z.strictObject({
    iterations: wholeNumber(1).optional().describe('Candidate models evaluated in total (default: 20000).'),
    seed: wholeNumber(0).optional().describe('Random seed (default: 1).'),
    trials: wholeNumber(1).optional().describe('Independent search runs pooled together (default: 4).'),
    posterior_iterations: wholeNumber(0).optional().describe('Metropolis iterations of the hyperparameter posterior that picks the model; 0 picks the lowest weighted score instead (default: 20000, scaled down with a smaller search.iterations, at least 2000).'),
  }).optional().describe('Hyperparameter search settings.'),
}).describe('Mixwise project configuration (mixwise.yaml).');

/** The zod schema of a mixwise.yaml config (version 1): the shape plus cross-field checks. */
export const configSchema = configObject.superRefine(checkConfig);

/** A validated config, as zod outputs it (defaults filled in). */
export type MixwiseConfig = z.output<typeof configSchema>;
/** A config as written in the file (before defaults). */
export type MixwiseConfigInput = z.input<typeof configSchema>;
