import type { SummaryResult } from '@mixwise/engine';
import { exportTable, type ExportTable } from '../export-table.ts';

/**
 * `channel_summary`: one row per channel with summary.json's totals over the modeling window:
 * spend and contribution (KPI units), ROI = contribution / spend, marginal ROI, shares of spend
 * and of the media effect, the 90% bootstrap interval of the ROI (roi_low = 5th, roi_high = 95th
 * percentile; NULL without a bootstrap), cost per acquisition (count KPIs only, else NULL) with its
 * interval (cpaInterval), and the immediate share of the contribution (the rest is carryover); when the effect lands, in periods after
 * the spend (summary.json effect_timing: the carryover kernel's peak and the lags by which half and 90%
 * of its weight has landed; NULL for a summary written before it was recorded).
 * @param summary summarizeModel's result
 * @param kind the KPI's kind (model.target.kind): only a count KPI has a CPA interval
 * @returns columns channel (text), twelve real columns, three integer lags and the period they count
 * @example channelSummaryTable(summary).rows[0].slice(0, 4) // ['tv', 24960000, 21991873, 0.881]
 */
export function channelSummaryTable(summary: SummaryResult, kind: 'revenue' | 'count' = 'revenue'): ExportTable {
  return exportTable('channel_summary', [
    { name: 'channel', type: 'text' },
    ...['spend', 'contribution', 'roi', 'mroi', 'share_of_spend', 'share_of_effect', 'roi_low', 'roi_high', 'cpa', 'cpa_low', 'cpa_high', 'immediate_share']
      .map((name) => ({ name, type: 'real' as const })),
    ...['peak_lag', 'lag_50', 'lag_90'].map((name) => ({ name, type: 'integer' as const })),
    { name: 'lag_period', type: 'text' },
  ], summary.channels.map((c) => {
    const cpa = kind === 'count' ? cpaInterval(c.roi_interval) : null;
    return [
      c.name, c.spend, c.contribution, c.roi, c.mroi, c.share_of_spend, c.share_of_effect,
      c.roi_interval?.[0] ?? null, c.roi_interval?.[1] ?? null, c.cpa, cpa?.[0] ?? null, cpa?.[1] ?? null, c.immediate_share,
      c.effect_timing?.peak_lag ?? null, c.effect_timing?.lag_50 ?? null, c.effect_timing?.lag_90 ?? null, c.effect_timing?.period ?? null,
    ];
  }));
}

/**
 * The 90% interval of a count KPI's CPA from its ROI's: CPA = spend / contribution = 1 / ROI, which
 * falls as ROI rises, so the ends swap: [1 / roi_high, 1 / roi_low]. An end whose ROI end is not above
 * 0 is null: roi_low ≤ 0 (the channel may bring no KPI, a bootstrap interval often starts at 0) leaves
 * the CPA without an upper bound, while its lower bound 1 / roi_high still holds.
 * @param roi the ROI interval [low, high], or null without a bootstrap
 * @returns [cpa_low, cpa_high], either null when unbounded, or null without an ROI interval
 * @example cpaInterval([0.02, 0.05]) // [20, 50]
 * @example cpaInterval([0, 0.05]) // [20, null]
 */
export function cpaInterval(roi: readonly [number, number] | null): [number | null, number | null] | null {
  if (roi === null) return null;
  return [roi[1] > 0 ? 1 / roi[1] : null, roi[0] > 0 ? 1 / roi[0] : null];
}
