import type { RoiLabel } from '@mixwise/charts';
import type { FrontierPoint, MoneyFormat } from '@mixwise/engine';
import { Table } from '../../components/Table.tsx';
import { formatCompact, formatPct, formatRoi } from '../../logic/format.ts';
import { scenarioInfeasibleLabel } from '../../logic/infeasible-text.ts';
import { SCENARIO_NAMES, SCENARIO_NOTE, scenarioRowLabel } from '../../logic/scenario-names.ts';

/**
 * The three scenarios' budgets, predicted KPI, lift and returns; the caption says which curves, the note what a row is.
 * Budgets in the model's currency (`money`), the predicted KPI in it only for revenue (`kpiMoney`).
 */
export function ScenarioTable({ points, kpi, roiName, caption, money, kpiMoney }: { points: readonly FrontierPoint[]; kpi: string; roiName: RoiLabel; caption: string; money?: MoneyFormat | undefined; kpiMoney?: MoneyFormat | undefined }) {
  return (
    <>
    <Table testId="scenario-table" caption={caption} rows={points} rowKey={(_, i) => SCENARIO_NAMES[i]} columns={[
      { key: 'name', header: 'Scenario', cell: (_, i) => scenarioRowLabel(i, points[i].level) },
      { key: 'budget', header: 'Budget', numeric: true, cell: (p) => formatCompact(p.budget, money) },
      { key: 'kpi', header: `Predicted ${kpi}`, numeric: true, cell: (p) => (p.result.feasible ? formatCompact(p.result.expected.recommended, kpiMoney) : '—') },
      { key: 'lift', header: 'vs today', numeric: true, cell: (p) => (p.result.feasible ? formatPct(p.result.expected.liftShare, true) : scenarioInfeasibleLabel(p.result)) },
      { key: 'roi', header: `${roiName} (steady state)`, numeric: true, cell: (p) => (p.result.feasible && p.result.budget > 0 ? formatRoi(p.result.media.recommended / p.result.budget) : '—') },
      { key: 'mroi', header: 'mROI (steady state)', numeric: true, cell: (p) => (p.result.feasible ? formatRoi(p.result.multiplier) : '—') },
    ]} />
    <p className="muted small" data-testid="scenario-note">{SCENARIO_NOTE}</p>
    </>
  );
}
