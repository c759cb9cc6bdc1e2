import { useMemo, useState } from 'react';
import { posteriorRoiTraces, posteriorRoiTracesHeight } from '@mixwise/charts';
import { convergenceFailures, higherTargetAccept, ESS_PER_CHAIN_MIN, RHAT_LIMIT, type BayesParameterSummary, type MmmModel, type PosteriorSummary } from '@mixwise/engine';
import { EChart } from '../../components/EChart.tsx';
import { Section } from '../../components/Section.tsx';
import { Table } from '../../components/Table.tsx';
import { formatRoi } from '../../logic/format.ts';

/** Parameters listed before "show all". */
const FIRST_ROWS = 10;

/**
 * How the Bayesian fit's sampler ran: the convergence verdict of summary.json (posterior), a trace
 * plot of each channel's ROI per chain, and every sampled parameter's posterior with its R-hat and
 * bulk ESS, worst first.
 */
export function PosteriorSection({ model, posterior }: { model: MmmModel; posterior: PosteriorSummary }) {
  const [all, setAll] = useState(false);
  const traces = useMemo(() => posteriorRoiTraces(model), [model]);
  const b = model.bayes;
  const essLimit = ESS_PER_CHAIN_MIN * posterior.chains;
  const rows = useMemo(() => [...(b?.parameters ?? [])].sort((x, y) => rank(y) - rank(x)), [b]);
  if (!b) return null;
  // A non-finite R-hat (chains stuck apart, or a parameter that never moved) is never shown as the finite maximum.
  const stuck = posterior.stuck_parameters ?? [];
  const maxRhat = stuck.length > 0 ? 'not finite' : posterior.max_rhat.toFixed(3);
  const words = {
    rhat: stuck.length > 0 ? `R-hat not finite for ${stuck.map((p) => p.name).join(', ')} (chains stuck apart or not moving)` : `R-hat up to ${maxRhat} (chains disagree)`,
    ess: `effective sample size down to ${Math.round(posterior.min_ess)} (below ${essLimit})`,
    divergences: `${posterior.divergences} divergent transition${posterior.divergences === 1 ? '' : 's'}`,
  };
  const why = convergenceFailures(posterior).map((f) => words[f]);
  const higher = posterior.divergences > 0 ? higherTargetAccept(posterior.target_accept ?? b.targetAccept) : undefined;
  const flagged = (p: BayesParameterSummary) => p.rhat >= RHAT_LIMIT || p.ess < essLimit;
  return (
    <Section title="Posterior sampling (NUTS)" testId="posterior-section">
      <p className="muted" data-testid="posterior-line">
        {b.chains} chains × {b.draws.toLocaleString('en-US')} draws after {b.warmup.toLocaleString('en-US')} warm-up · max R-hat {maxRhat} ·
        min bulk ESS {Math.round(posterior.min_ess).toLocaleString('en-US')} · {posterior.divergences} divergences · {b.treeDepthHits} tree-depth hits · {b.metric ?? 'diag'} metric, step sizes {b.stepSizes.map((e) => e.toPrecision(2)).join(' / ')}
        {' '}{posterior.converged ? <span className="badge ok" data-testid="posterior-verdict">converged</span> : <span className="badge warning" data-testid="posterior-verdict">not converged</span>}
      </p>
      {posterior.converged ? null : (
        <div className="banner warning" role="status">
          The chains have not converged: {why.join('; ')}. The credible intervals may be too narrow or in the wrong place.
          Fit again with more warm-up and draws{higher !== undefined ? `, a higher target acceptance (${higher}: smaller steps against divergences)` : ''}, or a simpler model (fewer channels, one adstock family).
        </div>
      )}
      <EChart name="posterior-roi-traces" option={traces} height={posteriorRoiTracesHeight(model)} ariaLabel="ROI draws of each sampler chain" />
      <p className="muted small">Each line is one chain&apos;s ROI over its stored draws. Converged chains overlap as one band; a chain apart from the others is what a high R-hat means.</p>
      <Table testId="table-posterior" rows={all ? rows : rows.slice(0, FIRST_ROWS)} rowKey={(p) => p.name} rowClass={(p) => (flagged(p) ? 'flagged' : undefined)}
        caption={`Sampled parameters on the sampler's unconstrained scale (log ROI, logit of each curve parameter's range, log σ), worst R-hat first; flagged: R-hat ≥ ${RHAT_LIMIT} or ESS below ${essLimit}`}
        columns={[
          { key: 'name', header: 'Parameter', cell: (p) => p.name },
          { key: 'mean', header: 'Mean', numeric: true, cell: (p) => formatRoi(p.mean) },
          { key: 'sd', header: 'SD', numeric: true, cell: (p) => formatRoi(p.sd) },
          { key: 'int', header: '90% interval', numeric: true, cell: (p) => `${formatRoi(p.q05)} – ${formatRoi(p.q95)}` },
          { key: 'rhat', header: 'R-hat', numeric: true, cell: (p) => (Number.isFinite(p.rhat) ? p.rhat.toFixed(3) : '–') },
          { key: 'ess', header: 'Bulk ESS', numeric: true, cell: (p) => (Number.isFinite(p.ess) ? Math.round(p.ess).toLocaleString('en-US') : '–') },
        ]} />
      {rows.length > FIRST_ROWS ? (
        <button type="button" className="secondary" data-testid="posterior-show-all" onClick={() => setAll(!all)}>{all ? 'Show the worst 10' : `Show all ${rows.length} parameters`}</button>
      ) : null}
    </Section>
  );
}

/** Sort key: R-hat, with a non-finite one (a constant coordinate) last. */
function rank(p: BayesParameterSummary): number {
  return Number.isFinite(p.rhat) ? p.rhat : 0;
}
