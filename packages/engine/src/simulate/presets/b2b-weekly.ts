import { derivedRng } from '../derived-rng.ts';
import { geoProductBreakdown } from '../breakdown/geo-product-breakdown.ts';
import type { BreakdownDimensions } from '../breakdown/geo-product-breakdown.ts';
import { simulate } from '../simulate.ts';
import type { SimulationResult } from '../truth.ts';
import type { SimulationOptions } from '../types.ts';

/**
 * Weekly B2B software company, 4 years (208 Monday-dated weeks from 2021-01-04). Spend creates
 * `pipeline` (opportunities, in currency) with long delays: Weibull-PDF lags peaking 8–22 weeks after
 * spend (maxLag 52). Pipeline converts into booked `revenue` (the table's target) at a 25 % win rate
 * over a further Weibull-PDF delay peaking ≈ 5 weeks later (maxLag 26).
 *
 * | channel  | spend pattern                      | spend → pipeline lag (peak)      | Hill         | pipeline ROI |
 * |----------|------------------------------------|----------------------------------|--------------|--------------|
 * | linkedin | always-on, slow-moving             | Weibull-PDF k 2.5, λ 14 (10 wk)  | K 1.2, s 1.0 | 8  |
 * | search   | always-on, slow-moving             | Weibull-PDF k 2, λ 13 (8 wk)     | K 1.5, s 0.8 | 12 |
 * | events   | trade shows: 1–2 weeks every 6–12  | Weibull-PDF k 3, λ 20 (16 wk)    | K 1.0, s 2.0 | 5  |
 * | webinars | content programmes of 3–8 weeks    | Weibull-PDF k 2.2, λ 30 (22 wk)  | K 1.3, s 0.9 | 10 |
 * | display  | always-on, slow-moving             | Weibull-PDF k 1.8, λ 15 (9 wk)   | K 1.8, s 0.7 | 4  |
 *
 * Media ≈ 140k a week (≈ 13 % of revenue). Revenue ROI ≈ 0.25 × pipeline ROI, less what converts
 * after the window ends (truth.channels has revenue ROIs ≈ 1–3; truth.pipeline the pipeline ones).
 * Baseline pipeline 3M a week, +8 % a year, Q4 push and holiday dips (thanksgiving, christmas,
 * year_end events), and a positive `market_index` control. Pipeline noise 6 %, revenue noise 3 % of
 * their means. With lags this long the revenue ROIs are hard to pin down (oracle ROI standard errors
 * ≈ 27–35 % for linkedin, search and events, more for webinars and display): a stress test.
 * @param seed random seed
 * @returns the simulation options (two-stage: see `SimulatedConversion`)
 * @example b2bWeeklyOptions(1).conversion?.winRate // 0.25
 */
