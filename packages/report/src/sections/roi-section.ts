import { formatRoi, modelResponseCurves, roiIntervals, roiVsSpendShare } from '@mixwise/charts';
import { basisGapText } from '../basis-gap.ts';
import { BAYES_POINT_TEXT, exposureMediaText, kpiMoney, type ChannelSummary, type MoneyFormat } from '@mixwise/engine';
import { escapeHtml } from '../escape-html.ts';
import { amountCell, htmlTable, moneyRoiCell, percentCell, roiCell, type Cell } from '../html-table.ts';
import { chartFigure, section, type SectionContext } from './section-context.ts';

/**
 * The ROI table — spend, contribution, ROI with its 90% interval, marginal ROI over the actual spend and
 * at a steady spend (the response curve's slope; a note sizes large gaps between the two), for a count KPI the CPA,
 * share of spend and share of effect per channel: the values of summary.json (exact in data-value),
 * formatted as the CLI prints them (ROI, mROI and CPA keep 2 significant digits below 0.1) — and the
 * ROI and spend-vs-effect charts; a note names the channels modelled on exposure (exposureMediaText).
 * @example roiSection(ctx).includes('data-field="roi"') // true
 */
export function roiSection(ctx: SectionContext): string {
  const { summary } = ctx;
  const count = ctx.model.target.kind === 'count';
  const { money } = ctx.model;
  // The response curves' slope at the current mean spend: the steady-state figure the curves chart shows.
  const steady = new Map(modelResponseCurves(ctx.model).map((c) => [c.channel, c.current.marginal]));
  const rows = summary.channels.map((c) => ({
    key: c.name,
    cells: [
      { text: c.name },
      amountCell(c.spend, 'spend', money),
      amountCell(c.contribution, 'contribution', kpiMoney(money, ctx.model.target.kind)),
      roiCell(c.roi, 'roi'),
      c.roi_interval !== null
        ? { text: `${formatRoi(c.roi_interval[0])} – ${formatRoi(c.roi_interval[1])}`, field: 'roi_interval' }
        : { text: 'n/a', field: 'roi_interval' },
      roiCell(c.mroi, 'mroi'),
      steady.has(c.name) ? roiCell(steady.get(c.name) ?? NaN, 'mroi_steady') : { text: 'n/a', field: 'mroi_steady' },
      ...(count ? [cpaCell(c, money)] : []),
      percentCell(c.share_of_spend, 'share_of_spend'),
      percentCell(c.share_of_effect, 'share_of_effect'),
    ],
  }));
  // A Bayesian fit's intervals are credible intervals of its posterior draws, not a bootstrap.
  const interval = summary.posterior ? '90% credible interval' : '90% bootstrap interval';
  const converged = summary.posterior && !summary.posterior.converged ? ' The sampler did not converge (see Posterior sampling), so treat the intervals with care.' : '';
  const cpa = count ? ` CPA = spend / ${summary.target} attributed to the channel (n/a when the channel is credited with none).` : '';
  // A count KPI's "ROI" is KPI units per unit of spend: named so, as the CLI's table does.
  const roiName = count ? 'KPI per spend' : 'ROI';
  const gaps = basisGapText(summary.channels.filter((c) => steady.has(c.name)).map((c) => ({ channel: c.name, actual: c.mroi, steady: steady.get(c.name) ?? NaN })), 'marginal ROI', 'on the response curves');
  const note = `${roiName} = ${summary.target} attributed to the channel / its spend over the window; mROI (actual spend) = the extra ${summary.target} per extra unit of spend, over the window's spend as it actually ran; `
    + `mROI (steady spend) = the same at a steady spend of the same mean per period, the slope of the response curve at its dot.${gaps}${cpa} The interval is the ${interval}.${summary.posterior ? ` ${BAYES_POINT_TEXT}.` : ''}${converged}`;
  // Channels modelled on exposure: which, and at what average cost per 1,000 their exposure became money.
  const exposure = exposureMediaText(summary.channels);
  const headers = ['channel', 'spend', 'contribution', roiName, '90% interval', 'mROI (actual spend)', 'mROI (steady spend)', ...(count ? ['CPA'] : []), 'share of spend', 'share of effect'];
  return section('roi', 'Return on investment', [
    htmlTable(headers, rows, 'roi'),
    `<p class="note">${escapeHtml(note)}</p>`,
    ...(exposure === null ? [] : [`<p class="note" data-field="media">${escapeHtml(exposure)}.</p>`]),
    chartFigure('roi-intervals', `${roiName} per channel with its ${interval}`, roiIntervals(summary), `${roiName} per channel with its ${interval}.`, ctx.size),
    chartFigure('roi-vs-spend-share', `${roiName} versus share of spend`, roiVsSpendShare(summary), `Share of spend against share of effect; above the diagonal a channel returns more than its share of the budget. Bubble size: ${roiName}.`, ctx.size),
  ].join(''));
}

/** A count KPI's cost per KPI unit (summary.json cpa), n/a when the channel is credited with no KPI (cpa null). */
function cpaCell(c: ChannelSummary, money: MoneyFormat | undefined): Cell {
  return c.cpa === null ? { text: 'n/a', value: null, field: 'cpa' } : moneyRoiCell(c.cpa, 'cpa', money);
}
