import type { SummaryResult } from '@mixwise/engine';

/** What the KPI measures: money (ROI is then ROAS) or a count (orders, leads: ROI is KPI units per unit of spend). */
export type KpiKind = 'revenue' | 'count';

/** The executive page's KPI cards, as numbers (formatting is the caller's). */
export interface ExecutiveKpis {
  /** Total media spend over the modeling window (spend units). */
  readonly totalSpend: number;
  /** KPI attributed to media over the window (KPI units). */
  readonly attributedRevenue: number;
  /** attributedRevenue / totalSpend: KPI units per unit of spend (NaN without spend). ROAS only for a revenue KPI. */
  readonly blendedRoas: number;
  /** totalSpend / attributedRevenue: spend per KPI unit, for a count KPI (NaN for revenue or when media attributed nothing). */
  readonly blendedCpa: number;
  /** Share of the fitted KPI the baseline explains (0..1). */
  readonly baselineShare: number;
  /** The KPI's kind (model.target.kind). */
  readonly kind: KpiKind;
}

/**
 * The four headline numbers of a run.
 * @param summary summary.json of a run
 * @param kind the KPI's kind (model.target.kind); a count KPI gets a blended CPA
 * @example executiveKpis(summary, 'revenue') // { totalSpend: 59280000, attributedRevenue: 109825932, blendedRoas: 1.853, blendedCpa: NaN, baselineShare: 0.726, kind: 'revenue' } (demo)
 */
export function executiveKpis(summary: SummaryResult, kind: KpiKind): ExecutiveKpis {
  const totalSpend = summary.totals.spend;
  const attributedRevenue = summary.totals.mediaContribution;
  return {
    totalSpend,
    attributedRevenue,
    blendedRoas: totalSpend > 0 ? attributedRevenue / totalSpend : NaN,
    blendedCpa: kind === 'count' && attributedRevenue > 0 ? totalSpend / attributedRevenue : NaN,
    baselineShare: summary.baseline.share,
    kind,
  };
}

/** The blended-return headline card: its label, the number, what it means, and its field in the report. */
export interface BlendedHeadline {
  readonly label: 'Blended ROAS' | 'Blended CPA';
  /** blendedRoas (revenue) or blendedCpa (count). */
  readonly value: number;
  /** What the number is, in the KPI's name: 'revenue per unit of spend' or 'spend per order'. */
  readonly meaning: string;
  /** The report card's data-field. */
  readonly field: 'blendedRoas' | 'blendedCpa';
}

/**
 * The blended-return card, one wording for the report and the dashboard: ROAS (KPI per unit of spend)
 * for a revenue KPI; for a count KPI ROAS is wrong language, so the card is the blended CPA (spend per
 * KPI unit), the same measure as the CLI's and the report's CPA column.
 * @param k executiveKpis of the run
 * @param target the KPI's name (summary.target)
 * @example blendedHeadline(executiveKpis(summary, 'count'), 'orders') // { label: 'Blended CPA', value: 19.2, meaning: 'spend per unit of orders', field: 'blendedCpa' }
 */
export function blendedHeadline(k: ExecutiveKpis, target: string): BlendedHeadline {
  return k.kind === 'count'
    ? { label: 'Blended CPA', value: k.blendedCpa, meaning: `spend per unit of ${target}`, field: 'blendedCpa' }
    : { label: 'Blended ROAS', value: k.blendedRoas, meaning: `${target} per unit of spend`, field: 'blendedRoas' };
}
