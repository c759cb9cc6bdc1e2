import type { RoiLabel } from '@mixwise/charts';
import type { FrontierPoint } from '@mixwise/engine';
import { Table } from '../../components/Table.tsx';
import { formatCompact, formatPct, formatRoi } from '../../logic/format.ts';
import { scenarioInfeasibleLabel } from '../../logic/infeasible-text.ts';

const NAMES = ['Conservative', 'Current', 'Aggressive'];

/** The three scenarios' budgets, predicted KPI, lift and returns; the caption says which curves. */
export function ScenarioTable({ points, kpi, roiName, caption }: { points: readonly FrontierPoint[]; kpi: string; roiName: RoiLabel; caption: string }) {
  return (
    <Table testId="scenario-table" caption={caption} rows={points} rowKey={(_, i) => NAMES[i]} columns={[
      { key: 'name', header: 'Scenario', cell: (_, i) => `${NAMES[i] ?? ''} (${formatPct(points[i].level)})` },
      { key: 'budget', header: 'Budget', numeric: true, cell: (p) => formatCompact(p.budget) },
      { key: 'kpi', header: `Predicted ${kpi}`, numeric: true, cell: (p) => (p.result.feasible ? formatCompact(p.result.expected.recommended) : '—') },
      { key: 'lift', header: 'vs today', numeric: true, cell: (p) => (p.result.feasible ? formatPct(p.result.expected.liftShare, true) : scenarioInfeasibleLabel(p.result)) },
      { key: 'roi', header: roiName, numeric: true, cell: (p) => (p.result.feasible && p.result.budget > 0 ? formatRoi(p.result.media.recommended / p.result.budget) : '—') },
      { key: 'mroi', header: 'mROI', numeric: true, cell: (p) => (p.result.feasible ? formatRoi(p.result.multiplier) : '—') },
    ]} />
  );
}
