import { useMemo, useState } from 'react';
import { paretoFront, roiLabel } from '@mixwise/charts';
import type { MmmModel, SummaryResult } from '@mixwise/engine';
import { EChart } from '../../components/EChart.tsx';
import { Section } from '../../components/Section.tsx';
import { Table } from '../../components/Table.tsx';
import { withSelectedPoint } from '../../charts-local/with-selected-point.ts';
import { formatRoi } from '../../logic/format.ts';
import { specText } from '../../logic/spec-text.ts';

/** The search's Pareto front; click a point (or pick from the list) to compare that alternative's ROIs with the chosen model's. */
export function ParetoSection({ model, summary }: { model: MmmModel; summary: SummaryResult }) {
  const pareto = model.search.pareto;
  const roiName = roiLabel(model.target.kind);
  const [selected, setSelected] = useState(0);
  const base = useMemo(() => paretoFront(model), [model]);
  const option = useMemo(() => {
    const series = Array.isArray(base.series) ? base.series : [];
    const data = (series[0] as { data?: { value: [unknown, unknown, number] }[] } | undefined)?.data ?? [];
    const point = data[selected]?.value;
    return withSelectedPoint(base, point ? [point[0], point[1]] : null);
  }, [base, selected]);
  const alt = pareto[selected];
  const chosenRoi = new Map(summary.channels.map((c) => [c.name, c.roi]));
  const chosenLambda = model.search.chosen.lambda;
  const onClick = (p: unknown) => {
    const v = (p as { seriesName?: string; value?: unknown[] }).value;
    if ((p as { seriesName?: string }).seriesName === 'alternatives' && Array.isArray(v) && typeof v[2] === 'number') setSelected(v[2]);
  };

  return (
    <Section title={`Search: Pareto front (${pareto.length} alternatives; ◆ = chosen)`} actions={pareto.length > 0 ? (
      <label className="inline">Alternative
        <select value={selected} onChange={(e) => setSelected(Number(e.currentTarget.value))} data-testid="pareto-select">
          {pareto.map((p, k) => <option key={k} value={k}>#{k + 1} · score {p.score.toFixed(3)}</option>)}
        </select>
      </label>
    ) : undefined}>
      <div className="grid-2 tight">
        <EChart name="pareto" option={option} height={340} events={{ click: onClick }} ariaLabel="Pareto front of the model search" />
        {alt ? (
          <div>
            <p className="muted small">Alternative #{selected + 1}: score {alt.score.toFixed(4)}, ridge λ {alt.lambda.toPrecision(3)}{chosenLambda === undefined ? '' : ` (chosen model: λ ${chosenLambda.toPrecision(3)})`}.</p>
            <Table testId="pareto-alternative" label="Channels of the chosen alternative" rows={alt.channels} rowKey={(c) => c.name} columns={[
              { key: 'name', header: 'Channel', cell: (c) => c.name },
              { key: 'roi', header: `${roiName} (alternative)`, numeric: true, cell: (c) => formatRoi(c.roi) },
              { key: 'chosen', header: `${roiName} (chosen)`, numeric: true, cell: (c) => formatRoi(chosenRoi.get(c.name) ?? null) },
              { key: 'ad', header: 'Adstock', cell: (c) => specText(c.adstock) },
              { key: 'sat', header: 'Saturation', cell: (c) => specText(c.saturation) },
            ]} />
          </div>
        ) : <p className="muted">The search kept no alternatives.</p>}
      </div>
      {/* How the chosen model (◆) was picked: about the default model, not the selected alternative. */}
      <p className="muted small" data-testid="selection-rule">How the chosen model (◆) was picked: {model.search.selectionRule}</p>
    </Section>
  );
}
