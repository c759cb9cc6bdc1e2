import type { MmmModel } from '../model/mmm-model.ts';
import { channelContribution } from '../model/channel-response.ts';

export type ComponentGroup = 'intercept' | 'trend' | 'seasonality' | 'dayOfWeek' | 'event' | 'control' | 'media';

export interface DecompositionComponent {
  readonly name: string;
  readonly group: ComponentGroup;
  /** Contribution per period [nTimes], KPI units. */
  readonly values: Float64Array;
}

export interface Decomposition {
  readonly dates: readonly string[];
  readonly actual: Float64Array;
  /** Sum of all components [nTimes]. */
  readonly fitted: Float64Array;
  readonly components: readonly DecompositionComponent[];
}

/**
 * Split the fitted KPI of every period into its additive parts: the intercept, each baseline term
 * (coef × regressor) and each channel (coef × saturated adstocked spend). Components sum exactly to
 * the fitted value; media contributions are measured against zero spend.
 * @example decompose(model).components.find((c) => c.name === 'tv')?.values // tv's contribution per period
 */
export function decompose(model: MmmModel): Decomposition {
  const n = model.dates.length;
  const components: DecompositionComponent[] = [
    { name: 'intercept', group: 'intercept', values: new Float64Array(n).fill(model.intercept) },
  ];
  for (const b of model.baseline) {
    const values = new Float64Array(n);
    for (let t = 0; t < n; t++) values[t] = b.coef * b.values[t];
    components.push({ name: b.name, group: b.kind, values });
  }
  for (const ch of model.channels) components.push({ name: ch.name, group: 'media', values: channelContribution(ch) });
  const fitted = new Float64Array(n);
  for (const c of components) for (let t = 0; t < n; t++) fitted[t] += c.values[t];
  return { dates: model.dates, actual: Float64Array.from(model.actual), fitted, components };
}

/** Σ values over rows [start, end). */
export function sumRange(values: ArrayLike<number>, start: number, end: number): number {
  let s = 0;
  for (let t = start; t < end; t++) s += values[t];
  return s;
}
