import type { MmmModel } from '../model/mmm-model.ts';
import { proseAmount, signedAmount } from '../text/prose-format.ts';
import { listText } from '../text/list-text.ts';
import { decompose, sumRange, type Decomposition } from './decomposition.ts';

/** A control whose contribution decompose measures against its mean over the fitted rows, not against 0. */
export interface CentredControl {
  readonly name: string;
  /** The control's mean over the fitted rows, in its own units (its effect there is part of the intercept). */
  readonly reference: number;
  /** Its contribution summed over the modeling window: 0 up to round-off without a holdout, by construction. */
  readonly contribution: number;
  /** The smallest and largest contribution in one period of the window, KPI units: what its movements did. */
  readonly low: number;
  readonly high: number;
}

/**
 * The controls decompose centres on their mean (a market index, a price: controls that never reach
 * 0), with the range of their contribution per period over the modeling window. Their total over the
 * fitted rows is 0 by construction, so the total alone would read as "no effect".
 * @param model the fitted model
 * @param d its decomposition (default decompose(model))
 * @example centredControls(b2bModel) // [{ name: 'market_index', reference: 100.4, contribution: 0, low: -310000, high: 254000 }]
 */
export function centredControls(model: MmmModel, d: Decomposition = decompose(model)): CentredControl[] {
  const { start, end } = model.window;
  return d.components.filter((c) => c.group === 'control' && c.reference !== undefined).map((c) => {
    let low = Infinity, high = -Infinity;
    for (let t = start; t < end; t++) { low = Math.min(low, c.values[t]); high = Math.max(high, c.values[t]); }
    return { name: c.name, reference: c.reference ?? 0, contribution: sumRange(c.values, start, end), low, high };
  });
}

/**
 * What a centred control's total means, in one sentence for the CLI's fit output and the report's
 * decomposition ('' when no control is centred): measured against its mean, it sums to 0 over the
 * fitted periods by construction, not for lack of an effect; per period it moved the KPI from its
 * lowest to its highest contribution.
 * @param controls centredControls(model)
 * @param kpi the KPI's name
 * @example centredControlsText([{ name: 'market_index', reference: 100.4, contribution: 0, low: -310000, high: 254000 }], 'revenue')
 *   // 'market_index is measured against its mean (100): over the fitted periods its contribution sums to 0 by construction, not for lack of an effect; per period it moved revenue from −310,000 to +254,000.'
 */
export function centredControlsText(controls: readonly CentredControl[], kpi: string): string {
  if (controls.length === 0) return '';
  const range = (c: CentredControl): string => `from ${signedAmount(c.low)} to ${signedAmount(c.high)}`;
  if (controls.length === 1) {
    const [c] = controls;
    return `${c.name} is measured against its mean (${proseAmount(c.reference)}): over the fitted periods its contribution sums to 0 by construction, not for lack of an effect; per period it moved ${kpi} ${range(c)}.`;
  }
  return `${listText(controls.map((c) => `${c.name} (mean ${proseAmount(c.reference)})`))} are measured against their means: over the fitted periods each one's contribution sums to 0 by construction, not for lack of an effect; per period ${listText(controls.map((c) => `${c.name} moved ${kpi} ${range(c)}`))}.`;
}

/**
 * Why "intercept" is two numbers when controls are centred ('' when none is): model.json's intercept
 * (coefficients.csv, the dashboard's baseline terms) is the KPI per period at every regressor 0, while
 * the decomposition's intercept component (decomposition.csv) is measured at each centred control's
 * mean, so it adds coefficient × mean of each: intercept + Σ coef·reference per period (docs/model.md §11.1).
 * @param model the fitted model (its intercept and the centred controls' coefficients)
 * @param controls centredControls(model)
 * @example interceptText(model, centred) // "The decomposition's intercept, 1,848,293 per period, is the model's intercept (4,542,183) plus coefficient × mean of competitor_sales_B (−2,693,890): …"
 */
export function interceptText(model: Pick<MmmModel, 'intercept' | 'baseline'>, controls: readonly CentredControl[]): string {
  if (controls.length === 0) return '';
  const parts = controls.map((c) => ({ name: c.name, amount: (model.baseline.find((b) => b.name === c.name)?.coef ?? 0) * c.reference }));
  const total = model.intercept + parts.reduce((s, p) => s + p.amount, 0);
  const each = listText(parts.map((p) => `${p.name} (${signedAmount(p.amount)})`));
  return `The decomposition's intercept, ${proseAmount(total)} per period, is the model's intercept (${proseAmount(model.intercept)}, as in model.json and coefficients.csv) plus coefficient × mean of ${each}: centred controls are measured against their mean, so their level at the mean is part of the intercept.`;
}
