import type { EChartsOption } from 'echarts';
import { naturalCompare } from '@mixwise/engine';
import { baseOption } from './base-option.ts';
import { formatAmount, formatCompact } from './format.ts';
import { COLORS } from './palette.ts';
import { ISO_3166_ALPHA2_TO_NUMERIC, WORLD_MAP, worldMapName } from './world-geojson.ts';

/** The parts of a geo breakdown (geo.json, @mixwise/contracts GeoBreakdown) the map reads. */
export interface GeoMapInput {
  readonly level: 'country' | 'geo';
  readonly kpi: string;
  readonly window?: { readonly start: string; readonly end: string };
  readonly rows: readonly { readonly geo: string; readonly region?: string; readonly kpi: number }[];
}

/** Knobs of geoMap. */
export interface GeoMapOptions {
  /** Chart title (default "<KPI> by country" or "<KPI> by geo …"). */
  readonly title?: string;
}

/** Light → dark blue ramp of the choropleth. */
export const GEO_RAMP: readonly string[] = ['#deebf7', '#9ecae1', '#4292c6', '#08519c'];

const label = (kpi: string): string => kpi.charAt(0).toUpperCase() + kpi.slice(1);

/**
 * A geography breakdown as a chart. Level 'country': a world choropleth (series type 'map' on the
 * map registered by registerWorldMap, one data item per country named as on the map, value = the
 * KPI, coloured by a continuous visualMap from 0 to the largest value); a row whose code is not an
 * ISO 3166-1 alpha-2 code or has no shape at 1:110m is not dropped silently but listed with its value
 * in the subtitle. Level 'geo' (areas without real shapes, e.g. Meridian's Geo0): a horizontal bar
 * chart of the KPI by geo, largest at the top, and the title says there is no map.
 * @param breakdown geo.json of a run
 * @param options title
 * @returns the ECharts option
 * @example geoMap({ level: 'country', kpi: 'revenue', rows: [{ geo: 'US', kpi: 5 }] }).series[0].data // [{ name: 'United States of America', value: 5, code: 'US' }]
 */
export function geoMap(breakdown: GeoMapInput, options: GeoMapOptions = {}): EChartsOption {
  return breakdown.level === 'country' ? countryMap(breakdown, options) : geoBars(breakdown, options);
}

function countryMap(breakdown: GeoMapInput, options: GeoMapOptions): EChartsOption {
  const byName = new Map<string, { name: string; value: number; code: string; region?: string }>();
  const offMap: { geo: string; kpi: number; known: boolean }[] = [];
  for (const r of breakdown.rows) {
    const name = worldMapName(r.geo);
    if (name === undefined) {
      offMap.push({ geo: r.geo, kpi: r.kpi, known: ISO_3166_ALPHA2_TO_NUMERIC[r.geo.trim().toUpperCase()] !== undefined });
      continue;
    }
    const seen = byName.get(name);
    if (seen !== undefined) seen.value += r.kpi;
    else byName.set(name, { name, value: r.kpi, code: r.geo.trim().toUpperCase(), ...(r.region === undefined ? {} : { region: r.region }) });
  }
  const data = [...byName.values()].sort((a, b) => a.code.localeCompare(b.code));
  const max = Math.max(0, ...data.map((d) => d.value));
  const notes = [
    ...offMap.filter((o) => o.known).map((o) => `${o.geo} ${formatCompact(o.kpi)} (too small to draw)`),
    ...offMap.filter((o) => !o.known).map((o) => `${o.geo} ${formatCompact(o.kpi)} (unknown code)`),
  ];
  const sub = [windowText(breakdown), notes.length > 0 ? `Not on the map: ${notes.join(', ')}` : ''].filter((s) => s !== '').join(' · ');
  return {
    ...baseOption(false),
    title: { text: options.title ?? `${label(breakdown.kpi)} by country`, subtext: sub, left: 'center', textStyle: { fontSize: 14 }, subtextStyle: { color: COLORS.neutral } },
    tooltip: {
      trigger: 'item', confine: true,
      formatter: (p: unknown) => {
        const { name, value } = p as { name: string; value: unknown };
        return typeof value === 'number' && Number.isFinite(value) ? `${name}: ${formatAmount(value)}` : `${name}: no data`;
      },
    },
    visualMap: {
      type: 'continuous', min: 0, max: max > 0 ? max : 1, left: 8, bottom: 8, calculable: true,
      text: ['High', 'Low'], inRange: { color: [...GEO_RAMP] },
      formatter: (v: unknown) => formatCompact(Number(v)),
    },
    series: [{
      name: label(breakdown.kpi), type: 'map', map: WORLD_MAP, roam: false, top: 56, bottom: 8,
      itemStyle: { areaColor: '#f2f2f2', borderColor: '#ffffff', borderWidth: 0.5 },
      emphasis: { label: { show: false }, itemStyle: { areaColor: COLORS.highlight } },
      select: { disabled: true },
      data,
    }],
  };
}

function geoBars(breakdown: GeoMapInput, options: GeoMapOptions): EChartsOption {
  const rows = [...breakdown.rows].sort((a, b) => a.kpi - b.kpi || naturalCompare(b.geo, a.geo));
  return {
    ...baseOption(false),
    title: {
      text: options.title ?? `${label(breakdown.kpi)} by geo (no map: these geos are not real places)`,
      subtext: windowText(breakdown), left: 'center', textStyle: { fontSize: 14 }, subtextStyle: { color: COLORS.neutral },
    },
    tooltip: { trigger: 'axis', confine: true, axisPointer: { type: 'shadow' } },
    grid: { left: 72, right: 32, top: 64, bottom: 32, containLabel: false },
    xAxis: { type: 'value', name: label(breakdown.kpi), axisLabel: { formatter: (v: number) => formatCompact(v) }, splitLine: { lineStyle: { color: COLORS.grid } } },
    yAxis: { type: 'category', data: rows.map((r) => r.geo) },
    series: [{ name: label(breakdown.kpi), type: 'bar', barMaxWidth: 24, itemStyle: { color: GEO_RAMP[2] }, data: rows.map((r) => r.kpi) }],
  };
}

function windowText(breakdown: GeoMapInput): string {
  return breakdown.window === undefined ? '' : `${breakdown.window.start} to ${breakdown.window.end}`;
}
