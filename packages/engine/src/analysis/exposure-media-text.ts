import type { ChannelSummary } from './summarize.ts';

/**
 * The sentence naming the channels modelled on exposure and their average cost per 1,000 exposure
 * units over the window, or null when every channel was modelled on spend. For the fit's printed
 * report, report.html and the dashboard.
 * @example exposureMediaText([{ name: 'tv', media: { basis: 'exposure', column: 'tv_grps', cost_per_1000: 15.2 }, … }])
 * // 'Modelled on exposure instead of spend: tv (tv_grps, 15.20 per 1,000 on average); …'
 */
export function exposureMediaText(channels: readonly Pick<ChannelSummary, 'name' | 'media'>[]): string | null {
  const parts = channels.flatMap((c) => (c.media === undefined ? [] : [`${c.name} (${c.media.column}, ${costPer1000Text(c.media.cost_per_1000)} per 1,000 on average)`]));
  if (parts.length === 0) return null;
  return `Modelled on exposure instead of spend: ${parts.join(', ')}; each exposure series is converted to money at the window's average cost per 1,000, `
    + 'so ROIs, curves and plans are in money and assume that cost holds in future periods';
}

/** One channel's price in a plan (optimize's cost_per_1000 / cost_basis). */
export interface PlannedExposureCost {
  readonly name: string;
  /** Cost per 1,000 exposure units the plan pays. */
  readonly costPer1000: number;
  /** The window's average cost per 1,000 (the fit's). */
  readonly windowCostPer1000: number;
  readonly basis: 'reference' | 'window';
}

/**
 * The line optimize prints for channels on exposure: the cost per 1,000 their spend is planned at, the
 * reference periods' (and the window's average beside it) or the window's average. null without any.
 * @example exposurePlanText([{ name: 'tv', costPer1000: 15.2, windowCostPer1000: 11.546, basis: 'reference' }])
 * // 'tv is modelled on exposure: planned at the cost per 1,000 of the reference periods, 15.20 (window average 11.55)'
 */
export function exposurePlanText(costs: readonly PlannedExposureCost[]): string | null {
  if (costs.length === 0) return null;
  const names = costs.map((c) => c.name).join(', ');
  const subject = `${names} ${costs.length === 1 ? 'is' : 'are'} modelled on exposure: planned at`;
  const each = (c: PlannedExposureCost, named: boolean): string => `${named ? `${c.name} ` : ''}${costPer1000Text(c.costPer1000)}`
    + (c.basis === 'reference' ? ` (window average ${costPer1000Text(c.windowCostPer1000)})` : '');
  const price = costs.every((c) => c.basis === 'window') ? "the window's average cost per 1,000" : 'the cost per 1,000 of the reference periods';
  return `${subject} ${price}, ${costs.map((c) => each(c, costs.length > 1)).join(', ')}`;
}

/**
 * A cost per 1,000 for prose, from the unrounded value: whole units from 100, 2 decimals from 1, else 3
 * significant figures (11.546 → '11.55', not a padded '11.50'; 1234.5 → '1,235'; 0.01234 → '0.0123').
 */
export function costPer1000Text(v: number): string {
  if (v >= 100) return Math.round(v).toLocaleString('en-US');
  if (v >= 1) return v.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  return String(Number(v.toPrecision(3)));
}
