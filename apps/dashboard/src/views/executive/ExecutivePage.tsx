import { useMemo } from 'react';
import { kpiMoney, periodWord } from '@mixwise/engine';
import { blendedHeadline, contributionWaterfall, contributionsOverTime, executiveKpis, roiLabel, roiVsSpendShare } from '@mixwise/charts';
import type { RunData } from '../../state/run-data.ts';
import { EChart } from '../../components/EChart.tsx';
import { KpiCard } from '../../components/KpiCard.tsx';
import { Section } from '../../components/Section.tsx';
import { OrganicTable } from '../../components/OrganicTable.tsx';
import { formatCompact, formatPct, formatRoi } from '../../logic/format.ts';
import { blendedNote } from '../../logic/roi-basis.ts';
import { baselineHint } from '../../logic/baseline-hint.ts';
import { categorySeriesTable, roiShareTable, waterfallTable } from '../../logic/chart-table.ts';
import { RecommendationCard } from './RecommendationCard.tsx';
import { Downloads } from './Downloads.tsx';
import { GeoMapSection } from './GeoMapSection.tsx';
import { GeosSection } from './GeosSection.tsx';
import { RefreshSection } from './RefreshSection.tsx';
import { RoiTableSection } from './RoiTableSection.tsx';
import { legendClear, narrowWaterfall } from '../../logic/narrow-chart.ts';
import { useNarrow } from '../../state/use-narrow.ts';

/** The CMO's page: headline numbers, where the KPI came from, what each channel returns, and what to change. */
export function ExecutivePage({ data }: { data: RunData }) {
  const { model, summary, decomposition } = data;
  const kpis = useMemo(() => executiveKpis(summary, model.target.kind), [summary, model]);
  // ROAS for a revenue KPI, blended CPA for a count KPI: the report's wording (blendedHeadline).
  const blended = blendedHeadline(kpis, summary.target);
  const narrow = useNarrow();
  const waterfall = useMemo(() => narrowWaterfall(contributionWaterfall(summary), narrow), [summary, narrow]);
  const overTime = useMemo(() => contributionsOverTime(model, decomposition), [model, decomposition]);
  const overTimeShown = useMemo(() => legendClear(overTime, narrow), [overTime, narrow]);
  const roiShare = useMemo(() => roiVsSpendShare(summary), [summary]);
  // The charts' data as tables (their text alternative), from the same summary and option.
  const tables = useMemo(() => ({
    waterfall: waterfallTable(summary),
    roiShare: roiShareTable(summary, roiLabel(model.target.kind)),
    overTime: categorySeriesTable(overTime, `${summary.target} per period: the baseline and each channel's contribution`, 'Date'),
  }), [summary, model, overTime]);

  return (
    <div className="stack">
      <div className="page-title">
        <h1>Executive summary</h1>
        <p className="muted">{summary.target} · {summary.periods} {model.frequency} periods · {summary.window.start} to {summary.window.end}</p>
      </div>
      {summary.warnings.map((w) => (
        <div key={`${w.code}-${w.channel ?? ''}`} className="banner warning" role="note" data-testid="fit-warning">Warning: {w.message}.</div>
      ))}
      <div className="kpi-grid">
        <KpiCard testId="kpi-total-spend" label="Total media spend" value={formatCompact(kpis.totalSpend, model.money)} hint="over the modelling window" />
        <KpiCard testId="kpi-attributed" label={`Attributed ${summary.target}`} value={formatCompact(kpis.attributedRevenue, kpiMoney(model.money, model.target.kind))} hint="driven by media, per the model" />
        <KpiCard testId="kpi-blended" label={blended.label} value={formatRoi(blended.value, kpis.kind === 'count' ? '' : '×')} hint={blended.meaning}
          note={blendedNote(blended.label, periodWord(model.frequency), roiLabel(model.target.kind))} />
        <KpiCard testId="kpi-baseline-share" label="Baseline share" value={formatPct(kpis.baselineShare)} hint={baselineHint(summary)} />
      </div>
      {/* A fit --refresh run: what moved since the previous model (summary.json refresh); nothing otherwise. */}
      <RefreshSection data={data} />
      <RecommendationCard data={data} />
      <RoiTableSection data={data} />
      <div className="grid-2">
        <Section title="Where the KPI came from">
          <EChart name="waterfall" option={waterfall} height={340} ariaLabel="Waterfall of contributions" table={tables.waterfall} />
        </Section>
        <Section title="Return on spend vs share of budget">
          <EChart name="roi-share" option={roiShare} height={340} ariaLabel={`${roiLabel(model.target.kind)} versus share of spend`} table={tables.roiShare} />
        </Section>
      </div>
      {summary.organic !== undefined && summary.organic.length > 0 ? (
        <Section title="Organic media">
          <OrganicTable summary={summary} testId="table-organic" />
        </Section>
      ) : null}
      <Section title="Contributions over time">
        <EChart name="contributions" option={overTimeShown} height={380} ariaLabel="Stacked contributions over time" table={tables.overTime} />
      </Section>
      {/* Per-geo results of a geo-level run (summary.json geos); nothing for a national run. */}
      <GeosSection data={data} />
      {/* KPI by geography when the run was built from sources with geos (geo.json); nothing otherwise. */}
      <GeoMapSection runId={data.runId} />
      <Downloads runId={data.runId} />
    </div>
  );
}
