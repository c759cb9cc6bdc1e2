import type { ComparedChannel, ComparedRun, SummaryRefresh } from '@mixwise/engine';
import { formatPercent } from './format.ts';

const isNum = (v: unknown): v is number => typeof v === 'number';
const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isInterval = (v: unknown): boolean => v === null || (Array.isArray(v) && v.length === 2 && v.every(isNum));

function isRun(v: unknown): v is ComparedRun {
  return isObj(v) && typeof v.run === 'string' && typeof v.first_date === 'string' && typeof v.last_date === 'string'
    && isNum(v.periods) && isNum(v.r2) && isNum(v.nrmse) && isNum(v.baseline_share);
}

function isChannel(v: unknown): v is ComparedChannel {
  return isObj(v) && typeof v.name === 'string' && isNum(v.roi_a) && isNum(v.roi_b) && isNum(v.roi_change)
    && isNum(v.spend_per_period_a) && isNum(v.spend_per_period_b) && isInterval(v.roi_interval_a) && isInterval(v.roi_interval_b)
    && typeof v.verdict === 'string';
}

/**
 * A summary's `refresh` (written by `mixwise fit --refresh`) when it has the shape the report and the
 * dashboard draw, else null: absent for an ordinary fit, and a hand-edited or foreign summary.json with
 * a malformed one is shown without the section rather than breaking the page.
 * @param summary a summary.json as read (any JSON)
 * @example summaryRefresh({ target: 'revenue' }) // null
 */
export function summaryRefresh(summary: { readonly refresh?: unknown }): SummaryRefresh | null {
  const r = summary.refresh;
  if (!isObj(r) || typeof r.previous !== 'string' || !isNum(r.new_periods) || !isNum(r.bound_width)) return null;
  const c = r.comparison;
  if (!isObj(c) || !isRun(c.a) || !isRun(c.b) || !Array.isArray(c.channels) || !c.channels.every(isChannel)) return null;
  if (typeof c.headline !== 'string' || !isNum(c.baseline_share_change)) return null;
  if (!Array.isArray(c.only_in_a) || !Array.isArray(c.only_in_b)) return null;
  return r as unknown as SummaryRefresh;
}

/**
 * The sentence opening a refresh's "Changes since the previous model": the earlier run, the new
 * periods with the dates they reach, and how narrowly each curve parameter was searched.
 * @example refreshSentence(refresh) // 'This model refreshes runs/jan (data to 2023-12-25) with 16 new periods, to 2024-04-15; each curve parameter was searched over 20% of its range around its previous value.'
 */
export function refreshSentence(r: SummaryRefresh): string {
  const n = r.new_periods;
  return `This model refreshes ${r.previous} (data to ${r.comparison.a.last_date}) with ${n} new period${n === 1 ? '' : 's'}, to ${r.comparison.b.last_date}; `
    + `each curve parameter was searched over ${formatPercent(r.bound_width, 0)} of its range around its previous value.`;
}

/** A 90% interval as 'lo – hi' with the given formatter, or 'n/a' without one. @example intervalText([0.5, 1.25], String) // '0.5 – 1.25' */
export function intervalText(i: readonly [number, number] | null, format: (x: number) => string): string {
  return i === null ? 'n/a' : `${format(i[0])} – ${format(i[1])}`;
}
