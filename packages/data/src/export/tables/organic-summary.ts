import type { SummaryResult } from '@mixwise/engine';
import { exportTable, type ExportTable } from '../export-table.ts';

/**
 * `organic_summary`: one row per organic media series (exposure without spend, e.g. newsletter sends),
 * summary.json's `organic`: its total exposure over the window in the column's own units, its
 * contribution measured against zero exposure (KPI units; part of the baseline), its 90% interval
 * (contribution_low, contribution_high: summary.json's contribution_interval, from the bootstrap
 * replicates or the posterior draws; null when the fit has none), that contribution's share of the fitted KPI, and when the effect lands (peak_lag, lag_50, lag_90 in lag_period units, as
 * channel_summary). No ROI: there is no spend. Exported only when the model has organic media.
 * @param summary summarizeModel's result (with organic media)
 * @returns columns organic, exposure, contribution, contribution_low, contribution_high, share_of_kpi, peak_lag, lag_50, lag_90, lag_period
 * @example organicSummaryTable(summary).rows[0].slice(0, 3) // ['newsletter', 24410477, 24410477]
 */
export function organicSummaryTable(summary: SummaryResult): ExportTable {
  return exportTable('organic_summary', [
    { name: 'organic', type: 'text' },
    ...['exposure', 'contribution', 'contribution_low', 'contribution_high', 'share_of_kpi'].map((name) => ({ name, type: 'real' as const })),
    ...['peak_lag', 'lag_50', 'lag_90'].map((name) => ({ name, type: 'integer' as const })),
    { name: 'lag_period', type: 'text' },
  ], (summary.organic ?? []).map((o) => [
    o.name, o.exposure, o.contribution, o.contribution_interval?.[0] ?? null, o.contribution_interval?.[1] ?? null, o.share_of_kpi, o.effect_timing.peak_lag, o.effect_timing.lag_50, o.effect_timing.lag_90, o.effect_timing.period,
  ]));
}
