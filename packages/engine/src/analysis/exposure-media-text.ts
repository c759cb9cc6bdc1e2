import type { ChannelSummary } from './summarize.ts';

/**
 * The sentence naming the channels modelled on exposure and their average cost per 1,000 exposure
 * units over the window, or null when every channel was modelled on spend. For the fit's printed
 * report, report.html and the dashboard.
 * @example exposureMediaText([{ name: 'tv', media: { basis: 'exposure', column: 'tv_grps', cost_per_1000: 15.2 }, … }])
 * // 'Modelled on exposure instead of spend: tv (tv_grps, 15.20 per 1,000 on average); …'
 */
export function exposureMediaText(channels: readonly Pick<ChannelSummary, 'name' | 'media'>[]): string | null {
  const parts = channels.flatMap((c) => (c.media === undefined ? [] : [`${c.name} (${c.media.column}, ${costText(c.media.cost_per_1000)} per 1,000 on average)`]));
  if (parts.length === 0) return null;
  return `Modelled on exposure instead of spend: ${parts.join(', ')}; each exposure series is converted to money at the window's average cost per 1,000, `
    + 'so ROIs, curves and plans are in money and assume that cost holds in future periods';
}

/** A cost per 1,000 to 3 significant figures, at least 2 decimals below 100: 15.2 → '15.20', 1234.5 → '1,235'. */
function costText(v: number): string {
  return v >= 100 ? Math.round(v).toLocaleString('en-US') : Number(v.toPrecision(3)).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 4 });
}
