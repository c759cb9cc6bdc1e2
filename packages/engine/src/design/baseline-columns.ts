import type { ModelingTable } from '../spec/modeling-table.ts';
import type { ModelSpec } from '../spec/model-spec.ts';
import { linearTrend } from '../transforms/trend/linear-trend.ts';
import { changepointBasis } from '../transforms/trend/changepoints.ts';
import { fourierFromDates } from '../transforms/seasonality/fourier.ts';
import { dayOfWeekDummies } from '../transforms/seasonality/day-of-week.ts';

/**
 * Which part of the baseline a column belongs to (decomposition groups columns by this). 'organic' is
 * an organic media term of a fitted model (its transformed exposure, measured against zero exposure):
 * searched with the channels, never built here.
 */
export type BaselineKind = 'trend' | 'seasonality' | 'dayOfWeek' | 'event' | 'control' | 'organic';

/**
 * One non-media regressor over the whole table ([nTimes]) with its coefficient bounds
 * (a control with a 'negative' sign gets upper = 0, and so on).
 */
export interface BaselineColumn {
  readonly name: string;
  readonly kind: BaselineKind;
  readonly values: Float64Array;
  readonly lower: number;
  readonly upper: number;
  /** An event's built-in holiday ids (EventColumn.holidays); absent otherwise. */
  readonly holidays?: readonly string[];
}

/**
 * Build the baseline regressors (everything except the intercept and media) for a table and spec.
 * This and the search problem are the only code that knows column roles.
 * @example buildBaselineColumns(table, spec).map((c) => c.name) // ['trend', 'sin1', 'cos1', …, 'price']
 */
export function buildBaselineColumns(table: ModelingTable, spec: ModelSpec): BaselineColumn[] {
  const n = table.dates.length;
  const cols: BaselineColumn[] = [];
  const free = { lower: -Infinity, upper: Infinity };
  if (spec.trend.linear) cols.push({ name: 'trend', kind: 'trend', values: linearTrend(n), ...free });
  if (spec.trend.changepoints > 0) {
    changepointBasis(n, spec.trend.changepoints, {}).forEach((values, k) =>
      cols.push({ name: `trend_cp${k + 1}`, kind: 'trend', values, ...free }));
  }
  if (spec.seasonalityOrder > 0) {
    const terms = fourierFromDates(table.dates, spec.seasonalityOrder);
    terms.forEach((values, k) => cols.push({
      name: `${k % 2 === 0 ? 'sin' : 'cos'}${Math.floor(k / 2) + 1}`, kind: 'seasonality', values, ...free,
    }));
  }
  if (spec.dayOfWeek && table.frequency === 'daily') {
    const names = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat'];
    dayOfWeekDummies(table.dates).forEach((values, k) => cols.push({ name: `dow_${names[k]}`, kind: 'dayOfWeek', values, ...free }));
  }
  for (const e of table.events) {
    cols.push({ name: e.name, kind: 'event', values: e.values, ...free, ...(e.holidays === undefined ? {} : { holidays: e.holidays }) });
  }
  for (const c of table.controls) {
    cols.push({
      name: c.name, kind: 'control', values: c.values,
      lower: c.sign === 'positive' ? 0 : -Infinity,
      upper: c.sign === 'negative' ? 0 : Infinity,
    });
  }
  return cols;
}
