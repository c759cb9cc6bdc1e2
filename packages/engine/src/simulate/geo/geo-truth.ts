import type { ModelingTable } from '../../spec/modeling-table.ts';
import type { ChannelTruth, SimulationTruth } from '../truth.ts';

/**
 * Ground truth of a simulated geo panel (simulateGeoPanel): the national truth every preset has
 * (SimulationTruth, all national: the sums over geos), plus per-geo truth under `geo`. JSON-serialisable.
 *
 * ```
 * {
 *   "preset": "geo", "seed": 1, "frequency": "weekly", "nTimes": 156, "start": "2022-01-03", "end": "2024-12-23",
 *   "target": "revenue", "targetKind": "revenue", "kpiMean": …, "noiseSd": …, "noiseShare": …,
 *   "channels": [{ "name": "tv", "column": "tv_spend", "adstock": {…}, "maxLag": 13, "saturation": {…},
 *       "scale": …,          // national units: mean adstocked national spend over its active rows
 *       "beta": …,           // shared coefficient: geo g's effect is s_g·beta·f(A(x_g/s_g)/scale)
 *       "spend": …, "contribution": …, "roi": …, "mroi": …, "immediateShare": …,
 *       "shareOfSpend": …, "shareOfEffect": …,
 *       "oracleRoiSe": …,           // ROI SE of an oracle fitting the geo panel (true shapes, geo intercepts)
 *       "nationalOracleRoiSe": … }], // the same oracle on the national sum: compare to see what the panel adds
 *   "baseline": { "intercept": …, "trend": …, "seasonality": …, "events": …, "controls": … },
 *   "events": [{ "name": "black_friday", "on": "black-friday", "coefficient": …, "total": … }],
 *   "controls": [{ "name": "price", "sign": "negative", "coefficient": …, "reference": 49.9, "total": …, "geoLevel": false },
 *                { "name": "competitor_index", "sign": "negative", "coefficient": …, "reference": 100, "total": …, "geoLevel": true }],
 *   "contributions": { "tv": [...], …, "intercept": [...], "trend": [...], … },  // national, per period
 *   "noise": [...], "shareOfEffect": { "tv": …, … },
 *   "geo": {
 *     "column": "geo",
 *     "geos": [{ "name": "geo_01", "size": 0.21, "share": 0.21, "kpi": …, "intercept": …, "noiseSd": …,
 *                "channels": [{ "name": "tv", "spend": …, "contribution": …, "roi": … }] }],
 *     "tests": [{ "channel": "tv", "geo": "geo_07", "start": "2023-03-06", "end": "2023-04-10" }],
 *     "contributions": { "geo_01": { "tv": [...], … }, … }   // per geo, channel and period
 *   }
 * }
 * ```
 * Identities: for every period t and channel c, contributions[c][t] = Σ_g geo.contributions[g][c][t];
 * each channel's contribution and spend are the sums of the geos'; the national target is
 * Σ contributions[·][t] + noise[t]; geo g's KPI is its components plus its noise. Coefficients in
 * `events` and `controls` are national-equivalent (geo g's part is s_g × it, with s_g its size).
 * `size` is the generating s_g; `share` is geoShares of the simulated KPI, equal to it to ~1e-9
 * (each geo's intercept is set so the KPI shares match the sizes), so a geo-level fit sees the model
 * in exactly these parameters.
 */
export interface GeoPanelTruth extends SimulationTruth {
  readonly channels: readonly GeoChannelTruth[];
  readonly controls: readonly (SimulationTruth['controls'][number] & { readonly geoLevel: boolean })[];
  readonly geo: GeoTruth;
}

/** A channel's national truth, with the national-sum oracle beside the panel oracle. */
export interface GeoChannelTruth extends ChannelTruth {
  /** ROI standard error of the oracle on the national sum (`oracleRoiSe` is the panel oracle's). */
  readonly nationalOracleRoiSe: number;
}

/** Per-geo truth of a geo panel. */
export interface GeoTruth {
  /** The geo column's name in data.csv. */
  readonly column: string;
  /** The size column of data.csv ('population') when the panel has one: each geo's `population`. */
  readonly sizeColumn?: string;
  /** Log-sd of the per-capita baseline level across geos (0: KPI shares equal the sizes). */
  readonly perCapitaSpread?: number;
  readonly geos: readonly GeoUnitTruth[];
  /** Geo tests: a geo with no spend on a channel from `start` to `end` (ISO dates, inclusive). */
  readonly tests: readonly { readonly channel: string; readonly geo: string; readonly start: string; readonly end: string }[];
  /** Per geo, channel and period: the channel's true contribution in that geo. */
  readonly contributions: Readonly<Record<string, Readonly<Record<string, number[]>>>>;
}

/** One geo's truth. */
export interface GeoUnitTruth {
  readonly name: string;
  /** Generating size s_g (Σ = 1): the population share; media act on spend per unit of it. */
  readonly size: number;
  /** The geo's head count in data.csv's size column (size × POPULATION_TOTAL, rounded), when there is one. */
  readonly population?: number;
  /** The geo's share of the simulated KPI: what a fit without a size column uses as s_g (equal to `size` when perCapitaSpread is 0). */
  readonly share: number;
  /** Total KPI over the window. */
  readonly kpi: number;
  /** Intercept μ_g in national-equivalent units (the geo's own intercept is s_g·μ_g per period). */
  readonly intercept: number;
  /** Sd of the geo's noise, KPI units. */
  readonly noiseSd: number;
  readonly channels: readonly { readonly name: string; readonly spend: number; readonly contribution: number; readonly roi: number }[];
}

/** What simulateGeoPanel returns: a panel ModelingTable (table.panel set) and its truth. */
export interface GeoPanelResult {
  readonly table: ModelingTable;
  readonly truth: GeoPanelTruth;
}
