import { posteriorDiagnostics, roiPriorSentence } from '@mixwise/engine';
import { escapeHtml } from '../escape-html.ts';
import { htmlTable } from '../html-table.ts';
import { section, type SectionContext } from './section-context.ts';

/**
 * A Bayesian fit's sampler in figures (summary.json `posterior` and `roi_prior`, with the warm-up and
 * metric from model.bayes): chains, draws, max R-hat, min bulk ESS, divergences, tree-depth hits, the
 * ROI prior it used and the verdict, each against its limit, so a reader of the report alone can see
 * why it did or did not converge. The words come from the engine's posteriorDiagnostics and
 * roiPriorSentence, which the dashboard's model explorer shows too. Rendered only for a Bayesian fit.
 * @example posteriorSection(ctx).includes('data-field="max_rhat"') // true
 */
export function posteriorSection(ctx: SectionContext): string {
  const p = ctx.summary.posterior;
  if (!p) return '';
  const d = posteriorDiagnostics(p, ctx.model.bayes);
  const rows = d.checks.map((c) => ({
    key: c.key,
    cells: [
      { text: c.label },
      { text: c.text, value: c.value, field: c.key },
      { text: c.limit },
      { text: c.status ?? '', className: c.status === 'fails' || c.status === 'warning' ? 'warning' : undefined },
    ],
  }));
  // The sampler's warnings (why, and what to try) stand under Fit with the fit's other warnings.
  const verdict = d.converged ? d.verdict : `${d.verdict} The warnings under Fit say why and what to try.`;
  const prior = roiPriorSentence(ctx.summary, ctx.model) ?? '';
  return section('posterior', 'Posterior sampling', [
    `<p class="${d.converged ? 'note' : 'warning'}" data-field="converged" data-value="${d.converged ? 1 : 0}">${escapeHtml(verdict)}</p>`,
    htmlTable(['check', 'value', 'limit', ''], rows, 'posterior'),
    `<p class="note">${escapeHtml(`${prior} ${d.sampler}`.trim())}</p>`,
  ].join(''));
}
