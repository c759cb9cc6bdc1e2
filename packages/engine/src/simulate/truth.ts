import type { Frequency, ModelingTable, TargetColumn } from '../spec/modeling-table.ts';
import type { AdstockSpec } from '../transforms/adstock/types.ts';
import type { SaturationSpec } from '../transforms/saturation/types.ts';
import type { SimulatedEvent } from './types.ts';

/**
 * What `simulate` returns: the modeling table, the ground truth, and optional extras.
 * - `long`: a long breakdown table (B2B: one row per date × geo × product, see `geoProductBreakdown`).
 * - `extraColumns`: per-period series aligned with `table.dates` that are not model inputs
 *   (B2B: `pipeline`; e-commerce: `orders`), for data.csv and the data layer's tests.
 */
export interface SimulationResult {
  readonly table: ModelingTable;
  readonly truth: SimulationTruth;
  readonly long?: { readonly columns: string[]; readonly rows: (string | number)[][] };
  readonly extraColumns?: readonly { readonly name: string; readonly values: Float64Array }[];
}

/**
 * Ground truth of a simulated data set; plain numbers and arrays, so `JSON.stringify(truth)` is
 * truth.json. All money in the units of the table; totals are sums over the whole window.
 *
 * ```
 * {
 *   "preset": "retail", "seed": 1, "frequency": "weekly", "nTimes": 156,
 *   "start": "2022-01-03", "end": "2024-12-23",
 *   "target": "revenue", "targetKind": "revenue",
 *   "kpiMean": 3.1e6,           // mean of the target over the window
 *   "noiseSd": 1.6e5,           // sd of the noise process that generated the data (target units)
 *   "noiseShare": 0.05,         // realised sd(noise) / kpiMean
 *   "channels": [{ "name": "tv", "column": "tv_spend",
 *       "adstock": { "type": "geometric", "alpha": 0.6 }, "maxLag": 13,
 *       "saturation": { "type": "hill", "halfSaturation": 0.9, "shape": 2 },
 *       "scale": 1.2e5,          // mean adstocked spend over periods where it is > 0
 *       "beta": 4.1e5,           // first-stage KPI per unit of saturated response
 *       "spend": 1.9e7, "contribution": 2.6e7,
 *       "roi": 1.4,              // contribution / spend
 *       "mroi": 0.9,             // d contribution / d spend along the current spend pattern
 *       "immediateShare": 0.4,   // share of the contribution from same-period spend
 *       "shareOfSpend": 0.4, "shareOfEffect": 0.3,
 *       "oracleRoiSe": 0.08 }],     // ROI standard error of an oracle that knows every true shape
 *   "baseline": { "intercept": …, "trend": …, "seasonality": …, "events": …, "controls": … },
 *   "events": [{ "name": "black_friday", "on": "black-friday", "coefficient": 7e5, "total": 2.1e6 }],
 *   "controls": [{ "name": "price", "sign": "negative", "coefficient": -9e4, "reference": 49.9, "total": … }],
 *   "contributions": { "tv": [...], "intercept": [...], "trend": [...], "seasonality": [...],
 *                      "black_friday": [...], "price": [...] },   // per period, target units
 *   "noise": [...],             // target[t] − Σ contributions[·][t], exactly
 *   "shareOfEffect": { "tv": 0.3, … },   // channel contribution / all channels' contribution
 *   "pipeline": { … },          // two-stage presets only: see StageTruth
 *   "conversion": { "stage": "pipeline", "winRate": 0.25, "delay": {…}, "maxLag": 26, "weights": [...] }
 * }
 * ```
 * Identity: target[t] = Σ_component contributions[component][t] + noise[t] for every t.
 * For two-stage data (B2B) the channel `beta`, `adstock` and `saturation` describe the spend →
 * pipeline response; `contribution`, `roi`, `mroi` and `immediateShare` are in revenue (the target),
 * i.e. after conversion, and `pipeline` holds the same numbers in pipeline units.
 */
export interface SimulationTruth {
  readonly preset: string;
  readonly seed: number;
  readonly frequency: Frequency;
  readonly nTimes: number;
  readonly start: string;
  readonly end: string;
  readonly target: string;
  readonly targetKind: TargetColumn['kind'];
  readonly kpiMean: number;
  readonly noiseSd: number;
  readonly noiseShare: number;
  readonly channels: readonly ChannelTruth[];
  readonly baseline: BaselineTotals;
  readonly events: readonly { readonly name: string; readonly on: SimulatedEvent['on']; readonly coefficient: number; readonly total: number }[];
  readonly controls: readonly { readonly name: string; readonly sign: 'positive' | 'negative'; readonly coefficient: number; readonly reference: number; readonly total: number }[];
  readonly contributions: Readonly<Record<string, number[]>>;
  readonly noise: number[];
  readonly shareOfEffect: Readonly<Record<string, number>>;
  readonly pipeline?: StageTruth;
  readonly conversion?: { readonly stage: string; readonly winRate: number; readonly delay: AdstockSpec; readonly maxLag: number; readonly weights: number[] };
}

/** One channel's truth (see SimulationTruth). */
export interface ChannelTruth {
  readonly name: string;
  readonly column: string;
  readonly adstock: AdstockSpec;
  readonly maxLag: number;
  readonly saturation: SaturationSpec;
  readonly scale: number;
  readonly beta: number;
  readonly spend: number;
  readonly contribution: number;
  readonly roi: number;
  readonly mroi: number;
  readonly immediateShare: number;
  readonly shareOfSpend: number;
  readonly shareOfEffect: number;
  /**
   * Standard error of the ROI for an oracle that knows every true component shape and fits only the
   * effect sizes by OLS (`oracleStandardErrors`): a floor on any model's ROI error on this data set.
   * Approximate for two-stage data, whose converted noise is autocorrelated.
   */
  readonly oracleRoiSe: number;
}

/** Per-group baseline totals over the window, in target units. */
export interface BaselineTotals {
  readonly intercept: number;
  readonly trend: number;
  readonly seasonality: number;
  readonly events: number;
  readonly controls: number;
}

/**
 * The first stage of a two-stage KPI (B2B pipeline), in its own units: the series itself, per-channel
 * totals, and per-period contributions with the same identity
 * values[t] = Σ contributions[·][t] + noise[t].
 */
export interface StageTruth {
  readonly target: string;
  readonly kpiMean: number;
  readonly noiseSd: number;
  readonly noiseShare: number;
  readonly values: number[];
  readonly channels: readonly { readonly name: string; readonly contribution: number; readonly roi: number; readonly mroi: number; readonly immediateShare: number }[];
  readonly baseline: BaselineTotals;
  readonly contributions: Readonly<Record<string, number[]>>;
  readonly noise: number[];
}
