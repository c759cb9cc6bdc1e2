import { roiLabel } from '@mixwise/charts';
import type { RunData } from '../../state/run-data.ts';
import { Section } from '../../components/Section.tsx';
import { Table } from '../../components/Table.tsx';
import { formatRoi } from '../../logic/format.ts';
import { rangeText, roiRowAmounts, roiRows, roiRowsNote } from '../../logic/roi-rows.ts';

/** Each channel's historical return and its 90% range, readable without opening a chart's data (return first: on a phone the table scrolls sideways). */
export function RoiTableSection({ data }: { data: RunData }) {
  const { summary, model } = data;
  const roiName = roiLabel(model.target.kind);
  const rows = roiRows(summary);
  const kind = summary.posterior ? 'credible' : 'bootstrap';
  // Spend in the run's currency; the attributed KPI too when it is revenue, never for a count.
  const units = { money: model.money, kind: model.target.kind };
  return (
    <Section title={`${roiName} by channel`} testId="roi-table-section">
      <Table testId="table-roi" label={`${roiName} per channel with its 90% range`} rows={rows} rowKey={(r) => r.channel}
        rowClass={(r) => (r.reachesZero ? 'unsettled' : undefined)} columns={[
          { key: 'channel', header: 'Channel', cell: (r) => r.channel },
          { key: 'roi', header: `${roiName} (historical)`, numeric: true, cell: (r) => formatRoi(r.roi) },
          { key: 'range', header: '90% range', numeric: true, cell: (r) => (
            <span className="roi-range" data-testid={`roi-range-${r.channel}`}>{rangeText(r.interval)}{r.reachesZero ? <span className="badge warning range-zero">reaches 0</span> : null}</span>
          ) },
          { key: 'mroi', header: 'mROI (historical)', numeric: true, cell: (r) => formatRoi(r.mroi) },
          { key: 'spend', header: 'Spend', numeric: true, cell: (r) => roiRowAmounts(r, units).spend },
          { key: 'contribution', header: `Attributed ${summary.target}`, numeric: true, cell: (r) => roiRowAmounts(r, units).contribution },
        ]} />
      <p className="muted small" data-testid="roi-table-note">{roiRowsNote(rows, roiName, kind, summary.target)} Spend and {summary.target} are totals over the modelling window.</p>
    </Section>
  );
}
