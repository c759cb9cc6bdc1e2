import type { SummaryResult } from '@mixwise/engine';

/** The executive page's KPI cards, as numbers (formatting is the caller's). */
export interface ExecutiveKpis {
  /** Total media spend over the modeling window (spend units). */
  readonly totalSpend: number;
  /** KPI attributed to media over the window (KPI units). */
  readonly attributedRevenue: number;
  /** attributedRevenue / totalSpend (NaN without spend). */
  readonly blendedRoas: number;
  /** Share of the fitted KPI the baseline explains (0..1). */
  readonly baselineShare: number;
}

/**
 * The four headline numbers of a run.
 * @param summary summary.json of a run
 * @example executiveKpis(summary) // { totalSpend: 59280000, attributedRevenue: 109825932, blendedRoas: 1.853, baselineShare: 0.726 } (demo)
 */
export function executiveKpis(summary: SummaryResult): ExecutiveKpis {
  const totalSpend = summary.totals.spend;
  const attributedRevenue = summary.totals.mediaContribution;
  return {
    totalSpend,
    attributedRevenue,
    blendedRoas: totalSpend > 0 ? attributedRevenue / totalSpend : NaN,
    baselineShare: summary.baseline.share,
  };
}
