import { useMemo } from 'react';
import { geoFit, geoResults, geoResultsHeight, roiLabel } from '@mixwise/charts';
import { kpiMoney } from '@mixwise/engine';
import { EChart } from '../../components/EChart.tsx';
import type { RunData } from '../../state/run-data.ts';
import { Section } from '../../components/Section.tsx';
import { Table } from '../../components/Table.tsx';
import { formatCompact, formatPct, formatRatio, formatRoi } from '../../logic/format.ts';
import { geoRows, geoShareOf } from '../../logic/geo-rows.ts';

/**
 * The per-geo results of a geo-level run (summary.json `geos`): each geo's size, its KPI against the
 * model's fit, and what media returned there, from the one model with shared media curves. Nothing for
 * a national run.
 */
export function GeosSection({ data }: { data: RunData }) {
  const { model, summary } = data;
  const rows = useMemo(() => geoRows(summary), [summary]);
  const geos = summary.geos;
  // The charts of @mixwise/charts (as the report draws them): ROI per geo and channel, and each geo's size and fit.
  const heatmap = useMemo(() => (geos === undefined || geos.length === 0 ? null : geoResults(geos, { kpiKind: model.target.kind })), [geos, model]);
  // Each geo's share is of the size column when the fit had one (population…), else of the KPI.
  const shareOf = geoShareOf(model, 'KPI');
  const fit = useMemo(() => (geos === undefined || geos.length === 0 ? null : geoFit(geos, { shareOf })), [geos, shareOf]);
  if (rows.length === 0) return null;
  const height = geoResultsHeight(rows.length);
  const roi = roiLabel(model.target.kind);
  const column = model.panel?.column ?? 'geo';
  // Spend in the run's currency; KPI amounts too when the KPI is revenue.
  const money = model.money, kpiAmount = kpiMoney(model.money, model.target.kind);
  return (
    <Section title={`Geos (${rows.length}, by ${column})`} testId="geos-section">
      <p className="muted small" data-testid="geos-note">
        A geo-level model: every geo&apos;s series was fitted at once with shared media curves (each geo its own baseline level), so the national figures above add the geos up.
        Media {roi} per geo is its channels&apos; contribution over their spend there; differences come from where and when each geo spent, not from separate curves.
      </p>
      <div className="grid-2">
        <EChart name="geo-results" option={heatmap} height={height} title={`${roi} by geo and channel`} ariaLabel={`${roi} by geo and channel`} />
        <EChart name="geo-fit" option={fit} height={height} title={`Share of ${shareOf === 'KPI' ? 'the KPI' : shareOf} and R² per geo`} ariaLabel={`Share of ${shareOf === 'KPI' ? 'the KPI' : shareOf} and fit per geo`} />
      </div>
      <Table testId="table-geos" rows={rows} rowKey={(g) => g.name} columns={[
        { key: 'geo', header: 'Geo', cell: (g) => <code>{g.name}</code> },
        { key: 'share', header: `Share of ${geoShareOf(model, summary.target)}`, numeric: true, cell: (g) => formatPct(g.share) },
        { key: 'kpi', header: summary.target, numeric: true, cell: (g) => formatCompact(g.kpi, kpiAmount) },
        { key: 'fitted', header: 'Fitted', numeric: true, cell: (g) => formatCompact(g.fitted, kpiAmount) },
        { key: 'r2', header: 'R²', numeric: true, cell: (g) => formatRatio(g.r2) },
        { key: 'spend', header: 'Spend', numeric: true, cell: (g) => formatCompact(g.spend, money) },
        { key: 'contribution', header: 'Media contribution', numeric: true, cell: (g) => formatCompact(g.contribution, kpiAmount) },
        { key: 'roi', header: `Media ${roi}`, numeric: true, cell: (g) => formatRoi(g.roi) },
        { key: 'top', header: `Best ${roi}`, cell: (g) => (g.topChannel === null ? '—' : `${g.topChannel.name} (${formatRoi(g.topChannel.roi)})`) },
      ]} />
    </Section>
  );
}
