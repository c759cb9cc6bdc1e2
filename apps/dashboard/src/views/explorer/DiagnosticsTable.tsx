import type { DiagnosticsResult } from '@mixwise/engine';
import { Table } from '../../components/Table.tsx';
import { formatAmount, formatFixed, formatRatio, formatSignedFixed } from '../../logic/format.ts';

/** Fit metrics, residual tests with their readings, and the periods with the largest residuals. */
export function DiagnosticsTable({ diagnostics }: { diagnostics: DiagnosticsResult }) {
  const fit = [
    { name: 'In sample', m: diagnostics.inSample },
    ...(diagnostics.holdout ? [{ name: 'Holdout', m: diagnostics.holdout }] : []),
  ];
  return (
    <div className="stack-tight">
      <Table testId="table-fit" label="Fit statistics" rows={fit} rowKey={(r) => r.name} columns={[
        { key: 'n', header: '', cell: (r) => r.name },
        { key: 'p', header: 'Periods', numeric: true, cell: (r) => r.m.periods },
        { key: 'r2', header: 'R²', numeric: true, cell: (r) => formatFixed(r.m.r2, 3) },
        { key: 'nrmse', header: 'NRMSE', numeric: true, cell: (r) => formatFixed(r.m.nrmse, 3) },
        { key: 'mape', header: 'MAPE', numeric: true, cell: (r) => `${(100 * r.m.mape).toFixed(1)}%` },
      ]} />
      <Table testId="table-diagnostics" label="Residual tests" rows={diagnostics.residualTests} rowKey={(t) => t.name} rowClass={(t) => (t.flagged ? 'flagged' : undefined)} columns={[
        { key: 'name', header: 'Test', cell: (t) => t.name },
        { key: 'stat', header: 'Statistic', numeric: true, cell: (t) => formatRatio(t.statistic) },
        { key: 'p', header: 'p-value', numeric: true, cell: (t) => t.pValue.toFixed(3) },
        { key: 'read', header: 'Reading', cell: (t) => (t.flagged ? `⚠ ${t.flag}` : 'ok') },
      ]} />
      {diagnostics.largestResiduals ? <LargestResidualsTable lr={diagnostics.largestResiduals} /> : null}
    </div>
  );
}

/**
 * diagnostics.json's largestResiduals: the in-sample periods furthest from the fit in robust standard
 * deviations, with the other listed dates each recurs with at the same time of year (a likely event
 * without a column). The report's table, in the dashboard's style.
 */
function LargestResidualsTable({ lr }: { lr: NonNullable<DiagnosticsResult['largestResiduals']> }) {
  const recursWith = (date: string) => lr.recurring.find((g) => g.dates.includes(date))?.dates.filter((d) => d !== date).join(', ') ?? '';
  return (
    <Table testId="table-largest-residuals" rows={lr.periods} rowKey={(p) => p.date} rowClass={(p) => (recursWith(p.date) !== '' ? 'flagged' : undefined)} columns={[
      { key: 'date', header: 'Date', cell: (p) => p.date },
      { key: 'actual', header: 'Actual', numeric: true, cell: (p) => formatAmount(p.actual) },
      { key: 'fitted', header: 'Fitted', numeric: true, cell: (p) => formatAmount(p.fitted) },
      { key: 'z', header: 'z (robust SD)', numeric: true, cell: (p) => formatSignedFixed(p.z) },
      { key: 'recurs', header: 'Same time of year as', cell: (p) => recursWith(p.date) },
    ]} caption={`Largest residuals (≥ ${lr.threshold} robust SD from the median${lr.beyond > lr.periods.length ? `; ${lr.periods.length} of ${lr.beyond} shown` : ''}); dates recurring at the same time of year suggest an event column`}
    empty="No period is that far from the fit." />
  );
}

/** Variance inflation factors of every regressor (collinearity), flagged above 10. */
export function VifTable({ diagnostics }: { diagnostics: DiagnosticsResult }) {
  return (
    <Table testId="table-vif" rows={diagnostics.vif} rowKey={(v) => v.name} rowClass={(v) => (v.vif > 10 ? 'flagged' : undefined)} columns={[
        { key: 'name', header: 'Regressor', cell: (v) => v.name },
        { key: 'vif', header: 'VIF', numeric: true, cell: (v) => formatRatio(v.vif) },
      ]} caption="Variance inflation (above 10: hard to separate from the others)" />
  );
}
