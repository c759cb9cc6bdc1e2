import type { MmmModel } from '../model/mmm-model.ts';
import { channelActualSpend } from '../model/actual-spend.ts';

/** The price a plan pays for a channel modelled on exposure (docs/model.md §4c). */
export interface ReferenceCost {
  /** Money → transforms' input: a spend s buys s × factor of e (= k / c_ref; 1 on spend or over the whole window). */
  readonly factor: number;
  /** c_ref, cost per exposure unit the plan pays. */
  readonly costPerUnit: number;
  /** k, the window's average cost per exposure unit (the model's media.costPerUnit). */
  readonly windowCostPerUnit: number;
  /** 'reference': the reference periods' cost; 'window': the window average (whole window, or no spend/exposure in the reference periods). */
  readonly basis: 'reference' | 'window';
}

/**
 * Per channel, the cost per exposure unit of the reference rows, c_ref = Σ actual spend / Σ exposure
 * over them, for a channel modelled on exposure (undefined for a spend channel). The transforms see
 * e = exposure × k, so a spend s at c_ref buys s / c_ref exposure, e = s × k / c_ref: factor = k / c_ref
 * = Σ e / Σ spend. Over the whole window c_ref is k by definition, so factor is exactly 1 there (no
 * rounding drift versus the window-priced plan); with no spend or no exposure in the rows the window's
 * average stands in.
 * @example referenceCosts(model, { start: 91, end: 104 })[0] // { factor: 0.72, costPerUnit: 0.0152, windowCostPerUnit: 0.01155, basis: 'reference' }
 */
export function referenceCosts(model: MmmModel, rows: { readonly start: number; readonly end: number }): (ReferenceCost | undefined)[] {
  const whole = rows.start <= model.window.start && rows.end >= model.window.end;
  return model.channels.map((ch) => {
    if (ch.media === undefined) return undefined;
    const k = ch.media.costPerUnit;
    const actual = channelActualSpend(ch);
    let e = 0;
    let s = 0;
    for (let t = rows.start; t < rows.end; t++) { e += ch.spend[t]; s += actual[t]; }
    if (whole || !(e > 0 && s > 0)) return { factor: 1, costPerUnit: k, windowCostPerUnit: k, basis: 'window' as const };
    return { factor: e / s, costPerUnit: (k * s) / e, windowCostPerUnit: k, basis: 'reference' as const };
  });
}
