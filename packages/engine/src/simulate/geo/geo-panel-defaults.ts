import type { AdstockSpec } from '../../transforms/adstock/types.ts';
import type { SaturationSpec } from '../../transforms/saturation/types.ts';
import type { SpendPattern } from '../spend/spend-pattern.ts';
import type { GeoSplit } from './geo-spend-split.ts';

/** One channel of a simulated geo panel: national spend pattern, true shared curve, ROI and geo split. */
export interface GeoPanelChannel {
  readonly name: string;
  /** The national spend (flighting, seasonality); split over geos by `split`. */
  readonly spend: SpendPattern;
  readonly adstock: AdstockSpec;
  readonly maxLag: number;
  readonly saturation: SaturationSpec;
  /** True national ROI; the shared coefficient is solved to hit it exactly. */
  readonly roi: number;
  readonly split: GeoSplit;
}

/**
 * The default channels of the 'geo' preset: national media near 380k a week against a KPI near 2.3M.
 *
 * | channel      | national spend             | adstock                     | Hill curve         | ROI | geo variation              |
 * |--------------|----------------------------|-----------------------------|--------------------|-----|----------------------------|
 * | tv           | flights 3–6 weeks, Q4-heavy| geometric α 0.5, 13 lags    | K 0.9, S-shape 2.0 | 1.0 | 4 geo tests of 6–10 weeks  |
 * | online_video | flights 4–8 weeks          | Weibull-PDF k 2, λ 5, 16 lags| K 1.0, S-shape 1.5| 1.6 | 3 geo tests                |
 * | search       | always-on, seasonal        | geometric α 0.2, 6 lags     | K 1.6, concave 0.8 | 3.5 | drifting shares only       |
 * | social       | always-on                  | geometric α 0.4, 8 lags     | K 1.5, shape 1.0   | 2.0 | 2 % dark geo-weeks         |
 * | display      | bursts 2–5 weeks           | geometric α 0.3, 8 lags     | K 1.8, concave 0.7 | 1.3 | 2 geo tests, 3 % dark      |
 *
 * Every channel's geo shares are tilted away from the geo sizes (log-sd 0.35) and drift (log-sd 0.25).
 */
export const GEO_PANEL_CHANNELS: readonly GeoPanelChannel[] = [
  {
    name: 'tv',
    spend: { type: 'flighted', mean: 150_000, volatility: 0.35, onLength: [3, 6], offLength: [2, 5], seasonality: { amplitude: 0.25, peak: 0.88 } },
    adstock: { type: 'geometric', alpha: 0.5 }, maxLag: 13,
    saturation: { type: 'hill', halfSaturation: 0.9, shape: 2 },
    roi: 1, split: { tests: 4, testLength: [6, 10] },
  },
  {
    name: 'online_video',
    spend: { type: 'flighted', mean: 60_000, volatility: 0.3, onLength: [4, 8], offLength: [3, 8] },
    adstock: { type: 'weibull-pdf', shape: 2, scale: 5 }, maxLag: 16,
    saturation: { type: 'hill', halfSaturation: 1, shape: 1.5 },
    roi: 1.6, split: { tests: 3, testLength: [6, 10] },
  },
  {
    name: 'search',
    spend: { type: 'always-on', mean: 60_000, volatility: 0.8, persistence: 0.3, seasonality: { amplitude: 0.15, peak: 0.9 } },
    adstock: { type: 'geometric', alpha: 0.2 }, maxLag: 6,
    saturation: { type: 'hill', halfSaturation: 1.6, shape: 0.8 },
    roi: 3.5, split: {},
  },
  {
    name: 'social',
    spend: { type: 'always-on', mean: 70_000, volatility: 0.9, persistence: 0.3, zeroShare: 0.02 },
    adstock: { type: 'geometric', alpha: 0.4 }, maxLag: 8,
    saturation: { type: 'hill', halfSaturation: 1.5, shape: 1 },
    roi: 2, split: { darkShare: 0.02 },
  },
  {
    name: 'display',
    spend: { type: 'flighted', mean: 40_000, volatility: 0.5, onLength: [2, 5], offLength: [1, 4] },
    adstock: { type: 'geometric', alpha: 0.3 }, maxLag: 8,
    saturation: { type: 'hill', halfSaturation: 1.8, shape: 0.7 },
    roi: 1.3, split: { tests: 2, testLength: [6, 10], darkShare: 0.03 },
  },
];
