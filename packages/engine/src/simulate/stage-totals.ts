import type { BaselineComponent } from './baseline/baseline-components.ts';
import type { BaselineTotals } from './truth.ts';

/**
 * Sum of a series. @example seriesSum(Float64Array.of(1, 2.5)) // 3.5
 */
export function seriesSum(x: ArrayLike<number>): number {
  let s = 0;
  for (let t = 0; t < x.length; t++) s += x[t];
  return s;
}

/**
 * Window totals of baseline components by group (intercept, trend, seasonality, events, controls).
 * @param components baseline components whose values cover the window only
 * @example baselineTotals([{ name: 'intercept', group: 'intercept', values: Float64Array.of(2, 2) }])
 * // { intercept: 4, trend: 0, seasonality: 0, events: 0, controls: 0 }
 */
export function baselineTotals(components: readonly BaselineComponent[]): BaselineTotals {
  const totals = { intercept: 0, trend: 0, seasonality: 0, events: 0, controls: 0 };
  for (const c of components) totals[c.group] += seriesSum(c.values);
  return totals;
}

/**
 * Realised sd of a series (population form, divisor n) relative to a reference mean.
 * @example relativeSd(Float64Array.of(-1, 1), 10) // 0.1
 */
export function relativeSd(x: Float64Array, mean: number): number {
  const n = x.length;
  const m = seriesSum(x) / n;
  let ss = 0;
  for (let t = 0; t < n; t++) ss += (x[t] - m) * (x[t] - m);
  return Math.sqrt(ss / n) / mean;
}
