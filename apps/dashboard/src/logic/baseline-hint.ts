import type { SummaryResult } from '@mixwise/engine';
import { formatPct } from './format.ts';

/**
 * The hint under the executive page's Baseline share card. The baseline is everything but paid media:
 * trend, seasonality, events, controls and, when the model has them, organic media (newsletter sends
 * and the like, measured against zero exposure), so "would happen without media" is only true without
 * organic media; with them the hint names their share.
 * @param summary summary.json (its `organic`)
 * @example baselineHint({ organic: [{ name: 'newsletter', share_of_kpi: 0.064 }] }) // 'without paid media; includes organic media (newsletter) 6.4%'
 * @example baselineHint({}) // 'would happen without media'
 */
export function baselineHint(summary: { readonly organic?: readonly Pick<NonNullable<SummaryResult['organic']>[number], 'name' | 'share_of_kpi'>[] }): string {
  const organic = summary.organic ?? [];
  if (organic.length === 0) return 'would happen without media';
  const share = organic.reduce((s, o) => s + o.share_of_kpi, 0);
  return `without paid media; includes organic media (${organic.map((o) => o.name).join(', ')}) ${formatPct(share)}`;
}
