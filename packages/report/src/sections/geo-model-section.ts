import { formatPercent, formatRatio, formatRoi, geoFit, geoResults, geoResultsHeight, roiLabel, sortGeos, type GeoResultLike } from '@mixwise/charts';
import { escapeHtml } from '../escape-html.ts';
import { amountCell, htmlTable, percentCell, roiCell, type Cell } from '../html-table.ts';
import { chartFigure, section, type SectionContext } from './section-context.ts';

/** The largest geos named in the text. */
const LARGEST = 3;

/** A geo's ROI on a channel, or undefined when it spent nothing there (null in summary.json, NaN from the engine). */
function roiOf(g: GeoResultLike, channel: string): number | undefined {
  const roi = g.channels.find((c) => c.name === channel)?.roi ?? null;
  return roi === null || !Number.isFinite(roi) ? undefined : roi;
}

/**
 * The plain-language summary of a geo-level model: how many geos, the largest geos' share of the KPI,
 * where each channel's ROI is highest and lowest, and the assumption the plans make about geos. With
 * a size column (model.panel.sizeColumn: population…) the shares are named as shares of that column.
 * @example geoModelText([...20 geos], ['tv'], 'revenue', 'ROI').startsWith('The model was fitted on 20 geos at once') // true
 */
export function geoModelText(geos: readonly GeoResultLike[], channels: readonly string[], target: string, roiName: string, sizeColumn?: string): string[] {
  const shareOf = sizeColumn ?? target;
  const sorted = sortGeos(geos);
  const top = sorted.slice(0, LARGEST);
  const topShare = top.reduce((s, g) => s + g.share, 0);
  const named = top.map((g) => `${g.name} (${formatPercent(g.share)})`);
  const largest = top.length === sorted.length
    ? `Their shares of ${shareOf}: ${named.join(', ')}.`
    : `The ${top.length} largest, ${named.join(', ')}, make ${formatPercent(topShare)} of ${shareOf}${sizeColumn === undefined ? '' : ' (the geos\' size column)'}.`;
  const lines = [`The model was fitted on ${geos.length} geos at once, with the same media curves in every geo. ${largest}`];
  const spread = channels.flatMap((c) => {
    const known = sorted.flatMap((g) => { const r = roiOf(g, c); return r === undefined ? [] : [{ geo: g.name, roi: r }]; });
    if (known.length < 2) return [];
    const hi = known.reduce((a, b) => (b.roi > a.roi ? b : a));
    const lo = known.reduce((a, b) => (b.roi < a.roi ? b : a));
    const unspent = sorted.length - known.length;
    return [`${c}: highest in ${hi.geo} (${formatRoi(hi.roi)}), lowest in ${lo.geo} (${formatRoi(lo.roi)})${unspent > 0 ? `; ${unspent} geo${unspent === 1 ? '' : 's'} with no spend` : ''}.`];
  });
  if (spread.length > 0) lines.push(`${roiName} by geo — ${spread.join(' ')} The curves are shared, so a geo's ${roiName} differs from another's only by how much it spends per unit of its size (where it sits on the curve), not by a geo-specific effectiveness.`);
  lines.push(`Assumption: the response curves and the budget plans in this report are national. A plan's budget for a channel is taken to be split across geos in proportion to their size (their share of ${sizeColumn === undefined ? target : `${sizeColumn}, the size column`}); a plan that moves spend between geos is not modelled.`);
  return lines;
}

/**
 * The geos of a geo-level model (summary.json `geos`): the ROI heatmap geo × channel and the share of
 * KPI and R² per geo as inline SVG, a paragraph in plain language (geoModelText), and a table with
 * every geo's share, KPI, fitted KPI, R² and ROI per channel (exact values in data-value; an unspent
 * channel reads "no spend"). Empty string for a national run (no `geos`).
 * @example geoModelSection(ctx).includes('data-chart="geo-roi"') // true for a geo-level run
 */
export function geoModelSection(ctx: SectionContext): string {
  const geos: readonly GeoResultLike[] | undefined = ctx.summary.geos;
  if (geos === undefined || geos.length === 0) return '';
  const kind = ctx.model.target.kind;
  const roiName = roiLabel(kind);
  const target = ctx.summary.target;
  const sizeColumn = ctx.model.panel?.sizeColumn;
  const shareOf = sizeColumn ?? target;
  const channels = ctx.model.channels.map((c) => c.name);
  const height = geoResultsHeight(geos.length);
  const rows = sortGeos(geos).map((g) => ({
    key: g.name,
    cells: [
      { text: g.name },
      percentCell(g.share, 'share'),
      amountCell(g.kpi, 'kpi'),
      amountCell(g.fitted, 'fitted'),
      g.r2 === null || !Number.isFinite(g.r2) ? { text: 'n/a', value: null, field: 'r2' } : { text: formatRatio(g.r2), value: g.r2, field: 'r2' },
      ...channels.map((c): Cell => {
        const roi = roiOf(g, c);
        return roi === undefined ? { text: 'no spend', value: null, field: `roi:${c}` } : roiCell(roi, `roi:${c}`);
      }),
    ],
  }));
  const headers = ['geo', 'share', target, 'fitted', 'R²', ...channels.map((c) => `${c} ${roiName}`)];
  const colour = kind === 'revenue' ? 'white at break-even 1, red below, blue above' : 'white at the channel\'s figure over all geos, red below, blue above';
  return section('geos', 'Geos', [
    ...geoModelText(geos, channels, target, roiName, sizeColumn).map((p) => `<p>${escapeHtml(p)}</p>`),
    // The assumption's price at today's spend, as the recommendation states it (its table is there).
    ctx.recommendation?.geoSplitNow ? `<p class="geo-split-now">${escapeHtml(ctx.recommendation.geoSplitNow.text)}</p>` : '',
    chartFigure('geo-roi', `${roiName} per geo and channel`, geoResults(geos, { kpiKind: kind }), `${roiName} per geo and channel over the window, geos largest first (share of ${shareOf} beside the name), the first row over all geos; colour ${colour}. "no spend": the geo spent nothing on the channel.`, { width: ctx.size.width, height }),
    chartFigure('geo-fit', `Share of ${sizeColumn ?? 'KPI'} and R² per geo`, geoFit(geos, { shareOf: sizeColumn ?? 'KPI' }), `Each geo's share of ${shareOf} and the R² of the model's fitted ${target} against the geo's own, period by period (the rows without the holdout).`, { width: ctx.size.width, height }),
    htmlTable(headers, rows, 'geos'),
  ].join(''));
}
