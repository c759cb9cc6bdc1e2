import { useMemo, useState } from 'react';
import { posteriorRoiTraces, posteriorRoiTracesHeight } from '@mixwise/charts';
import type { MmmModel, PosteriorSummary } from '@mixwise/engine';
import { EChart } from '../../components/EChart.tsx';
import { Section } from '../../components/Section.tsx';
import { Table } from '../../components/Table.tsx';
import { formatRoi } from '../../logic/format.ts';
import { essCell, flaggedParameter, posteriorView, rhatCell } from '../../logic/posterior-view.ts';

/** Parameters listed before "show all". */
const FIRST_ROWS = 10;

/**
 * How the Bayesian fit's sampler ran: the convergence verdict of summary.json (posterior), a trace
 * plot of each channel's ROI per chain, and every sampled parameter's posterior with its R-hat and
 * bulk ESS, worst first. The words and the flags come from posteriorView (logic/posterior-view.ts).
 */
export function PosteriorSection({ model, posterior }: { model: MmmModel; posterior: PosteriorSummary }) {
  const [all, setAll] = useState(false);
  const traces = useMemo(() => (model.bayes ? posteriorRoiTraces(model) : null), [model]);
  const view = useMemo(() => posteriorView(model, posterior), [model, posterior]);
  if (!view || !traces) return null;
  const { rows, essLimit } = view;
  return (
    <Section title="Posterior sampling (NUTS)" testId="posterior-section">
      <p className="muted" data-testid="posterior-line">
        {view.line}
        {' '}<span className={view.verdict === 'converged' ? 'badge ok' : 'badge warning'} data-testid="posterior-verdict">{view.verdict}</span>
      </p>
      {view.banner === null ? null : (
        <div className="banner warning" role="status">{view.banner}</div>
      )}
      <EChart name="posterior-roi-traces" option={traces} height={posteriorRoiTracesHeight(model)} ariaLabel="ROI draws of each sampler chain" />
      <p className="muted small">Each line is one chain&apos;s ROI over its stored draws. Converged chains overlap as one band; a chain apart from the others is what a high R-hat means.</p>
      <Table testId="table-posterior" rows={all ? rows : rows.slice(0, FIRST_ROWS)} rowKey={(p) => p.name} rowClass={(p) => (flaggedParameter(p, essLimit) ? 'flagged' : undefined)}
        caption={view.caption}
        columns={[
          { key: 'name', header: 'Parameter', cell: (p) => p.name },
          { key: 'mean', header: 'Mean', numeric: true, cell: (p) => formatRoi(p.mean) },
          { key: 'sd', header: 'SD', numeric: true, cell: (p) => formatRoi(p.sd) },
          { key: 'int', header: '90% interval', numeric: true, cell: (p) => `${formatRoi(p.q05)} – ${formatRoi(p.q95)}` },
          { key: 'rhat', header: 'R-hat', numeric: true, cell: rhatCell },
          { key: 'ess', header: 'Bulk ESS', numeric: true, cell: essCell },
        ]} />
      {rows.length > FIRST_ROWS ? (
        <button type="button" className="secondary" data-testid="posterior-show-all" onClick={() => setAll(!all)}>{all ? 'Show the worst 10' : `Show all ${rows.length} parameters`}</button>
      ) : null}
    </Section>
  );
}
