import type { SummaryResult } from '@mixwise/engine';
import { exportTable, type ExportTable } from '../export-table.ts';

/**
 * `channel_summary`: one row per channel with summary.json's totals over the modeling window:
 * spend and contribution (KPI units), ROI = contribution / spend, marginal ROI, shares of spend
 * and of the media effect, the 90% bootstrap interval of the ROI (roi_low = 5th, roi_high = 95th
 * percentile; NULL without a bootstrap), cost per acquisition (count KPIs only, else NULL) and the
 * immediate share of the contribution (the rest is carryover).
 * @param summary summarizeModel's result
 * @returns columns channel (text) and ten real columns
 * @example channelSummaryTable(summary).rows[0].slice(0, 4) // ['tv', 24960000, 21991873, 0.881]
 */
export function channelSummaryTable(summary: SummaryResult): ExportTable {
  return exportTable('channel_summary', [
    { name: 'channel', type: 'text' },
    ...['spend', 'contribution', 'roi', 'mroi', 'share_of_spend', 'share_of_effect', 'roi_low', 'roi_high', 'cpa', 'immediate_share']
      .map((name) => ({ name, type: 'real' as const })),
  ], summary.channels.map((c) => [
    c.name, c.spend, c.contribution, c.roi, c.mroi, c.share_of_spend, c.share_of_effect,
    c.roi_interval?.[0] ?? null, c.roi_interval?.[1] ?? null, c.cpa, c.immediate_share,
  ]));
}
