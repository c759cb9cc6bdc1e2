import type { CurveRanges } from '../spec/refresh-spec.ts';
import type { AdstockSpec } from '../transforms/adstock/types.ts';
import type { SaturationSpec } from '../transforms/saturation/types.ts';
import type { BaselineKind } from '../design/baseline-columns.ts';
import type { BayesSpec, ModelSpec } from '../spec/model-spec.ts';
import type { Frequency } from '../spec/modeling-table.ts';
import type { LiftConflict } from '../fit/posterior/lift-conflict.ts';
import type { HolidayCalendar } from '../calendar/holiday-calendar.ts';
import type { MoneyFormat } from '../text/money-format.ts';

/**
 * Bumped whenever the stored shape changes incompatibly; every version from 1 up is read. 2: geo-level
 * models (`panel`): a reader that ignored it would compute the channels' contributions from the national
 * spend, which is not what a panel model fitted, so older readers must refuse these files.
 */
export const MODEL_SCHEMA_VERSION = 2;

/** The first schemaVersion that can hold a geo-level model (MmmModel.panel): what a geo-level fit writes. */
export const PANEL_MODEL_SCHEMA_VERSION = 2;

/**
 * What a national fit writes: its shape has not changed since version 1, so a mixwise from before geo
 * models can still read it. @example NATIONAL_MODEL_SCHEMA_VERSION // 1
 */
export const NATIONAL_MODEL_SCHEMA_VERSION = 1;

/**
 * A fitted model as plain JSON (model.json): the data it was fitted on, every parameter, and the
 * search's alternatives, so it can be predicted, plotted and optimised later without the input file.
 *
 * KPI_t = intercept + Σ_j baseline_j.coef·baseline_j.values[t] + Σ_c channel_c.coef·f_c(A_c(spend_c)[t] / scale_c)
 * where A_c is the normalised adstock over the full history and f_c the saturation curve. Organic
 * media are baseline terms of kind 'organic' whose values are f_o(A_o(exposure_o)[t] / scale_o).
 */
export interface MmmModel {
  readonly schemaVersion: number;
  readonly target: { readonly name: string; readonly kind: 'revenue' | 'count' };
  readonly frequency: Frequency;
  /** ISO dates of every row [nTimes]. */
  readonly dates: readonly string[];
  /** Rows [start, end) were modelled; the last `holdout` of them were kept out of the fit. */
  readonly window: { readonly start: number; readonly end: number };
  readonly holdout: number;
  readonly spec: ModelSpec;
  readonly intercept: number;
  readonly channels: readonly ModelChannel[];
  readonly baseline: readonly ModelBaselineTerm[];
  /** Organic media (also in `baseline`, kind 'organic'); absent without them and in models written before them. */
  readonly organic?: readonly ModelOrganic[];
  /** Observed KPI [nTimes]; NaN (null in model.json, reviveActual) for a period left out of the fit because its KPI is missing. */
  readonly actual: readonly number[];
  readonly search: ModelSearchSummary;
  /** Bootstrap replicates of each channel's ROI, [nReplicates][nChannels] (empty when disabled). */
  readonly bootstrapRoi: readonly (readonly number[])[];
  /**
   * The curves behind bootstrapRoi, [nReplicates][nChannels] (absent in models written before they
   * were stored): what the planner averages to optimise the expected KPI.
   */
  readonly bootstrapCurves?: readonly (readonly ReplicateChannel[])[];
  /**
   * Each organic series' contribution over the window (KPI units) per bootstrap replicate or posterior
   * draw, [nReplicates][nOrganic], beside bootstrapRoi (summary.organic's contribution_interval); absent
   * without organic media or replicates.
   */
  readonly organicContributionDraws?: readonly (readonly number[])[];
  /** Set for method 'bayes': the sampler's settings and convergence diagnostics (bootstrapRoi/Curves then hold posterior draws). */
  readonly bayes?: BayesDiagnostics;
  /** The data file the model was fitted on, recorded by the tool that read it (the engine never reads files). */
  readonly source?: ModelSource;
  /** The built-in holidays asked for and the week label (`--holidays`, `--week-label`); absent without them and in models written before it was recorded. */
  readonly holidayCalendar?: HolidayCalendar;
  /**
   * The currency of spend (and of a revenue KPI) and the locale its amounts are written in (`mixwise fit
   * --currency EUR --locale de-DE`); absent: plain numbers. Display only: no figure depends on it.
   */
  readonly money?: MoneyFormat;
  /** Set for a geo-level model (fitted on ModelingTable.panel); absent for a national model. */
  readonly panel?: ModelPanel;
  /** Set when the model refreshed an earlier run (`mixwise fit --refresh`); its narrowed bounds are in spec.channels. */
  readonly refresh?: ModelRefresh;
}

