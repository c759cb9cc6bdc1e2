import { EngineError } from '../../errors.ts';
import type { Rng } from '../../random/rng.ts';
import { roundCents } from '../round-cents.ts';
import { ar1 } from '../spend/ar1.ts';
import { flightSchedule } from '../spend/flight-schedule.ts';

/**
 * How a control variable's values are generated, tagged by `type`:
 * - price: base·exp(volatility·z[t]) rounded to cents, z a unit AR(1); reference level `base`.
 * - promo: 0/1 promotion periods in runs of `length` periods covering about `share` of the periods; reference 0.
 * - ar1: mean + sd·z[t] rounded to 2 decimals (a market index, competitor pressure…); reference `mean`.
 */
export type ControlSeries =
  | { readonly type: 'price'; readonly base: number; readonly volatility: number; readonly persistence: number }
  | { readonly type: 'promo'; readonly share: number; readonly length: readonly [number, number] }
  | { readonly type: 'ar1'; readonly mean: number; readonly sd: number; readonly persistence: number };

/** A generated control: its values (shape [n]) and the level at which it has no effect. */
export interface GeneratedControl {
  readonly values: Float64Array;
  readonly reference: number;
}

/**
 * Generate a control variable's values.
 * @param rng seeded generator
 * @param n number of periods
 * @param series how to generate it
 * @returns values, shape [n], and the reference level (effect = coefficient·(value − reference))
 * @throws EngineError('INVALID_ARGUMENT') for a promo share outside (0, 1) or a non-positive price
 * @example controlSeries(createRng(1), 4, { type: 'ar1', mean: 100, sd: 0, persistence: 0.5 })
 * // { values: [100, 100, 100, 100], reference: 100 }
 */
export function controlSeries(rng: Rng, n: number, series: ControlSeries): GeneratedControl {
  switch (series.type) {
    case 'price': {
      if (!(series.base > 0)) throw new EngineError('INVALID_ARGUMENT', `simulate: price base must be > 0, got ${series.base}`);
      const z = ar1(rng, n, series.persistence);
      const values = new Float64Array(n);
      for (let t = 0; t < n; t++) values[t] = roundCents(series.base * Math.exp(series.volatility * z[t]));
      return { values, reference: series.base };
    }
    case 'promo': {
      if (!(series.share > 0 && series.share < 1)) throw new EngineError('INVALID_ARGUMENT', `simulate: promo share must be in (0, 1), got ${series.share}`);
      const [lo, hi] = series.length;
      const meanOff = ((lo + hi) / 2) * (1 - series.share) / series.share;
      const off: [number, number] = [Math.max(1, Math.round(meanOff * 0.5)), Math.max(1, Math.round(meanOff * 1.5))];
      const flights = flightSchedule(rng, n, [lo, hi], off);
      const values = new Float64Array(n);
      for (let t = 0; t < n; t++) values[t] = flights[t] >= 0 ? 1 : 0;
      return { values, reference: 0 };
    }
    case 'ar1': {
      const z = ar1(rng, n, series.persistence);
      const values = new Float64Array(n);
      for (let t = 0; t < n; t++) values[t] = Math.round((series.mean + series.sd * z[t]) * 100) / 100;
      return { values, reference: series.mean };
    }
  }
}
