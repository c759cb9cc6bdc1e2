import { convergenceFailures, treeDepthShare, RHAT_LIMIT, ESS_PER_CHAIN_MIN } from '@mixwise/engine';
import { formatPercent, formatSignificant } from '@mixwise/charts';
import { escapeHtml } from '../escape-html.ts';
import { htmlTable } from '../html-table.ts';
import { section, type SectionContext } from './section-context.ts';

/**
 * A Bayesian fit's sampler in figures (summary.json `posterior` and `roi_prior`, with the warm-up and
 * metric from model.bayes): chains, draws, max R-hat, min bulk ESS, divergences, tree-depth hits, the
 * ROI prior it used and the verdict, each against its limit, so a reader of the report alone can see
 * why it did or did not converge. Rendered only for a Bayesian fit.
 * @example posteriorSection(ctx).includes('data-field="max_rhat"') // true
 */
export function posteriorSection(ctx: SectionContext): string {
  const p = ctx.summary.posterior;
  if (!p) return '';
  const b = ctx.model.bayes;
  const failures = new Set(convergenceFailures(p));
  const stuck = p.stuck_parameters ?? [];
  const essLimit = ESS_PER_CHAIN_MIN * p.chains;
  const row = (key: string, label: string, text: string, value: number | null, limit: string, ok: boolean | null) => ({
    key,
    cells: [
      { text: label },
      { text, value, field: key },
      { text: limit },
      { text: ok === null ? '' : ok ? 'ok' : 'fails', className: ok === false ? 'warning' : undefined },
    ],
  });
  const n = p.chains * p.draws;
  const rows = [
    row('chains', 'chains × draws (after warm-up)', `${p.chains} × ${p.draws}${b ? ` (warm-up ${b.warmup})` : ''}`, n, '', null),
    row('max_rhat', 'max R-hat', stuck.length > 0 ? 'not finite' : p.max_rhat.toFixed(3), p.max_rhat, `< ${RHAT_LIMIT}`, !failures.has('rhat')),
    row('min_ess', 'min bulk ESS', formatSignificant(p.min_ess, 3), p.min_ess, `≥ ${essLimit} (${ESS_PER_CHAIN_MIN} per chain)`, !failures.has('ess')),
    row('divergences', 'divergent transitions', String(p.divergences), p.divergences, '0', !failures.has('divergences')),
    ...(p.tree_depth_hits === undefined ? [] : [row('tree_depth_hits', `transitions at the tree-depth limit (${2 ** (p.max_tree_depth ?? 10)} steps)`,
      `${p.tree_depth_hits} (${formatPercent(treeDepthShare(p))})`, p.tree_depth_hits, 'few (above 10% the sampler is inefficient)', null)]),
  ];
  const prior = ctx.summary.roi_prior;
  const sources = { given: 'given', default: 'the default', 'data-scaled': 'weak, scaled to the data (the fit had none)' };
  const priorText = prior === null ? 'ROI prior: not recorded (a model written before it was).'
    : `ROI prior: log-normal with median ${formatSignificant(prior.median, 3)} and σ of log ROI ${prior.sd_log}${prior.source ? `, ${sources[prior.source]}` : ''}.`
      + (ctx.summary.roi_prior_note !== null ? ` ${ctx.summary.roi_prior_note}.` : '');
  const stuckText = stuck.length > 0
    ? ` R-hat is not finite for ${stuck.map((s) => `${s.name} (${s.reason === 'chains-apart' ? 'chains stuck at different values' : 'did not move'})`).join(', ')}.`
    : '';
  const verdict = p.converged
    ? 'The chains converged: the ROI intervals are 90% credible intervals of the posterior.'
    : `The chains did not converge, so treat the intervals with care (see the warnings under Fit).${stuckText}`;
  const sampler = b ? ` NUTS, ${b.metric ?? 'diag'} metric, target acceptance ${p.target_accept ?? 0.8}.` : '';
  return section('posterior', 'Posterior sampling', [
    `<p class="${p.converged ? 'note' : 'warning'}" data-field="converged" data-value="${p.converged ? 1 : 0}">${escapeHtml(verdict)}</p>`,
    htmlTable(['check', 'value', 'limit', ''], rows, 'posterior'),
    `<p class="note">${escapeHtml(`${priorText}${sampler}`)}</p>`,
  ].join(''));
}