/** The earlier run a refreshed model started from (MmmModel.refresh). */
export interface ModelRefresh {
  /** The earlier run's folder as the user gave it. */
  readonly previous: string;
  /** The data file the earlier model was fitted on, when it recorded one. */
  readonly previousSource?: ModelSource;
  /** Periods of this model's window after the earlier window's last date. */
  readonly newPeriods: number;
  /** Share of each curve parameter's range searched around the earlier value (refreshWidth). */
  readonly boundWidth: number;
  /**
   * Per channel (and organic series), the full ranges that were narrowed (refreshRanges), so that the next
   * refresh of this model narrows the same full ranges, not the narrowed bounds in `spec`. Absent in models
   * written before it existed: such a model's narrowed bounds are then taken as the range.
   */
  readonly ranges?: Readonly<Record<string, CurveRanges>>;
}

/**
 * Which file a model came from: its name (never a local path, since models and reports are shared)
 * and a SHA-256 of its bytes, so that "is this the model of that file?" has an answer.
 */
export interface ModelSource {
  /** The file's base name, e.g. sales_2024.csv. */
  readonly file: string;
  /** Hex SHA-256 of the file's bytes. */
  readonly sha256: string;
  readonly bytes: number;
}

/** How the Bayesian fit's sampler ran and whether its chains agree (fit/bayes/fit-bayes.ts). */
export interface BayesDiagnostics {
  readonly sampler: 'nuts';
  readonly chains: number;
  readonly warmup: number;
  readonly draws: number;
  /** NUTS metric adapted in warm-up (BayesSpec.metric); absent in models written before it existed (diagonal). */
  readonly metric?: BayesSpec['metric'];
  /** Step-size adaptation target (BayesSpec.targetAccept); absent in models written before it existed (0.8). */
  readonly targetAccept?: number;
  /** Post-warmup transitions that diverged (any is a warning: the posterior has regions the sampler could not follow). */
  readonly divergences: number;
  /** Post-warmup transitions stopped by the maximum tree depth. */
  readonly treeDepthHits: number;
  /** Adapted step size per chain. */
  readonly stepSizes: readonly number[];
  /** Largest rank-normalised split R-hat over all parameters (< 1.01 is converged; Vehtari et al. 2021). */
  readonly maxRhat: number;
  /** Smallest bulk effective sample size over all parameters. */
  readonly minEss: number;
  /**
   * Parameters whose R-hat is not finite (maxRhat is over the finite ones): 'chains-apart' when every
   * half-chain is constant but they differ (R-hat +∞), 'not-moving' when no draw moved at all (R-hat
   * undefined). Either means not converged. Absent in models written before it was recorded.
   */
  readonly stuckParameters?: readonly StuckParameter[];
  /**
   * The ROI prior the sampler used (absent in models written before it was recorded): 'given' by the
   * user, the fit's 'default', or, when the fit had none, the weak 'data-scaled' one of bayesRoiPrior
   * (the joint model needs a proper prior on every ROI).
   */
  readonly roiPrior?: { readonly median: number; readonly sdLog: number; readonly source: 'given' | 'default' | 'data-scaled' };
  /**
   * Whether the point model's draw lies inside every channel's 90% credible interval (centralDraw);
   * false only when no stored draw does. Absent in models written before it was recorded.
   */
  readonly pointInsideIntervals?: boolean;
  /** Per sampled coordinate (unconstrained scale): posterior mean, sd, 5% / 50% / 95% quantiles, R-hat and bulk ESS. */
  readonly parameters: readonly BayesParameterSummary[];
}

