import * as echarts from 'echarts';
import { formatPercent, geoMap, registerWorldMap } from '@mixwise/charts';
import { escapeHtml } from '../escape-html.ts';
import { amountCell, htmlTable } from '../html-table.ts';
import { chartFigure, section, type SectionContext } from './section-context.ts';

let registered = false;

/**
 * The KPI by geography of a run built from sources with geos (geo.json): the map (a world
 * choropleth for countries, bars for named geos without shapes) rendered to inline SVG on the
 * server, and a table of every geo with its share of the total. The world shapes are registered on
 * the server-side ECharts module the first time. Empty string when the run has no geo breakdown.
 * @example geoSection({ ...ctx, geo: { level: 'country', kpi: 'revenue', rows: [{ geo: 'US', kpi: 5 }] } }).includes('data-chart="geo-map"') // true
 */
export function geoSection(ctx: SectionContext): string {
  const geo = ctx.geo;
  if (geo === undefined) return '';
  if (!registered) {
    registerWorldMap(echarts);
    registered = true;
  }
  const total = geo.rows.reduce((s, r) => s + r.kpi, 0);
  const extra = geo.rows.some((r) => r.pipeline !== undefined) ? 'pipeline' : geo.rows.some((r) => r.spend !== undefined) ? 'spend' : undefined;
  const rows = [...geo.rows].sort((a, b) => b.kpi - a.kpi).map((r) => ({
    key: r.geo,
    cells: [
      { text: r.geo },
      ...(geo.level === 'country' ? [{ text: r.region ?? '' }] : []),
      amountCell(r.kpi, 'kpi'),
      { text: total === 0 ? 'n/a' : formatPercent(r.kpi / total), value: total === 0 ? null : r.kpi / total, field: 'share' },
      ...(extra === undefined ? [] : [amountCell(r[extra] ?? null, extra)]),
    ],
  }));
  const headers = [geo.level, ...(geo.level === 'country' ? ['region'] : []), geo.kpi, 'share', ...(extra === undefined ? [] : [extra])];
  const caption = geo.level === 'country'
    ? `${geo.kpi} by country, as recorded in the source data (not modelled per country: the model is national).`
    : `${geo.kpi} by geo, as recorded in the source data; the geos are not real places, so they are shown as bars, not on a map.`;
  return section('geo', 'By geography', [
    chartFigure('geo-map', `${geo.kpi.charAt(0).toUpperCase()}${geo.kpi.slice(1)} by ${geo.level === 'country' ? 'country' : 'geo'}`, geoMap(geo), caption, { width: ctx.size.width, height: Math.round(ctx.size.width * 0.55) }),
    htmlTable(headers, rows, 'geo'),
    `<p class="note">${escapeHtml(`Totals over ${geo.window === undefined ? 'the data' : `${geo.window.start} to ${geo.window.end}`}: the ${geo.kpi} of every ${geo.level} adds up to the national ${geo.kpi} the model was fitted on.`)}</p>`,
  ].join(''));
}
