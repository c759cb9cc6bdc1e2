import type { SummaryResult } from '@mixwise/engine';
import { exportTable, type ExportTable } from '../export-table.ts';

/**
 * `channel_summary`: one row per channel with summary.json's totals over the modeling window:
 * spend and contribution (KPI units), ROI = contribution / spend, marginal ROI, shares of spend
 * and of the media effect, the 90% bootstrap interval of the ROI (roi_low = 5th, roi_high = 95th
 * percentile; NULL without a bootstrap), cost per acquisition (count KPIs only, else NULL) and the
 * immediate share of the contribution (the rest is carryover); when the effect lands, in periods after
 * the spend (summary.json effect_timing: the carryover kernel's peak and the lags by which half and 90%
 * of its weight has landed; NULL for a summary written before it was recorded).
 * @param summary summarizeModel's result
 * @returns columns channel (text), ten real columns, three integer lags and the period they count
 * @example channelSummaryTable(summary).rows[0].slice(0, 4) // ['tv', 24960000, 21991873, 0.881]
 */
export function channelSummaryTable(summary: SummaryResult): ExportTable {
  return exportTable('channel_summary', [
    { name: 'channel', type: 'text' },
    ...['spend', 'contribution', 'roi', 'mroi', 'share_of_spend', 'share_of_effect', 'roi_low', 'roi_high', 'cpa', 'immediate_share']
      .map((name) => ({ name, type: 'real' as const })),
    ...['peak_lag', 'lag_50', 'lag_90'].map((name) => ({ name, type: 'integer' as const })),
    { name: 'lag_period', type: 'text' },
  ], summary.channels.map((c) => [
    c.name, c.spend, c.contribution, c.roi, c.mroi, c.share_of_spend, c.share_of_effect,
    c.roi_interval?.[0] ?? null, c.roi_interval?.[1] ?? null, c.cpa, c.immediate_share,
    c.effect_timing?.peak_lag ?? null, c.effect_timing?.lag_50 ?? null, c.effect_timing?.lag_90 ?? null, c.effect_timing?.period ?? null,
  ]));
}