/** A parameter whose R-hat is not finite, and why. */
export interface StuckParameter {
  readonly name: string;
  readonly reason: 'chains-apart' | 'not-moving';
}

export interface BayesParameterSummary {
  readonly name: string;
  readonly mean: number;
  readonly sd: number;
  readonly q05: number;
  readonly q50: number;
  readonly q95: number;
  readonly rhat: number;
  readonly ess: number;
}

/** One bootstrap replicate's refitted response of a channel (the channel's spend and maxLag are shared). */
export interface ReplicateChannel {
  readonly adstock: AdstockSpec;
  readonly saturation: SaturationSpec;
  readonly scale: number;
  readonly coef: number;
}

export interface ModelChannel {
  readonly name: string;
  /** Column in the input file. */
  readonly column: string;
  readonly spend: readonly number[];
  readonly adstock: AdstockSpec;
  readonly maxLag: number;
  readonly saturation: SaturationSpec;
  /** Adstocked spend is divided by this before saturation. */
  readonly scale: number;
  /** KPI per unit of saturated value. */
  readonly coef: number;
  /**
   * Set when the channel was modelled on its exposure (ChannelSpec.media 'exposure'): `spend` then holds
   * the spend-equivalent exposure the transforms saw. Absent: modelled on spend (and in older models).
   */
  readonly media?: ExposureMedia;
  /**
   * Set for a geo-level model (spec/panel.ts): the channel's spend per geo. Its contribution per period
   * is then Σ_g shares[g]·coef·f(A(spend[g] / shares[g])[t] / scale), not coef·f(A(spend)[t]/scale):
   * channelContribution sums it. `spend` stays the national spend (Σ over geos).
   */
  readonly panel?: ChannelPanel;
}

/** A channel's geo split in a geo-level model. */
export interface ChannelPanel {
  /** Each geo's size s_g (sums to 1; MmmModel.panel.shares), in MmmModel.panel.geos order. */
  readonly shares: readonly number[];
  /** The channel's spend per geo [nGeos][nTimes]. */
  readonly spend: readonly (readonly number[])[];
}

/**
 * A geo-level model's geos (spec/panel.ts). Geo g's fitted KPI is
 *   shares[g]·(intercepts[g] + Σ_j coef_j·(baseline_j.panelValues?.[g] ?? baseline_j.values)[t] + Σ_c coef_c·f_c(A_c(spend_{g,c}/shares[g])[t]/scale_c)),
 * and the national terms are their sums: model.intercept = Σ_g shares[g]·intercepts[g].
 */
export interface ModelPanel {
  /** The input column that names the geo. */
  readonly column: string;
  readonly geos: readonly string[];
  /**
   * Each geo's size s_g (geoShares), sums to 1: its share of the size column (`sizeColumn`) when the
   * fit had one, else its share of the KPI over the table's rows.
   */
  readonly shares: readonly number[];
  /**
   * The size column (population…) the shares were computed from; absent when they are the KPI shares
   * (and in files written before sizes existed). Whatever its name, a present field is a column.
   */
  readonly sizeColumn?: string;
  /** The size column's values per geo (its own units), present exactly when `sizeColumn` is. */
  readonly sizes?: readonly number[];
  /** Each geo's intercept μ_g in national-equivalent units (KPI / share). */
  readonly intercepts: readonly number[];
  /** Each geo's observed KPI [nGeos][nTimes]. */
  readonly actual: readonly (readonly number[])[];
}

/**
 * A channel modelled on exposure: e_t = exposure_t × costPerUnit, with costPerUnit = Σ spend / Σ exposure
 * over the window, so Σ e = Σ spend there and ROIs stay in money (fit/media-input.ts).
 */
