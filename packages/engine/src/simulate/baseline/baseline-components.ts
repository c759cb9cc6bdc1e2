import { EngineError } from '../../errors.ts';
import type { Rng } from '../../random/rng.ts';
import type { ControlColumn, EventColumn } from '../../spec/modeling-table.ts';
import { weekdayOf, yearPhase } from '../../calendar/dates.ts';
import { holidayDummy } from '../calendar/holiday-dummy.ts';
import type { SimulatedBaseline } from '../types.ts';
import { controlSeries } from './control-series.ts';
import { randomEventDummy } from './random-event-dummy.ts';

/** Which part of the baseline a component belongs to (the truth's per-group totals). */
export type BaselineGroup = 'intercept' | 'trend' | 'seasonality' | 'events' | 'controls';

/** One additive baseline component in KPI units, over every simulated period (burn-in included). */
export interface BaselineComponent {
  readonly name: string;
  readonly group: BaselineGroup;
  readonly values: Float64Array;
}

/** Baseline components plus the table columns (window only) and the true coefficients. */
export interface BaselineResult {
  readonly components: readonly BaselineComponent[];
  readonly events: readonly EventColumn[];
  readonly controls: readonly ControlColumn[];
  /** Per event: KPI units added while the dummy is 1. */
  readonly eventCoefficients: readonly number[];
  /** Per control: KPI units per unit of x, and the reference level (effect = coef·(x − reference)). */
  readonly controlCoefficients: readonly { readonly coefficient: number; readonly reference: number }[];
}

/**
 * The true baseline of a simulated KPI, as additive components in KPI units:
 * - intercept[t] = level
 * - trend[t] = level·growthPerYear·(day[t] − day[t0]) / 365.25 (0 at the first window period t0)
 * - seasonality[t] = level·Σ_k a_k·cos(2πk(day[t]/365.25 − peak_k)) + level·(weekday effect − its mean)
 * - one component per event: level·effect·dummy[t]
 * - one component per control: level·effect·(x[t] − reference)
 * @param rng seeded generator (controls and random events)
 * @param days first day of every simulated period (burn-in first), shape [nBurn + nTimes]
 * @param periodLength days per period (7 or 1)
 * @param t0 index of the first window period (= nBurn)
 * @param spec the baseline description
 * @returns components over all periods; event and control columns over the window only
 * @throws EngineError('INVALID_ARGUMENT') for a control whose effect contradicts its sign or a bad weekday list
 * @example baselineComponents(rng, days, 7, 0, { level: 100, growthPerYear: 0, yearly: [], events: [], controls: [] })
 * // components: intercept 100 every period, trend 0, seasonality 0
 */
export function baselineComponents(rng: Rng, days: Int32Array, periodLength: number, t0: number, spec: SimulatedBaseline): BaselineResult {
  const n = days.length;
  const level = spec.level;
  const intercept = new Float64Array(n).fill(level);
  const trend = new Float64Array(n);
  const seasonality = new Float64Array(n);
  const weekday = spec.weekday;
  if (weekday !== undefined && weekday.length !== 7) throw new EngineError('INVALID_ARGUMENT', 'simulate: baseline weekday needs 7 effects (Monday first)');
  const weekdayMean = weekday === undefined ? 0 : weekday.reduce((a, b) => a + b, 0) / 7;
  for (let t = 0; t < n; t++) {
    trend[t] = (level * spec.growthPerYear * (days[t] - days[t0])) / 365.25;
    let s = 0;
    spec.yearly.forEach((h, i) => { s += h.amplitude * Math.cos(2 * Math.PI * (i + 1) * (yearPhase(days[t]) - h.peak)); });
    if (weekday !== undefined) s += weekday[weekdayOf(days[t])] - weekdayMean;
    seasonality[t] = level * s;
  }
  const components: BaselineComponent[] = [
    { name: 'intercept', group: 'intercept', values: intercept },
    { name: 'trend', group: 'trend', values: trend },
    { name: 'seasonality', group: 'seasonality', values: seasonality },
  ];
  const events: EventColumn[] = [];
  const eventCoefficients: number[] = [];
  for (const e of spec.events) {
    const dummy = typeof e.on === 'string' ? holidayDummy(days, periodLength, e.on) : randomEventDummy(rng, n, t0, e.on.random);
    const coefficient = level * e.effect;
    components.push({ name: e.name, group: 'events', values: dummy.map((d) => d * coefficient) });
    events.push({ name: e.name, values: dummy.slice(t0) });
    eventCoefficients.push(coefficient);
  }
  const controls: ControlColumn[] = [];
  const controlCoefficients: { coefficient: number; reference: number }[] = [];
  for (const c of spec.controls) {
    if ((c.sign === 'positive' && c.effect < 0) || (c.sign === 'negative' && c.effect > 0)) {
      throw new EngineError('INVALID_ARGUMENT', `simulate: control '${c.name}' has effect ${c.effect} but sign '${c.sign}'`);
    }
    const { values, reference } = controlSeries(rng, n, c.series);
    const coefficient = level * c.effect;
    components.push({ name: c.name, group: 'controls', values: values.map((x) => coefficient * (x - reference)) });
    controls.push({ name: c.name, values: values.slice(t0), sign: c.sign });
    controlCoefficients.push({ coefficient, reference });
  }
  return { components, events, controls, eventCoefficients, controlCoefficients };
}