export function b2bWeeklyOptions(seed: number): SimulationOptions {
  return {
    preset: 'b2b',
    seed,
    frequency: 'weekly',
    start: '2021-01-04',
    nTimes: 208,
    target: { name: 'revenue', kind: 'revenue' },
    noise: 0.06,
    budgetCorrelation: 0.4,
    channels: [
      {
        name: 'linkedin',
        spend: { type: 'always-on', mean: 40_000, volatility: 0.8, persistence: 0.9 },
        adstock: { type: 'weibull-pdf', shape: 2.5, scale: 14 }, maxLag: 52,
        saturation: { type: 'hill', halfSaturation: 1.2, shape: 1 },
        roi: 8,
      },
      {
        name: 'search',
        spend: { type: 'always-on', mean: 30_000, volatility: 0.8, persistence: 0.9 },
        adstock: { type: 'weibull-pdf', shape: 2, scale: 13 }, maxLag: 52,
        saturation: { type: 'hill', halfSaturation: 1.5, shape: 0.8 },
        roi: 12,
      },
      {
        name: 'events',
        spend: { type: 'flighted', mean: 35_000, volatility: 0.4, onLength: [1, 2], offLength: [6, 12] },
        adstock: { type: 'weibull-pdf', shape: 3, scale: 20 }, maxLag: 52,
        saturation: { type: 'hill', halfSaturation: 1, shape: 2 },
        roi: 5,
      },
      {
        name: 'webinars',
        spend: { type: 'flighted', mean: 20_000, volatility: 0.5, onLength: [3, 8], offLength: [4, 12] },
        adstock: { type: 'weibull-pdf', shape: 2.2, scale: 30 }, maxLag: 52,
        saturation: { type: 'hill', halfSaturation: 1.3, shape: 0.9 },
        roi: 10,
      },
      {
        name: 'display',
        spend: { type: 'always-on', mean: 25_000, volatility: 0.9, persistence: 0.9, zeroShare: 0.04 },
        adstock: { type: 'weibull-pdf', shape: 1.8, scale: 15 }, maxLag: 52,
        saturation: { type: 'hill', halfSaturation: 1.8, shape: 0.7 },
        roi: 4,
      },
    ],
    baseline: {
      level: 3_000_000,
      growthPerYear: 0.08,
      yearly: [{ amplitude: 0.06, peak: 0.8 }, { amplitude: 0.04, peak: 0.1 }],
      events: [
        { name: 'thanksgiving', on: 'thanksgiving', effect: -0.15 },
        { name: 'christmas', on: 'christmas', effect: -0.35 },
        { name: 'year_end', on: 'year-end', effect: -0.25 },
      ],
      controls: [
        { name: 'market_index', sign: 'positive', effect: 0.004, series: { type: 'ar1', mean: 100, sd: 5, persistence: 0.9 } },
      ],
    },
    conversion: {
      stage: 'pipeline',
      winRate: 0.25,
      delay: { type: 'weibull-pdf', shape: 2, scale: 8 },
      maxLag: 26,
      noise: 0.03,
    },
  };
}

/** Regions and product lines of the B2B breakdown, with base shares. */
export const B2B_DIMENSIONS: BreakdownDimensions = {
  geos: [{ name: 'NA', share: 0.5 }, { name: 'EMEA', share: 0.28 }, { name: 'APAC', share: 0.14 }, { name: 'LATAM', share: 0.08 }],
  products: [{ name: 'platform', share: 0.4 }, { name: 'analytics', share: 0.25 }, { name: 'security', share: 0.2 }, { name: 'services', share: 0.15 }],
};

/**
 * Simulate the B2B preset and add its long breakdown: one row per week × geo (NA, EMEA, APAC, LATAM)
 * × product (platform, analytics, security, services) with columns date, geo, product, each channel's
 * `<name>_spend`, `pipeline` and `revenue`, then the national controls (market_index) and events
 * (thanksgiving, christmas, year_end) repeated on each of the week's rows. For every week and split
 * column the 16 rows add up exactly (to the cent) to the national value in the table (spend, revenue)
 * or in `extraColumns` / truth.pipeline (pipeline); `--clean sum_panel` averages the control and takes
 * the events' largest value, so the roll-up is data.csv again. The split is a reporting breakdown: it
 * carries no separate causal truth per geo.
 * @param seed random seed
 * @returns the simulation result with `long` filled in
 * @example simulateB2bWeekly(1).long?.rows.length // 208 × 16 = 3328
 */
export function simulateB2bWeekly(seed: number): SimulationResult {
  const result = simulate(b2bWeeklyOptions(seed));
  const { table } = result;
  const columns: Record<string, Float64Array> = {};
  for (const c of table.channels) columns[c.column] = c.spend;
  for (const x of result.extraColumns ?? []) columns[x.name] = x.values;
  columns[table.target.name] = table.target.values;
  const national: Record<string, Float64Array> = {};
  for (const c of table.controls) national[c.name] = c.values;
  for (const e of table.events) national[e.name] = e.values;
  const long = geoProductBreakdown(derivedRng(seed, 'b2b-breakdown'), table.dates, columns, B2B_DIMENSIONS, national);
  return { ...result, long };
}