export interface ExposureMedia {
  readonly basis: 'exposure';
  /** The exposure column in the input file. */
  readonly column: string;
  /** Average cost per exposure unit over the window (× 1,000 for a CPM). */
  readonly costPerUnit: number;
  /** The channel's actual spend per period [nTimes]. */
  readonly spend: readonly number[];
  /**
   * A geo-level model's channel: its actual spend per geo [nGeos][nTimes] (ChannelPanel.spend then holds
   * each geo's spend-equivalent exposure, exposure × costPerUnit with the national costPerUnit). Per-geo
   * ROIs are against it. Absent for a national channel.
   */
  readonly geoSpend?: readonly (readonly number[])[];
}

/**
 * An organic media term for display (effect timing, response per 1,000 exposures): its exposure
 * history and fitted curve. Its contribution is also a baseline term of kind 'organic' (values
 * f(A(x)/scale), coefficient coef), which is what fitted values and the decomposition use.
 */
export interface ModelOrganic {
  readonly name: string;
  /** Column in the input file. */
  readonly column: string;
  readonly exposure: readonly number[];
  readonly adstock: AdstockSpec;
  readonly maxLag: number;
  readonly saturation: SaturationSpec;
  /** Adstocked exposure is divided by this before saturation. */
  readonly scale: number;
  /** KPI per unit of saturated value. */
  readonly coef: number;
}

export interface ModelBaselineTerm {
  readonly name: string;
  /**
   * A control's data column (a config may name a control otherwise, ControlColumn.column); absent for
   * other terms and in models written before it was recorded, whose controls are read as named after
   * their column (baselineTermColumn). Events are always named after their column.
   */
  readonly column?: string;
  readonly kind: BaselineKind;
  readonly values: readonly number[];
  readonly coef: number;
  /**
   * A control's sign constraint (coefficient ≥ 0 for 'positive', ≤ 0 for 'negative'); absent for a
   * free sign, for other terms, and in models written before it was recorded.
   */
  readonly sign?: 'positive' | 'negative';
  /**
   * An event's built-in holiday ids (EventColumn.holidays): the holidays the model already has. Absent
   * for other terms and in models written before it was recorded.
   */
  readonly holidays?: readonly string[];
  /**
   * A geo-level model's control measured per geo: its values per geo [nGeos][nTimes] (`values` is then
   * their share-weighted mean, which is what the national decomposition uses). Absent otherwise.
   */
  readonly panelValues?: readonly (readonly number[])[];
}

export interface ModelSearchSummary {
  readonly nCandidates: number;
  readonly objectives: readonly string[];
  /**
   * Objectives of the chosen hyperparameters, measured with the train/validation split, and the
   * chosen ridge penalty λ (absent in models written before it was recorded).
   */
  readonly chosen: { readonly objectives: readonly number[]; readonly score: number; readonly lambda?: number };
  /** Non-dominated candidates (best first by score), each refitted for its ROIs. */
  readonly pareto: readonly ParetoModel[];
  readonly selectionRule: string;
  /** Set when a revenue KPI got no default ROI prior because spend and KPI look like different units (defaultRoiPrior). */
  readonly roiPriorNote?: string;
  /** Where the search's ROI prior came from: 'default' (defaultRoiPrior) or 'given' (the spec); absent without a prior or in models written before it was recorded. */
  readonly roiPriorSource?: 'given' | 'default';
  /**
   * Fitted with lift tests and the posterior rule: the tested channels whose calibrated 90% ROI range
   * and the data-only one do not overlap (liftConflicts; [] when none, absent without tests).
   */
  readonly liftConflicts?: readonly LiftConflict[];
}

export interface ParetoModel {
  readonly objectives: readonly number[];
  readonly score: number;
  readonly lambda: number;
  readonly channels: readonly { readonly name: string; readonly adstock: AdstockSpec; readonly saturation: SaturationSpec; readonly roi: number }[];
}
