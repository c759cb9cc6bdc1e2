import type { SummaryResult } from '@mixwise/engine';
import { Table } from './Table.tsx';
import { formatCompact, formatPct } from '../logic/format.ts';
import { organicRows } from '../logic/organic-rows.ts';

/**
 * The run's organic media (exposure without spend), part of the baseline: contribution against zero
 * exposure, its share of the fitted KPI and of the baseline, KPI per 1,000 exposures. Nothing without them.
 */
export function OrganicTable({ summary, testId }: { summary: SummaryResult; testId: string }) {
  const rows = organicRows(summary);
  if (rows.length === 0) return null;
  return (
    <Table testId={testId} caption="Organic media (no spend, so no ROI; part of the baseline, measured against zero exposure)" rows={rows} rowKey={(r) => r.name} columns={[
      { key: 'name', header: 'Series', cell: (r) => r.name },
      { key: 'exposure', header: 'Exposure', numeric: true, cell: (r) => formatCompact(r.exposure) },
      { key: 'contribution', header: `Contribution (${summary.target})`, numeric: true, cell: (r) => formatCompact(r.contribution) },
      ...(rows.some((r) => r.interval !== null) ? [{ key: 'interval', header: '90% credible interval', numeric: true, cell: (r: (typeof rows)[number]) => (r.interval === null ? 'n/a' : `${formatCompact(r.interval[0])} – ${formatCompact(r.interval[1])}`) }] : []),
      { key: 'kpi', header: 'Share of KPI', numeric: true, cell: (r) => formatPct(r.shareOfKpi) },
      { key: 'baseline', header: 'Share of baseline', numeric: true, cell: (r) => formatPct(r.shareOfBaseline) },
      { key: 'per', header: 'Per 1,000 exposures', numeric: true, cell: (r) => (r.perThousand === null ? 'n/a' : formatCompact(r.perThousand)) },
    ]} />
  );
}
