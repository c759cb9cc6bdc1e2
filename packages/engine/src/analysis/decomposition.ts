import type { MmmModel } from '../model/mmm-model.ts';
import { channelContribution } from '../model/channel-response.ts';
import { fittedRows } from '../spec/fitted-rows.ts';
import { assertUsableModel } from '../model/parse-model.ts';

export type ComponentGroup = 'intercept' | 'trend' | 'seasonality' | 'dayOfWeek' | 'event' | 'control' | 'organic' | 'media';

export interface DecompositionComponent {
  readonly name: string;
  readonly group: ComponentGroup;
  /** Contribution per period [nTimes], KPI units. */
  readonly values: Float64Array;
  /**
   * For a control measured against its mean instead of 0 (see decompose): that mean, in the
   * control's units. Its effect at that level, coef × reference, is part of the intercept.
   */
  readonly reference?: number;
}

export interface Decomposition {
  readonly dates: readonly string[];
  /** The KPI [nTimes]; NaN where it is missing (left out of the fit: spec/observed-rows.ts). */
  readonly actual: Float64Array;
  /** Sum of all components [nTimes]. */
  readonly fitted: Float64Array;
  readonly components: readonly DecompositionComponent[];
}

/**
 * Split the fitted KPI of every period into its additive parts: the intercept, each baseline term
 * (coef × regressor) and each channel (coef × saturated adstocked spend). Components sum exactly to
 * the fitted value; media contributions are measured against zero spend.
 *
 * A control that never reaches 0 on the fitted rows (a price, a market index) is measured against
 * its mean there: coef × (x − mean), and coef × mean joins the intercept. Its zero is a level the
 * data say nothing about, and against it the intercept and the control become two large numbers of
 * opposite sign (on the demo data, an intercept of 171% of the KPI and a price effect of −99%).
 * Measured against its mean, the control shows what its movements added or took away, and the
 * intercept is the base at its usual level. (Meridian likewise centres controls to mean 0 before
 * modelling: its API reference, `meridian.model.transformers.CenteringAndScalingTransformer`.) Controls that do reach 0 (a promotion flag or
 * depth, a competitor's spend) keep 0 as their reference: "none" is an observed, meaningful level.
 * @throws EngineError INVALID_ARGUMENT when `model` is not a model, naming what is missing (assertUsableModel)
 * @example decompose(model).components.find((c) => c.name === 'tv')?.values // tv's contribution per period
 */
export function decompose(model: MmmModel): Decomposition {
  assertUsableModel(model, 'decompose');
  const n = model.dates.length;
  let intercept = model.intercept;
  const parts: DecompositionComponent[] = [];
  for (const b of model.baseline) {
    const reference = decompositionReference(model, b);
    const values = new Float64Array(n);
    for (let t = 0; t < n; t++) values[t] = b.coef * (b.values[t] - reference);
    intercept += b.coef * reference;
    parts.push(reference !== 0 ? { name: b.name, group: b.kind, values, reference } : { name: b.name, group: b.kind, values });
  }
  const components: DecompositionComponent[] = [
    { name: 'intercept', group: 'intercept', values: new Float64Array(n).fill(intercept) },
    ...parts,
  ];
  for (const ch of model.channels) components.push({ name: ch.name, group: 'media', values: channelContribution(ch) });
  const fitted = new Float64Array(n);
  for (const c of components) for (let t = 0; t < n; t++) fitted[t] += c.values[t];
  // A KPI left out of the fit is NaN; read from model.json without reviveActual it is still null, which
  // Float64Array.from would turn into a KPI of 0: map it to NaN here too.
  const actual = Float64Array.from(model.actual as readonly (number | null)[], (v) => v ?? NaN);
  return { dates: model.dates, actual, fitted, components };
}

/**
 * The level a baseline term's contribution is measured against in `decompose`: for a control that
 * stays on one side of 0 over the fitted rows, its mean there; 0 for every other term (organic media
 * included: like paid media, their effect is measured against no exposure, never centred).
 * @example decompositionReference(model, model.baseline.find((b) => b.name === 'price')!) // the mean price
 */
export function decompositionReference(model: Pick<MmmModel, 'window' | 'holdout'>, term: MmmModel['baseline'][number]): number {
  if (term.kind !== 'control') return 0;
  const rows = fittedRows(model);
  return controlReference(term.values, rows.start, rows.end);
}

/** The mean of a control over rows [start, end) when it stays on one side of 0 there, else 0. */
function controlReference(values: ArrayLike<number>, start: number, end: number): number {
  let lo = Infinity, hi = -Infinity, sum = 0;
  for (let t = start; t < end; t++) {
    const v = values[t];
    if (v < lo) lo = v;
    if (v > hi) hi = v;
    sum += v;
  }
  return end > start && (lo > 0 || hi < 0) ? sum / (end - start) : 0;
}

/** Σ values over rows [start, end). */
export function sumRange(values: ArrayLike<number>, start: number, end: number): number {
  let s = 0;
  for (let t = start; t < end; t++) s += values[t];
  return s;
}
