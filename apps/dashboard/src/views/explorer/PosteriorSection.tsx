import { useMemo, useState } from 'react';
import { posteriorRoiTraces, posteriorRoiTracesHeight, roiLabel } from '@mixwise/charts';
import type { MmmModel, SummaryResult } from '@mixwise/engine';
import { EChart } from '../../components/EChart.tsx';
import { Section } from '../../components/Section.tsx';
import { Table } from '../../components/Table.tsx';
import { formatRoi } from '../../logic/format.ts';
import { essCell, flaggedParameter, posteriorView, rhatCell, type BayesPosteriorView, type RidgePosteriorView } from '../../logic/posterior-view.ts';

/** Parameters listed before "show all". */
const FIRST_ROWS = 10;

/**
 * How the fit's posterior was explored. A Bayesian fit: the convergence verdict of summary.json
 * (posterior), the sampler's checks against their limits and its warnings, the ROI prior, a trace
 * plot of each channel's ROI per chain, and every sampled parameter's posterior with its R-hat and
 * bulk ESS, worst first. A ridge fit: its ROI prior only. The words and the flags come from
 * posteriorView (logic/posterior-view.ts), in the HTML report's words.
 */
export function PosteriorSection({ model, summary }: { model: MmmModel; summary: SummaryResult }) {
  const view = useMemo(() => posteriorView(model, summary), [model, summary]);
  if (!view) return null;
  return view.kind === 'bayes' ? <BayesPosterior model={model} view={view} /> : <RidgePrior view={view} />;
}

function RidgePrior({ view }: { view: RidgePosteriorView }) {
  return (
    <Section title="ROI prior (ridge fit)" testId="posterior-section">
      <p data-testid="posterior-prior">{view.prior}</p>
      <p className="muted small" data-testid="posterior-ridge-note">{view.note}</p>
    </Section>
  );
}

function BayesPosterior({ model, view }: { model: MmmModel; view: BayesPosteriorView }) {
  const [all, setAll] = useState(false);
  const traces = useMemo(() => posteriorRoiTraces(model), [model]);
  const { rows, essLimit } = view;
  return (
    <Section title="Posterior sampling (NUTS)" testId="posterior-section">
      <p data-testid="posterior-line">
        {view.verdictText}
        {' '}<span className={view.verdict === 'converged' ? 'badge ok' : 'badge warning'} data-testid="posterior-verdict">{view.verdict}</span>
      </p>
      {view.warnings.map((w) => (
        <div key={w.code} className="banner warning" role="status" data-testid="posterior-warning" data-code={w.code}>{w.text}</div>
      ))}
      <Table testId="table-posterior-checks" label="Posterior checks" rows={view.checks} rowKey={(c) => c.key}
        rowClass={(c) => (c.status === 'fails' || c.status === 'warning' ? 'flagged' : undefined)}
        columns={[
          { key: 'check', header: 'Check', cell: (c) => c.label },
          { key: 'value', header: 'Value', numeric: true, cell: (c) => <span data-field={c.key}>{c.text}</span> },
          { key: 'limit', header: 'Limit', cell: (c) => c.limit },
          { key: 'status', header: '', cell: (c) => (c.status === null ? '' : <span className={c.status === 'ok' ? 'badge ok' : 'badge warning'}>{c.status}</span>) },
        ]} />
      {view.prior === null ? null : <p data-testid="posterior-prior">{view.prior}</p>}
      <p className="muted small" data-testid="posterior-sampler">{view.sampler}</p>
      <EChart name="posterior-roi-traces" option={traces} height={posteriorRoiTracesHeight(model)} ariaLabel={`${roiLabel(model.target.kind)} draws of each sampler chain`} />
      <p className="muted small">Each line is one chain&apos;s {roiLabel(model.target.kind)} over its stored draws. Converged chains overlap as one band; a chain apart from the others is what a high R-hat means.</p>
      <Table testId="table-posterior" label="Posterior parameters" rows={all ? rows : rows.slice(0, FIRST_ROWS)} rowKey={(p) => p.name} rowClass={(p) => (flaggedParameter(p, essLimit) ? 'flagged' : undefined)}
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
