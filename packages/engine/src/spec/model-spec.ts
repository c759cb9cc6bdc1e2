import type { RoiPrior } from '../fit/posterior/roi-prior.ts';
import type { AdstockType } from '../transforms/adstock/types.ts';
import type { SaturationType } from '../transforms/saturation/types.ts';
import type { Frequency } from './modeling-table.ts';
import { mergeSpec, type ModelSpecOverrides } from './merge-spec.ts';

/**
 * Everything a user can choose about the model, serialisable (it is stored in model.json).
 * `defaultModelSpec` fills what is not given; see docs/model.md for what each part means.
 */
export interface ModelSpec {
  /** Fit on rows [start, end) of the table; earlier rows still feed adstock (warm-up). */
  readonly window: { readonly start: number; readonly end: number };
  /** Last N periods of the window kept out of every fit and scored as a true holdout. */
  readonly holdout: number;
  /** Share of the (non-holdout) window, at its end, used as the search's validation set. */
  readonly validationShare: number;
  readonly channels: readonly ChannelSpec[];
  /**
   * Organic media (table.organic), searched like channels (adstock, maxLag, saturation, bounds) but
   * without spend, ROI or a place in the plan. Omitted: none (models before organic media).
   */
  readonly organic?: readonly ChannelSpec[];
  readonly trend: { readonly linear: boolean; readonly changepoints: number };
  /** Fourier order of yearly seasonality (0 = none). */
  readonly seasonalityOrder: number;
  /** Day-of-week dummies; only meaningful for daily data. */
  readonly dayOfWeek: boolean;
  /** Ridge penalty search range (on the standardised design, per observation). */
  readonly lambda: { readonly lower: number; readonly upper: number };
  readonly search: SearchSpec;
  /** Optional experiment results used to calibrate (MAPE.LIFT objective). */
  readonly liftTests: readonly LiftTest[];
  /**
   * 'ridge' (omitted): the search's chosen model with bootstrap intervals. 'bayes': the joint posterior
   * of curves, coefficients and noise sampled by NUTS from the search's choice (fit/bayes/), with
   * credible intervals from the draws.
   */
  readonly method?: 'ridge' | 'bayes';
  /** Sampler settings for method 'bayes' (DEFAULT_BAYES_SPEC for what is omitted). */
  readonly bayes?: Partial<BayesSpec>;
}

/** NUTS settings of the Bayesian fit. */
export interface BayesSpec {
  /** Independent chains (convergence is judged across them). */
  readonly chains: number;
  /** Adaptation iterations per chain (discarded). */
  readonly warmup: number;
  /** Kept draws per chain. */
  readonly draws: number;
  /** Draws stored in model.json (thinned evenly over all chains): intervals and the planner's expected KPI use them. */
  readonly stored: number;
  /**
   * NUTS metric adapted in warm-up: 'dense' (a full covariance, Stan's dense_e) follows the strong
   * correlations between a channel's curve parameters and its ROI; 'diag' only rescales each coordinate.
   */
  readonly metric: 'diag' | 'dense';
  /**
   * Mean acceptance probability the step size is adapted to (Stan's adapt_delta, PyMC's target_accept),
   * in (0, 1). Higher gives smaller steps: fewer divergences in tight corners of the posterior, more
   * gradient evaluations per draw.
   */
  readonly targetAccept: number;
}

/**
 * 4 chains × (500 warmup + 500 draws), 200 draws stored: R-hat across 4 chains and an ESS of several
 * hundred. Target acceptance 0.95, not Stan's 0.8: the MMM posterior has curved, correlated curve
 * parameters, and on the 20 random bench scenarios (seeds 1001–1020) 0.95 cut divergences from 1048
 * to 115, the worst R-hat from 1.45 to 1.017 and raised the smallest bulk ESS from 8 to 285, for about
 * 20% more sampling time and no change in ROI error beyond noise (26.6% vs 28.3%).
 */
export const DEFAULT_BAYES_SPEC: BayesSpec = { chains: 4, warmup: 500, draws: 500, stored: 200, metric: 'dense', targetAccept: 0.95 };

/**
 * Adstock families the search chooses from per channel with `adstock: 'auto'`: geometric decay, the
 * Weibull survival (decay that can hold then drop) and the Weibull density (a delayed peak). Each
 * channel gets the family its data support; a fixed family is searched on its own parameters only.
 */
export const AUTO_ADSTOCK_FAMILIES: readonly AdstockType[] = ['geometric', 'weibull-cdf', 'weibull-pdf'];

