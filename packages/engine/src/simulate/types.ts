import type { Frequency, TargetColumn } from '../spec/modeling-table.ts';
import type { AdstockSpec } from '../transforms/adstock/types.ts';
import type { SaturationSpec } from '../transforms/saturation/types.ts';
import type { ControlSeries } from './baseline/control-series.ts';
import type { HolidayKind } from './calendar/holidays.ts';
import type { SpendPattern } from './spend/spend-pattern.ts';

/**
 * A declarative description of a synthetic data set with known truth; `simulate` turns it into a
 * modeling table and a truth record. Presets are just values of this type.
 */
export interface SimulationOptions {
  /** Label recorded in the truth (preset name, 'random', 'custom'…). */
  readonly preset: string;
  readonly seed: number;
  readonly frequency: Frequency;
  /** ISO date of the first period (a Monday for weekly data by convention). */
  readonly start: string;
  readonly nTimes: number;
  readonly target: { readonly name: string; readonly kind: TargetColumn['kind'] };
  readonly channels: readonly SimulatedChannel[];
  readonly baseline: SimulatedBaseline;
  /** Noise sd as a fraction of the mean noiseless KPI of the first stage (e.g. 0.06). */
  readonly noise: number;
  /** ρ in [0, 1]: how strongly all channels follow one shared budget factor (≈ log-spend correlation). */
  readonly budgetCorrelation: number;
  /** AR(1) persistence of the shared budget factor; default 0.8 weekly, 0.97 daily. */
  readonly budgetPersistence?: number;
  /**
   * Optional second stage (B2B): the first-stage KPI (e.g. pipeline) converts into the final target
   * (e.g. revenue) with a delay distribution and a win rate. See `SimulatedConversion`.
   */
  readonly conversion?: SimulatedConversion;
}

/** One paid channel with its true response. Give exactly one of `roi` and `beta`. */
export interface SimulatedChannel {
  /** Channel name; the table column is `${name}_spend`. */
  readonly name: string;
  readonly spend: SpendPattern;
  readonly adstock: AdstockSpec;
  /** Longest lag of the adstock, in periods. */
  readonly maxLag: number;
  /** Saturation on the adstocked spend divided by the channel scale (x ≈ 1 typical). */
  readonly saturation: SaturationSpec;
  /** True ROI in first-stage KPI units per unit of spend; beta is solved to hit it exactly. */
  readonly roi?: number;
  /** Effect size in first-stage KPI units per unit of saturated response (alternative to `roi`). */
  readonly beta?: number;
  /** An exposure series bought with the spend (column `${name}_exposure`), optionally driving the true effect. */
  readonly exposure?: SimulatedExposure;
}

/**
 * Exposure bought with a channel's spend at a cost per 1,000 units that drifts and swings:
 * cpm_t = cpm · (1 + drift · t / (n − 1)) · (1 + seasonal · cos(2π · years since start)), exposure_t =
 * round(1000 · spend_t / cpm_t). With `drives: 'exposure'` the true adstock and saturation act on the
 * exposure (audiences respond to ads seen, not to money paid); ROI stays contribution / spend.
 */
export interface SimulatedExposure {
  /** Cost per 1,000 exposure units in the first period, > 0. */
  readonly cpm: number;
  /** Rise of the cost over the history as a fraction (0.6: 60% dearer in the last period); default 0. */
  readonly drift?: number;
  /** Amplitude of a yearly swing of the cost, in [0, 1) (0.2: ±20%, dearest at the start's time of year); default 0. */
  readonly seasonal?: number;
  /** What the true effect responds to; default 'exposure'. */
  readonly drives?: 'exposure' | 'spend';
}

/** The non-media part of the first-stage KPI. Effects are fractions of `level`. */
export interface SimulatedBaseline {
  /** Intercept: KPI per period with no media, trend, seasonality, events or controls. */
  readonly level: number;
  /** Linear trend: change per year as a fraction of `level` (0.04 = +4 % a year), 0 at the first period. */
  readonly growthPerYear: number;
  /** Yearly Fourier terms k = 1, 2 …: amplitude (fraction of level) and peak (time of year in [0, 1) of the k-th cycle). */
  readonly yearly: readonly { readonly amplitude: number; readonly peak: number }[];
  /** Daily data: 7 weekday effects as fractions of level, Monday first (centred to mean 0 by the simulator). */
  readonly weekday?: readonly number[];
  readonly events: readonly SimulatedEvent[];
  readonly controls: readonly SimulatedControl[];
}

/** A 0/1 event column and its true effect (fraction of level while the dummy is 1; any sign). */
export interface SimulatedEvent {
  readonly name: string;
  /** A named holiday, or `{ random: k }` for k one-off periods drawn at random. */
  readonly on: HolidayKind | { readonly random: number };
  readonly effect: number;
}

/** A control variable: effect = effect·level·(x − reference), with the sign declared in the table. */
export interface SimulatedControl {
  readonly name: string;
  readonly sign: 'positive' | 'negative';
  /** KPI change per unit of x above its reference, as a fraction of level; must agree with `sign`. */
  readonly effect: number;
  readonly series: ControlSeries;
}

/**
 * Second stage: target[t] = winRate · Σ_l h[l]·kpi1[t − l] + noise, h the normalised adstock weights
 * of `delay` over lags 0..maxLag. Baseline and noise of the first stage exist before the window (a
 * burn-in of maxLag periods); channel contributions are zero before it (the zero-carryover convention).
 */
export interface SimulatedConversion {
  /** The first-stage KPI (e.g. 'pipeline'); the final target is `SimulationOptions.target`. */
  readonly stage: string;
  readonly winRate: number;
  readonly delay: AdstockSpec;
  readonly maxLag: number;
  /** Extra noise sd of the second stage as a fraction of its mean noiseless value. */
  readonly noise: number;
}
