import { useMemo } from 'react';
import { refreshSentence, roiComparison, roiComparisonHeight, roiLabel, summaryRefresh } from '@mixwise/charts';
import { kpiMoney, type ComparedChannel, type ComparedRun } from '@mixwise/engine';
import type { RunData } from '../../state/run-data.ts';
import { EChart } from '../../components/EChart.tsx';
import { Section } from '../../components/Section.tsx';
import { Table } from '../../components/Table.tsx';
import { formatFixed, formatPct, formatSignedFixed } from '../../logic/format.ts';
import { newPeriodsTable, refreshChannelRow, refreshChartTable } from '../../logic/refresh-table.ts';

/** The rows of the side-by-side table of the two runs. */
const RUN_ROWS: readonly { key: string; label: string; value: (r: ComparedRun) => string }[] = [
  { key: 'window', label: 'Data window', value: (r) => `${r.first_date} to ${r.last_date}` },
  { key: 'periods', label: 'Periods', value: (r) => String(r.periods) },
  { key: 'r2', label: 'R²', value: (r) => formatFixed(r.r2, 3) },
  { key: 'nrmse', label: 'NRMSE', value: (r) => formatFixed(r.nrmse, 3) },
  { key: 'holdout', label: 'Holdout', value: (r) => (r.holdout === null ? 'none' : `${r.holdout.periods} periods: R² ${formatFixed(r.holdout.r2, 3)}`) },
  { key: 'baseline', label: 'Baseline share', value: (r) => formatPct(r.baseline_share) },
];

/**
 * "Changes since the previous model" of a `mixwise fit --refresh` run (summary.json `refresh`), as the
 * report shows it: the sentence, the headline, the two runs side by side, ROI before → after per
 * channel (roiComparison, the report's chart, with its data under "Show data"), the per-channel
 * table, and the new periods' own ROIs with their 90% intervals (newPeriodsTable). Nothing for an ordinary run or a malformed `refresh` (summaryRefresh).
 */
export function RefreshSection({ data }: { data: RunData }) {
  const { model, summary } = data;
  const refresh = useMemo(() => summaryRefresh(summary), [summary]);
  const kind = model.target.kind;
  const option = useMemo(() => (refresh === null || refresh.comparison.channels.length === 0 ? null : roiComparison(refresh.comparison, { kpiKind: kind })), [refresh, kind]);
  const roi = roiLabel(kind);
  const chartTable = useMemo(() => (refresh === null ? null : refreshChartTable(refresh, roi)), [refresh, roi]);
  // The new periods are this model's: its currency (the comparison's spend columns stay bare: the previous run's currency is not in summary.json).
  const newPeriods = useMemo(() => (refresh === null ? null : newPeriodsTable(refresh, roi, { money: model.money, kpiMoney: kpiMoney(model.money, kind) })), [refresh, roi, model.money, kind]);
  if (refresh === null) return null;
  const c = refresh.comparison;
  const headers = ['Channel', 'Spend/period before', 'Spend/period after', `${roi} before`, '90% interval before', `${roi} after`, '90% interval after', 'Change', 'Change %', 'Verdict'];
  return (
    <Section title="Changes since the previous model" testId="refresh-section">
      <p data-testid="refresh-sentence">{refreshSentence(refresh)}</p>
      <p data-testid="refresh-headline"><strong>{c.headline}</strong></p>
      <Table testId="table-refresh-runs" label="The previous model and this one: window and fit" rows={RUN_ROWS} rowKey={(r) => r.key} columns={[
        { key: 'what', header: '', cell: (r) => r.label },
        { key: 'a', header: `Before (${c.a.run})`, cell: (r) => r.value(c.a) },
        { key: 'b', header: 'After (this model)', cell: (r) => r.value(c.b) },
      ]} />
      <p className="muted small">Baseline share changed by {formatSignedFixed(c.baseline_share_change * 100, 1)} points.</p>
      {option !== null ? (
        <EChart name="roi-comparison" option={option} height={roiComparisonHeight(c.channels.length)} ariaLabel={`${roi} per channel before and after the refresh`}
          title={`${roi} per channel: previous model (● before) and this one (◆ after), with 90% intervals; "(intervals apart)": the two intervals do not overlap`} table={chartTable} />
      ) : null}
      <Table testId="table-refresh-channels" label={`${roi} per channel before and after the refresh`} rows={c.channels} rowKey={(ch: ComparedChannel) => ch.name}
        empty="The two models share no channel."
        columns={headers.map((h, i) => ({ key: h, header: h, numeric: i > 0 && i < 9, cell: (ch: ComparedChannel) => refreshChannelRow(ch)[i] }))} />
      {newPeriods !== null ? (
        <>
          <h3>The new periods on their own</h3>
          <p className="muted small">{newPeriods.caption}.</p>
          <Table testId="table-refresh-new-periods" label={`${roi} over the new periods only`} rows={newPeriods.rows} rowKey={(row) => row[0]}
            columns={newPeriods.columns.map((h, i) => ({ key: h, header: h, numeric: i > 0, cell: (row: readonly string[]) => row[i] }))} />
        </>
      ) : null}
      {c.only_in_a.length > 0 ? <p className="muted small">Only in the previous model: {c.only_in_a.join(', ')} (not fitted now).</p> : null}
      {c.only_in_b.length > 0 ? <p className="muted small">New in this model: {c.only_in_b.join(', ')}.</p> : null}
    </Section>
  );
}
