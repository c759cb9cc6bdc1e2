import type { DiagnosticsResult } from '@mixwise/engine';
import { Table } from '../../components/Table.tsx';
import { formatRatio } from '../../logic/format.ts';

/** Fit metrics and residual tests with their readings. */
export function DiagnosticsTable({ diagnostics }: { diagnostics: DiagnosticsResult }) {
  const fit = [
    { name: 'In sample', m: diagnostics.inSample },
    ...(diagnostics.holdout ? [{ name: 'Holdout', m: diagnostics.holdout }] : []),
  ];
  return (
    <div className="stack-tight">
      <Table testId="table-fit" rows={fit} rowKey={(r) => r.name} columns={[
        { key: 'n', header: '', cell: (r) => r.name },
        { key: 'p', header: 'Periods', numeric: true, cell: (r) => r.m.periods },
        { key: 'r2', header: 'R²', numeric: true, cell: (r) => r.m.r2.toFixed(3) },
        { key: 'nrmse', header: 'NRMSE', numeric: true, cell: (r) => r.m.nrmse.toFixed(3) },
        { key: 'mape', header: 'MAPE', numeric: true, cell: (r) => `${(100 * r.m.mape).toFixed(1)}%` },
      ]} />
      <Table testId="table-diagnostics" rows={diagnostics.residualTests} rowKey={(t) => t.name} rowClass={(t) => (t.flagged ? 'flagged' : undefined)} columns={[
        { key: 'name', header: 'Test', cell: (t) => t.name },
        { key: 'stat', header: 'Statistic', numeric: true, cell: (t) => formatRatio(t.statistic) },
        { key: 'p', header: 'p-value', numeric: true, cell: (t) => t.pValue.toFixed(3) },
        { key: 'read', header: 'Reading', cell: (t) => (t.flagged ? `⚠ ${t.flag}` : 'ok') },
      ]} />
    </div>
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
