import { formatAmount, formatPercent, formatRatio, roiIntervals, roiVsSpendShare } from '@mixwise/charts';
import { escapeHtml } from '../escape-html.ts';
import { htmlTable } from '../html-table.ts';
import { chartFigure, section, type SectionContext } from './section-context.ts';

/**
 * The ROI table — spend, contribution, ROI with its 90% bootstrap interval, marginal ROI, share of
 * spend and share of effect per channel, exactly the numbers of summary.json (kept in data-value) —
 * and the ROI and spend-vs-effect charts.
 * @example roiSection(ctx).includes('data-field="roi"') // true
 */
export function roiSection(ctx: SectionContext): string {
  const { summary } = ctx;
  const rows = summary.channels.map((c) => ({
    key: c.name,
    cells: [
      { text: c.name },
      { text: formatAmount(c.spend), value: c.spend, field: 'spend' },
      { text: formatAmount(c.contribution), value: c.contribution, field: 'contribution' },
      { text: formatRatio(c.roi), value: c.roi, field: 'roi' },
      c.roi_interval !== null
        ? { text: `${formatRatio(c.roi_interval[0])} – ${formatRatio(c.roi_interval[1])}`, field: 'roi_interval' }
        : { text: 'n/a', field: 'roi_interval' },
      { text: formatRatio(c.mroi), value: c.mroi, field: 'mroi' },
      { text: formatPercent(c.share_of_spend), value: c.share_of_spend, field: 'share_of_spend' },
      { text: formatPercent(c.share_of_effect), value: c.share_of_effect, field: 'share_of_effect' },
    ],
  }));
  // A Bayesian fit's intervals are credible intervals of its posterior draws, not a bootstrap.
  const interval = summary.posterior ? '90% credible interval' : '90% bootstrap interval';
  const converged = summary.posterior && !summary.posterior.converged ? ' The sampler did not converge (see Posterior sampling), so treat the intervals with care.' : '';
  const note = `ROI = ${summary.target} attributed to the channel / its spend over the window; mROI = the extra ${summary.target} per extra unit of spend at the current level. The interval is the ${interval}.${converged}`;
  return section('roi', 'Return on investment', [
    htmlTable(['channel', 'spend', 'contribution', 'ROI', '90% interval', 'mROI', 'share of spend', 'share of effect'], rows, 'roi'),
    `<p class="note">${escapeHtml(note)}</p>`,
    chartFigure('roi-intervals', `ROI per channel with its ${interval}`, roiIntervals(summary), `ROI per channel with its ${interval}.`, ctx.size),
    chartFigure('roi-vs-spend-share', 'ROI versus share of spend', roiVsSpendShare(summary), 'Share of spend against share of effect; above the diagonal a channel returns more than its share of the budget. Bubble size: ROI.', ctx.size),
  ].join(''));
}