/**
 * Saturation families the search chooses from per channel with `saturation: 'auto'`: the Hill curve
 * (concave or S-shaped) and the logistic tanh curve (concave, linear at zero, saturating exponentially).
 */
export const AUTO_SATURATION_FAMILIES: readonly SaturationType[] = ['hill', 'logistic'];

/** A paid channel's media variable: its spend, or its exposure (impressions, clicks, GRPs). */
export type MediaBasis = 'spend' | 'exposure';

export interface ChannelSpec {
  readonly name: string;
  /** An adstock family, or 'auto' to let the search pick among AUTO_ADSTOCK_FAMILIES per channel. */
  readonly adstock: AdstockType | 'auto';
  /** Longest carryover in periods (up to 104). */
  readonly maxLag: number;
  /** A saturation family, or 'auto' to let the search pick among AUTO_SATURATION_FAMILIES per channel. */
  readonly saturation: SaturationType | 'auto';
  /**
   * What the channel's transforms see: its 'spend' (omitted), or its 'exposure' column (impressions,
   * clicks, GRPs) converted to spend-equivalent units (fit/media-input.ts). Paid channels only.
   */
  readonly media?: MediaBasis;
  /** Optional search bounds per parameter name, e.g. { saturation: { shape: [0.5, 2] } }. */
  readonly bounds?: {
    readonly adstock?: Readonly<Record<string, readonly [number, number]>>;
    readonly saturation?: Readonly<Record<string, readonly [number, number]>>;
  };
}

/**
 * Mixwise's default saturation search bounds where they are narrower than the kernel's full range.
 * A Hill curve with a very small half-saturation and a steep shape is a step function: always "on",
 * it is confounded with the intercept and its ROI is not identified. Bounds chosen by ROI accuracy
 * on simulated ground truth (bench/accuracy.bench.ts).
 */
export const DEFAULT_SATURATION_BOUNDS: Readonly<Record<SaturationType, Readonly<Record<string, readonly [number, number]>>>> = {
  hill: { halfSaturation: [0.3, 3], shape: [0.5, 3] },
  logistic: {},
  'michaelis-menten': {},
  log1p: {},
};

export interface SearchSpec {
  /** Candidate models evaluated in total (over all trials). */
  readonly iterations: number;
  /** Independent evolutionary runs; their results are pooled. */
  readonly trials: number;
  readonly seed: number;
  /** Weights of the scalarised objective that steers the search and picks the default model. */
  readonly weights: ObjectiveWeights;
  /** Bootstrap refits for ROI intervals (0 disables). */
  readonly bootstrap: number;
  /**
   * Metropolis iterations of the hyperparameter posterior that chooses the default model
   * (fit/posterior/choose-default-model.ts); 0 picks the lowest weighted score instead. Omitted means
   * DEFAULT_POSTERIOR_ITERATIONS. Ignored (lowest score used) with a DECOMP.RSSD weight. Lift tests
   * enter the posterior as Gaussian measurements (fit/posterior/lift-likelihood.ts).
   */
  readonly posterior?: number;
  /**
   * Log-normal prior on every channel's ROI in the hyperparameter posterior. Omitted: Meridian's
   * default LogNormal(0.2, 0.9) (DEFAULT_ROI_PRIOR) for revenue targets, none for counts; null: none.
   */
  readonly roiPrior?: RoiPrior | null;
}

/**
 * Default Metropolis iterations for the hyperparameter posterior. On simulated ground truth (random
 * scenarios, 4 % noise, seeds 1–20) 40,000 iterations were no more accurate than 20,000.
 */
export const DEFAULT_POSTERIOR_ITERATIONS = 20000;

/** Hyperparameter search iterations of a default fit (`mixwise fit`, `POST /api/runs` and the dashboard's Train form). */
export const DEFAULT_SEARCH_ITERATIONS = 20000;

/** Fewest Metropolis iterations a posterior scaled down with the search gets (scaledPosteriorIterations). */
export const POSTERIOR_ITERATIONS_FLOOR = 2000;

/**
 * The posterior length that goes with a search budget when none is given: DEFAULT_POSTERIOR_ITERATIONS
 * for the default search or a larger one, and for a smaller search the same share of it (a quick
 * `--iterations 2000` fit is not held up by a full-length chain), at least POSTERIOR_ITERATIONS_FLOOR.
 * Each Metropolis iteration costs about one candidate evaluation on all fitted rows, on one thread.
 * @param searchIterations the search's iterations (search.iterations)
 * @example scaledPosteriorIterations(5000) // 5000 (a quarter of the default search, a quarter of the default posterior)
 */
