import type { SimulationOptions } from '../types.ts';

/**
 * Weekly national retailer, 3 years (156 Monday-dated weeks from 2022-01-03), target `revenue`.
 * Media is about 15 % of revenue (≈ 380k a week over five channels, 45k–160k each) and drives about
 * a quarter of it. True ROIs differ by a factor of 4.4 (TV 0.9 … search 4.0); as usual the biggest
 * budget (TV) is the least efficient.
 *
 * | channel | spend pattern                     | adstock                        | saturation (Hill)   | ROI |
 * |---------|-----------------------------------|--------------------------------|---------------------|-----|
 * | tv      | flights of 3–6 weeks, Q4-heavy    | geometric α 0.5, 13 lags       | K 0.9, S-shape 2.0  | 0.9 |
 * | ooh     | flights of 4–8 weeks              | Weibull-PDF k 2, λ 3, 13 lags  | K 1.0, S-shape 1.6  | 1.5 |
 * | search  | always-on, seasonal               | geometric α 0.2, 8 lags        | K 1.6, concave 0.8  | 4.0 |
 * | social  | always-on, a rare dark week       | geometric α 0.4, 8 lags        | K 1.5, shape 1.0    | 2.0 |
 * | display | bursts of 2–5 weeks               | geometric α 0.3, 8 lags        | K 1.8, concave 0.7  | 1.4 |
 *
 * Baseline: 1.8M a week growing 4 % a year, yearly seasonality peaking in December, Black Friday
 * (+30 %), Christmas shopping weeks (Dec 11–24, +22 %) and Easter (+6 %) as 0/1 events, an average
 * selling `price` around 49.90 (−3 % of baseline per +1.00) and a 0/1 `promo` control (+7 %).
 * Noise sd 5 % of mean revenue; budget correlation 0.4. Identifiability at this noise (oracle that
 * knows every true shape, seeds 1–20): ROI standard error ≈ 12 % (tv), 22 % (ooh), 14 % (search),
 * 20 % (social), 36 % (display); lower `noise` for tighter recovery tests (errors scale with it).
 * @param seed random seed
 * @returns the simulation options (feed to `simulate`)
 * @example retailWeeklyOptions(1).channels.map((c) => c.name) // ['tv', 'ooh', 'search', 'social', 'display']
 */
export function retailWeeklyOptions(seed: number): SimulationOptions {
  return {
    preset: 'retail',
    seed,
    frequency: 'weekly',
    start: '2022-01-03',
    nTimes: 156,
    target: { name: 'revenue', kind: 'revenue' },
    noise: 0.05,
    budgetCorrelation: 0.4,
    channels: [
      {
        name: 'tv',
        spend: { type: 'flighted', mean: 160_000, volatility: 0.35, onLength: [3, 6], offLength: [2, 5], seasonality: { amplitude: 0.25, peak: 0.88 } },
        adstock: { type: 'geometric', alpha: 0.5 }, maxLag: 13,
        saturation: { type: 'hill', halfSaturation: 0.9, shape: 2 },
        roi: 0.9,
      },
      {
        name: 'ooh',
        spend: { type: 'flighted', mean: 45_000, volatility: 0.3, onLength: [4, 8], offLength: [4, 10] },
        adstock: { type: 'weibull-pdf', shape: 2, scale: 3 }, maxLag: 13,
        saturation: { type: 'hill', halfSaturation: 1, shape: 1.6 },
        roi: 1.5,
      },
      {
        name: 'search',
        spend: { type: 'always-on', mean: 60_000, volatility: 0.9, persistence: 0.3, seasonality: { amplitude: 0.15, peak: 0.9 } },
        adstock: { type: 'geometric', alpha: 0.2 }, maxLag: 8,
        saturation: { type: 'hill', halfSaturation: 1.6, shape: 0.8 },
        roi: 4,
      },
      {
        name: 'social',
        spend: { type: 'always-on', mean: 70_000, volatility: 1, persistence: 0.3, zeroShare: 0.02 },
        adstock: { type: 'geometric', alpha: 0.4 }, maxLag: 8,
        saturation: { type: 'hill', halfSaturation: 1.5, shape: 1 },
        roi: 2,
      },
      {
        name: 'display',
        spend: { type: 'flighted', mean: 45_000, volatility: 0.5, onLength: [2, 5], offLength: [1, 4] },
        adstock: { type: 'geometric', alpha: 0.3 }, maxLag: 8,
        saturation: { type: 'hill', halfSaturation: 1.8, shape: 0.7 },
        roi: 1.4,
      },
    ],
    baseline: {
      level: 1_800_000,
      growthPerYear: 0.04,
      yearly: [{ amplitude: 0.08, peak: 0.92 }, { amplitude: 0.03, peak: 0.2 }],
      events: [
        { name: 'black_friday', on: 'black-friday', effect: 0.3 },
        { name: 'christmas', on: 'christmas-shopping', effect: 0.22 },
        { name: 'easter', on: 'easter', effect: 0.06 },
      ],
      controls: [
        { name: 'price', sign: 'negative', effect: -0.03, series: { type: 'price', base: 49.9, volatility: 0.03, persistence: 0.85 } },
        { name: 'promo', sign: 'positive', effect: 0.07, series: { type: 'promo', share: 0.12, length: [1, 2] } },
      ],
    },
  };
}
