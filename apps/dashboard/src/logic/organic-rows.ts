import type { SummaryResult } from '@mixwise/engine';

/** One organic media series as the dashboard lists it. */
export interface OrganicRow {
  readonly name: string;
  /** Σ exposure over the window, in the column's own units (sends, impressions). */
  readonly exposure: number;
  /** Σ contribution over the window, KPI units, against zero exposure. */
  readonly contribution: number;
  /** 90% credible interval of the contribution (Bayesian fit); null for a ridge fit. */
  readonly interval: readonly [number, number] | null;
  /** Contribution / Σ fitted KPI. */
  readonly shareOfKpi: number;
  /** Contribution / the baseline's contribution (organic media are part of the baseline); null when the baseline is 0. */
  readonly shareOfBaseline: number | null;
  /** KPI per 1,000 units of exposure (no ROI: there is no spend); null without exposure. */
  readonly perThousand: number | null;
}

/**
 * The run's organic media (summary.organic), largest contribution first; empty for a run without them
 * (or one fitted before organic media existed).
 * @example organicRows(summary)[0] // { name: 'newsletter', exposure: 4.6e6, contribution: 6.4e6, interval: null, shareOfKpi: 0.017, shareOfBaseline: 0.03, perThousand: 1391 }
 */
export function organicRows(summary: Pick<SummaryResult, 'organic' | 'baseline'>): OrganicRow[] {
  const base = summary.baseline.contribution;
  return (summary.organic ?? []).map((o) => ({
    name: o.name,
    exposure: o.exposure,
    contribution: o.contribution,
    interval: o.contribution_interval ?? null,
    shareOfKpi: o.share_of_kpi,
    shareOfBaseline: base === 0 ? null : o.contribution / base,
    perThousand: o.exposure > 0 ? (1000 * o.contribution) / o.exposure : null,
  })).sort((a, b) => b.contribution - a.contribution);
}
