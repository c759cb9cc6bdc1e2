import { contributionWaterfall, contributionsOverTime, formatAmount } from '@mixwise/charts';
import { centredControls, centredControlsText, interceptText, kpiMoney } from '@mixwise/engine';
import { escapeHtml } from '../escape-html.ts';
import { amountCell, htmlTable, percentCell } from '../html-table.ts';
import { chartFigure, section, type SectionContext } from './section-context.ts';

/**
 * Where the KPI comes from: the waterfall (baseline, each channel, total), the stacked contributions
 * over time, and the baseline split into its parts (organic media by name); controls measured against their mean (engine
 * centredControls) are said to sum to 0 by construction, with the range of their effect per period.
 * @example decompositionSection(ctx).includes('data-chart="contribution-waterfall"') // true
 */
export function decompositionSection(ctx: SectionContext): string {
  const { summary, model } = ctx;
  const fitted = summary.totals.fitted;
  // Contributions are KPI amounts: in the model's currency when the KPI is revenue.
  const money = kpiMoney(model.money, model.target.kind);
  const centred = centredControls(model, ctx.decomposition);
  const allCentred = centred.length > 0 && centred.length === ctx.decomposition.components.filter((c) => c.group === 'control').length;
  // Controls measured against their mean sum to 0 over the fitted rows by construction: a bare '0.00' would read as "no effect".
  // Organic media are baseline terms measured against zero exposure: name them, as the group name alone says little.
  const organic = (summary.organic ?? []).map((o) => o.name);
  const label = (name: string): string => (name === 'organic'
    ? `baseline: organic media (${organic.join(', ')}; against zero exposure, no spend)`
    : `baseline: ${name}${name === 'control' && allCentred ? ' (centred on its mean; see below)' : ''}`);
  const amount = (name: string, v: number): string => (name === 'control' && allCentred && Math.abs(v) <= 1e-9 * Math.abs(fitted) ? '0 by construction' : formatAmount(v, money));
  const rows = [
    ...Object.entries(summary.baseline.components).map(([name, v]) => ({ key: name, cells: [{ text: label(name) }, { text: amount(name, v), value: v, field: 'contribution' }, percentCell(v / fitted, 'share')] })),
    ...summary.channels.map((c) => ({ key: c.name, cells: [{ text: c.name }, amountCell(c.contribution, 'contribution', money), percentCell(c.contribution / fitted, 'share')] })),
    { key: 'total', cells: [{ text: 'total (fitted)' }, amountCell(fitted, 'contribution', money), percentCell(1, 'share')] },
  ];
  return section('decomposition', 'Decomposition', [
    chartFigure('contribution-waterfall', 'Waterfall of contributions', contributionWaterfall(summary), `The fitted ${summary.target} over the window: baseline, then each channel's contribution, to the total.`, ctx.size),
    chartFigure('contributions-over-time', 'Stacked contributions over time', contributionsOverTime(model, ctx.decomposition), `Fitted ${summary.target} per period split into baseline and channels.`, ctx.size),
    htmlTable(['component', `contribution (${summary.target})`, 'share of fitted'], rows, 'decomposition'),
    centred.length > 0 ? `<p class="note" data-note="centred-controls">${escapeHtml(centredControlsText(centred, summary.target))} ${escapeHtml(interceptText(model, centred))}</p>` : '',
  ].join(''));
}
