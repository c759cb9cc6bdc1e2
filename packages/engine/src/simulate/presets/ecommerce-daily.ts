import { derivedRng } from '../derived-rng.ts';
import { simulate } from '../simulate.ts';
import { ar1 } from '../spend/ar1.ts';
import type { SimulationResult } from '../truth.ts';
import type { SimulationOptions } from '../types.ts';

const WEEKDAY_SPEND = [1.05, 1.05, 1, 1, 0.95, 0.9, 1.05];

/**
 * Daily online shop, 2 years (731 days, 2023-01-01 to 2024-12-31), target `revenue` (kind 'revenue').
 * About 19.5k of media a day (≈ 11 % of revenue) over five channels; media drives ≈ 26 % of revenue.
 *
 * | channel    | spend pattern                                   | adstock                         | Hill         | ROI |
 * |------------|-------------------------------------------------|---------------------------------|--------------|-----|
 * | search     | always-on, weekday profile, seasonal            | geometric α 0.3, 14 days        | K 1.3, s 0.8 | 3.5 |
 * | social     | always-on                                       | geometric α 0.5, 21 days        | K 1.2, s 1.0 | 2.0 |
 * | display    | bursts of 5–14 days                             | geometric α 0.6, 28 days        | K 1.8, s 0.7 | 1.2 |
 * | affiliate  | always-on                                       | geometric α 0.2, 7 days         | K 1.5, s 1.0 | 2.5 |
 * | influencer | campaigns of 1–3 weeks every 3–9 weeks, ramped  | Weibull-PDF k 1.5, λ 5, 28 days | K 1.0, s 2.2 | 1.6 |
 *
 * Baseline: 110k a day growing 15 % a year, yearly seasonality peaking in late November, a
 * day-of-week pattern (Monday high, Saturday low), events black_friday, cyber_monday,
 * christmas_shopping (Dec 11–24), christmas (Dec 24–26, negative), new_year (negative), valentines,
 * and a 0/1 `promo` control (site-wide sales of 2–5 days, +25 %). Noise 6 % of mean revenue.
 * The number of `orders` (revenue / an average order value drifting around 62) is returned as an
 * extra column by `simulateEcommerceDaily`; it is information only, not the target.
 * @param seed random seed
 * @returns the simulation options (feed to `simulate`)
 * @example ecommerceDailyOptions(1).nTimes // 731
 */
export function ecommerceDailyOptions(seed: number): SimulationOptions {
  return {
    preset: 'ecommerce',
    seed,
    frequency: 'daily',
    start: '2023-01-01',
    nTimes: 731,
    target: { name: 'revenue', kind: 'revenue' },
    noise: 0.06,
    budgetCorrelation: 0.4,
    channels: [
      {
        name: 'search',
        spend: { type: 'always-on', mean: 6_000, volatility: 0.5, persistence: 0.9, weekdayProfile: WEEKDAY_SPEND, seasonality: { amplitude: 0.15, peak: 0.9 } },
        adstock: { type: 'geometric', alpha: 0.3 }, maxLag: 14,
        saturation: { type: 'hill', halfSaturation: 1.3, shape: 0.8 },
        roi: 3.5,
      },
      {
        name: 'social',
        spend: { type: 'always-on', mean: 5_000, volatility: 0.7, persistence: 0.9 },
        adstock: { type: 'geometric', alpha: 0.5 }, maxLag: 21,
        saturation: { type: 'hill', halfSaturation: 1.2, shape: 1 },
        roi: 2,
      },
      {
        name: 'display',
        spend: { type: 'flighted', mean: 3_500, volatility: 0.5, onLength: [5, 14], offLength: [3, 10] },
        adstock: { type: 'geometric', alpha: 0.6 }, maxLag: 28,
        saturation: { type: 'hill', halfSaturation: 1.8, shape: 0.7 },
        roi: 1.2,
      },
      {
        name: 'affiliate',
        spend: { type: 'always-on', mean: 2_000, volatility: 0.8, persistence: 0.8 },
        adstock: { type: 'geometric', alpha: 0.2 }, maxLag: 7,
        saturation: { type: 'hill', halfSaturation: 1.5, shape: 1 },
        roi: 2.5,
      },
      {
        name: 'influencer',
        spend: { type: 'campaigns', mean: 3_000, volatility: 0.4, onLength: [7, 21], offLength: [20, 60], ramp: 0.25 },
        adstock: { type: 'weibull-pdf', shape: 1.5, scale: 5 }, maxLag: 28,
        saturation: { type: 'hill', halfSaturation: 1, shape: 2.2 },
        roi: 1.6,
      },
    ],
    baseline: {
      level: 110_000,
      growthPerYear: 0.15,
      yearly: [{ amplitude: 0.1, peak: 0.9 }, { amplitude: 0.04, peak: 0.3 }],
      weekday: [0.06, 0.05, 0.03, 0.01, -0.03, -0.08, -0.04],
      events: [
        { name: 'black_friday', on: 'black-friday', effect: 0.9 },
        { name: 'cyber_monday', on: 'cyber-monday', effect: 0.6 },
        { name: 'christmas_shopping', on: 'christmas-shopping', effect: 0.15 },
        { name: 'christmas', on: 'christmas', effect: -0.35 },
        { name: 'new_year', on: 'new-year', effect: -0.2 },
        { name: 'valentines', on: 'valentines', effect: 0.1 },
      ],
      controls: [
        { name: 'promo', sign: 'positive', effect: 0.25, series: { type: 'promo', share: 0.1, length: [2, 5] } },
      ],
    },
  };
}

/**
 * Simulate the e-commerce preset and add `orders` as an extra column: orders[t] =
 * round(revenue[t] / aov[t]) with the average order value aov[t] = 62·exp(0.04·z[t]), z a unit
 * AR(1) with persistence 0.98 (from a side stream, so the main data do not depend on it).
 * @param seed random seed
 * @example simulateEcommerceDaily(1).extraColumns?.[0].name // 'orders'
 */
export function simulateEcommerceDaily(seed: number): SimulationResult {
  const result = simulate(ecommerceDailyOptions(seed));
  const revenue = result.table.target.values;
  const z = ar1(derivedRng(seed, 'ecommerce-orders'), revenue.length, 0.98);
  const orders = revenue.map((r, t) => Math.max(0, Math.round(r / (62 * Math.exp(0.04 * z[t])))));
  return { ...result, extraColumns: [{ name: 'orders', values: orders }] };
}