export function scaledPosteriorIterations(searchIterations: number): number {
  if (!(searchIterations < DEFAULT_SEARCH_ITERATIONS)) return DEFAULT_POSTERIOR_ITERATIONS;
  const scaled = Math.round((DEFAULT_POSTERIOR_ITERATIONS * searchIterations) / DEFAULT_SEARCH_ITERATIONS);
  return Math.min(DEFAULT_POSTERIOR_ITERATIONS, Math.max(POSTERIOR_ITERATIONS_FLOOR, scaled));
}

export interface ObjectiveWeights {
  readonly nrmseTrain: number;
  readonly nrmseValidation: number;
  readonly decompRssd: number;
  readonly mapeLift: number;
}

/**
 * An experiment on one channel (geo holdout, go-dark or conversion-lift test), scaled to the modeled
 * market: `lift` is the KPI that the channel's spend during [start, end] produced over
 * [start, measuredThrough] — the difference between what happened and what would have happened with
 * no spend on the channel in the test periods. The model predicts the same counterfactual quantity
 * (model/lift-effect.ts), so carryover into the test from earlier spend does not count, and effects
 * of the test's spend that arrive after `measuredThrough` are not expected in the measurement.
 */
export interface LiftTest {
  readonly channel: string;
  /** Inclusive ISO dates of the test (the periods whose spend the test measures). */
  readonly start: string;
  readonly end: string;
  /** Last date (inclusive) over which the lift was measured; default `end`. Later dates catch more of a lagged effect. */
  readonly measuredThrough?: string;
  /** Measured incremental KPI over [start, measuredThrough]; 0 or below (no effect measured, or a negative one) with a stated standardError. */
  readonly lift: number;
  /**
   * Standard error of the measured lift, in KPI units (from the experiment's analysis). Omitted:
   * DEFAULT_LIFT_TEST_RELATIVE_SE × lift.
   */
  readonly standardError?: number;
  /**
   * Geo-level fits only: the geos (names in the panel's geo column) the test ran in; the measured lift
   * is the KPI of those geos, and the model's lift sums the channel's effect over them. Omitted: a
   * national test (every geo). A national fit refuses a test that names geos.
   */
  readonly geos?: readonly string[];
}

/**
 * Standard error assumed for a lift test that does not state one, as a fraction of its lift. Geo
 * and conversion-lift experiments commonly report relative standard errors of 10–50%; 0.2 is a
 * middle value, so an unstated test calibrates the model without being treated as exact.
 */
export const DEFAULT_LIFT_TEST_RELATIVE_SE = 0.2;

/** That default as people read it in hints and docs: '20% of the lift'. */
export const DEFAULT_LIFT_TEST_SE_TEXT = `${Math.round(100 * DEFAULT_LIFT_TEST_RELATIVE_SE)}% of the lift`;

/** A lift test's standard error: as stated, else DEFAULT_LIFT_TEST_RELATIVE_SE × |lift| (a lift ≤ 0 must state one: liftTestSeProblem). @example liftTestStandardError({ lift: 100 }) // 20 */
export function liftTestStandardError(test: Pick<LiftTest, 'lift' | 'standardError'>): number {
  return test.standardError ?? DEFAULT_LIFT_TEST_RELATIVE_SE * Math.abs(test.lift);
}

/**
 * Why a lift test's standard error cannot be left to the default, or undefined when it can: a lift of
 * 0 or below (a test that measured no effect, or a negative one: legitimate results, which calibration
 * must see) has no default, since a share of the lift would be 0 or say nothing of the test's precision.
 * @example liftTestSeProblem({ lift: -500 }) // 'a lift of 0 or below (-500) needs its standard_error …'
 * @example liftTestSeProblem({ lift: -500, standardError: 100 }) // undefined
 */
export function liftTestSeProblem(test: Pick<LiftTest, 'lift' | 'standardError'>): string | undefined {
  if (test.standardError !== undefined || test.lift > 0) return undefined;
  return `a lift of 0 or below (${test.lift}) needs its standard_error: the default (${DEFAULT_LIFT_TEST_SE_TEXT}) scales with the lift, so it would be 0 or unrelated to the test's precision`;
}

/**
 * Whole periods in a year per frequency (52 weeks, 365 days): a window of at least this many periods
 * covers one yearly cycle, which yearly seasonality needs (defaultModelSpec, fitWarnings). Integers
 * because they are compared with period counts; the yearly Fourier terms' period is the mean length
 * instead (meanPeriodsPerYear, 52.18 weeks), so the cycle keeps to the calendar.
 */
export const PERIODS_PER_YEAR = { weekly: 52, daily: 365 } as const;

export interface DefaultSpecInput {
  readonly nTimes: number;
  readonly frequency: Frequency;
  readonly channels: readonly string[];
  /** Organic media names: each gets a channel's default spec (omitted or empty: no `organic` in the spec). */
  readonly organic?: readonly string[];
}

/** Recommended defaults; chosen by accuracy on simulated ground truth (bench/accuracy.bench.ts). */
export const DEFAULT_WEIGHTS: ObjectiveWeights = { nrmseTrain: 1, nrmseValidation: 1, decompRssd: 0, mapeLift: 1 };

/** Most trend changepoints a spec may ask for (mixwise.yaml `model.changepoints`, `fit --changepoints`). */
export const MAX_TREND_CHANGEPOINTS = 50;

/** Default longest carryover, in periods, by frequency (defaultModelSpec). @example DEFAULT_MAX_LAG.weekly // 52 */
export const DEFAULT_MAX_LAG: Readonly<Record<Frequency, number>> = { weekly: 52, daily: 28 };

/** Longest carryover, in periods, a user may ask for (mixwise.yaml `max_lag`, `fit --max-lag`). */
export const MAX_USER_LAG = 104;

/**
 * Default Fourier order of yearly seasonality by frequency, when the window covers a year (defaultModelSpec).
 * @example DEFAULT_SEASONALITY_ORDER.daily // 3
 */
export const DEFAULT_SEASONALITY_ORDER: Readonly<Record<Frequency, number>> = { weekly: 2, daily: 3 };

/** Highest Fourier order of yearly seasonality a user may ask for (mixwise.yaml `model.seasonality`, `fit --seasonality`). */
export const MAX_SEASONALITY_ORDER = 20;

/**
 * The default spec for a table: all periods; adstock `auto` (the search picks geometric, Weibull CDF or
 * Weibull PDF per channel) with up to 52 periods of carryover for weekly data and 28 for daily data;
 * Hill saturation, linear trend, yearly seasonality of order 2 (weekly) or 3 (daily) when the window
 * covers at least a year (52 weeks, 365 days), none below. Overrides merge in at every depth (mergeSpec:
 * unknown keys are an EngineError). On simulated
 * ground truth `auto` had lower ROI errors than Weibull PDF alone on every set measured (docs/model.md §3.1).
 * @example defaultModelSpec({ nTimes: 156, frequency: 'weekly', channels: ['tv'] }).channels[0].adstock // 'auto'
 */
export function defaultModelSpec(input: DefaultSpecInput, overrides: ModelSpecOverrides = {}): ModelSpec {
  const weekly = input.frequency === 'weekly';
  // Less than one yearly cycle cannot tell a yearly pattern from the trend (Fourier terms on 120 days
  // had VIFs of 1e7–1e8 against it), so seasonality is off by default there; fitWarnings says so.
  const window = { start: 0, end: input.nTimes, ...overrides.window };
  const oneYear = window.end - window.start >= PERIODS_PER_YEAR[input.frequency];
  const channelSpec = (name: string): ChannelSpec => ({ name, adstock: 'auto', maxLag: DEFAULT_MAX_LAG[input.frequency], saturation: 'hill' });
  const base: ModelSpec = {
    window: { start: 0, end: input.nTimes },
    holdout: 0,
    validationShare: 0.15,
    channels: input.channels.map(channelSpec),
    ...(input.organic !== undefined && input.organic.length > 0 ? { organic: input.organic.map(channelSpec) } : {}),
    trend: { linear: true, changepoints: 0 },
    seasonalityOrder: oneYear ? DEFAULT_SEASONALITY_ORDER[input.frequency] : 0,
    dayOfWeek: !weekly,
    lambda: { lower: 1e-4, upper: 1 },
    search: { iterations: DEFAULT_SEARCH_ITERATIONS, trials: 4, seed: 1, weights: DEFAULT_WEIGHTS, bootstrap: 100, posterior: DEFAULT_POSTERIOR_ITERATIONS },
    liftTests: [],
  };
  // Nested parts merge per key (a partial `search` keeps the default weights), arrays replace.
  return mergeSpec(base, overrides);
}
