import type { EChartsOption } from 'echarts';
import { baseOption } from './base-option.ts';
import { COLORS, DIVERGING } from './palette.ts';
import { formatPercent, formatRatio, formatRoi, roundTo } from './format.ts';
import { roiLabel } from './roi-label.ts';
import type { KpiKind } from './executive-kpis.ts';

/**
 * A geo's figures in a geo-level model, as summary.json `geos` holds them (the engine's GeoResult, with
 * a missing ROI or R² as null or NaN). Structural, so a summary read from disk fits as well.
 */
export interface GeoResultLike {
  readonly name: string;
  /** The geo's share of the KPI (0..1). */
  readonly share: number;
  readonly kpi: number;
  readonly fitted: number;
  readonly r2: number | null;
  readonly channels: readonly { readonly name: string; readonly spend: number; readonly contribution: number; readonly roi: number | null }[];
}

export interface GeoResultsOptions {
  /** The KPI's kind (model.target.kind): a revenue KPI gets break-even 1 as the colour's midpoint. Default 'revenue'. */
  readonly kpiKind?: KpiKind;
  /**
   * The colour's midpoint: 'break-even' (ROI 1, revenue KPIs only) or 'national' (each channel's ROI over
   * all geos, so a cell reads above or below the channel's average). Default: break-even for revenue,
   * national for a count KPI (whose KPI per spend has no break-even).
   */
  readonly compareTo?: 'break-even' | 'national';
}

/** Label of the first row: each channel's ROI over all geos. */
export const ALL_GEOS = 'All geos';

/** Height of one geo's row in pixels, and of the rest of the chart (axes, colour scale). */
const ROW = 24;
const FRAME = 110;

/** Pixel height the geoResults and geoFit charts need for `count` geos (a row per geo, plus the all-geos row), so callers can size them. */
export function geoResultsHeight(count: number): number {
  return FRAME + (count + 1) * ROW;
}

/** Geos largest first (by share of the KPI), ties by name, so the charts and tables read in one order. */
export function sortGeos<G extends { readonly name: string; readonly share: number }>(geos: readonly G[]): G[] {
  return [...geos].sort((a, b) => b.share - a.share || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** A geo's ROI on a channel, or undefined when the geo spent nothing on it (null or NaN). */
function knownRoi(roi: number | null): number | undefined {
  return roi === null || !Number.isFinite(roi) ? undefined : roi;
}

/** Each channel's ROI over all geos: Σ contribution / Σ spend (the geos sum to the national figures); undefined without spend. */
export function pooledRoi(geos: readonly GeoResultLike[]): Map<string, number | undefined> {
  const totals = new Map<string, { spend: number; contribution: number }>();
  for (const g of geos) {
    for (const c of g.channels) {
      const t = totals.get(c.name) ?? { spend: 0, contribution: 0 };
      totals.set(c.name, { spend: t.spend + c.spend, contribution: t.contribution + c.contribution });
    }
  }
  return new Map([...totals].map(([name, t]) => [name, t.spend > 0 ? t.contribution / t.spend : undefined]));
}

/** The geo label on the y axis: its name and share of the KPI. @example geoLabel({ name: 'north', share: 0.231 }) // 'north · 23.1%' */
function geoLabel(g: { name: string; share: number }): string {
  return `${g.name} · ${formatPercent(g.share)}`;
}

/**
 * Each channel's ROI in each geo of a geo-level model as a heatmap: one row per geo, largest first (the
 * y label gives its share of the KPI), one column per channel, the ROI written in each cell, and a first
 * row with each channel's ROI over all geos. The colour is the ROI relative to a midpoint (white):
 * break-even 1 for a revenue KPI, or the channel's all-geos ROI; red below, blue above, on a scale
 * symmetric around the midpoint. A geo that spent nothing on a channel has no ROI: its cell is left
 * uncoloured and reads "no spend" (a second series), never 0.
 * @param geos summary.json `geos` (the engine's geoResults)
 * @param options the KPI's kind and the colour's midpoint
 * @returns ECharts option: series[0] 'ROI' heatmap, data items { value: [channel index, row index, ROI ÷ midpoint], label.formatter: the ROI };
 *   series[1] 'no spend' scatter, data [channel index, row index]; yAxis.data = [ALL_GEOS, …geo labels largest first]
 * @example geoResults(summary.geos, { kpiKind: 'revenue' }).yAxis.data[1] // 'north · 23.1%'
 */
export function geoResults(geos: readonly GeoResultLike[], options: GeoResultsOptions = {}): EChartsOption {
  const kind = options.kpiKind ?? 'revenue';
  const compareTo = options.compareTo ?? (kind === 'revenue' ? 'break-even' : 'national');
  const label = roiLabel(kind);
  const sorted = sortGeos(geos);
  const channels = [...new Set(geos.flatMap((g) => g.channels.map((c) => c.name)))];
  const pooled = pooledRoi(geos);
  const rows: { label: string; roi: (channel: string) => number | undefined }[] = [
    { label: ALL_GEOS, roi: (c) => pooled.get(c) },
    ...sorted.map((g) => ({ label: geoLabel(g), roi: (c: string) => knownRoi(g.channels.find((x) => x.name === c)?.roi ?? null) })),
  ];
  const midpoint = (c: string): number | undefined => (compareTo === 'break-even' ? 1 : pooled.get(c));
  const cells: { value: [number, number, number]; label: { formatter: string } }[] = [];
  const noSpend: [number, number][] = [];
  rows.forEach((row, y) => channels.forEach((c, x) => {
    const roi = row.roi(c), mid = midpoint(c);
    if (roi === undefined) { noSpend.push([x, y]); return; }
    // Relative to a midpoint of 0 or none (a channel whose pooled ROI is 0 or unknown) the cell sits at the midpoint.
    const relative = mid === undefined || mid === 0 ? 1 : roi / mid;
    cells.push({ value: [x, y, roundTo(relative)], label: { formatter: formatRoi(roi) } });
  }));
  const spread = Math.max(0.1, ...cells.map((c) => Math.abs(c.value[2] - 1)));
  const midText = compareTo === 'break-even' ? 'break-even' : 'all geos';
  return {
    ...baseOption(false),
    grid: { left: 150, right: 96, top: 40, bottom: 24 },
    tooltip: { trigger: 'item', confine: true },
    xAxis: { type: 'category', data: channels, position: 'top', axisLabel: { interval: 0 }, splitArea: { show: true } },
    yAxis: { type: 'category', data: rows.map((r) => r.label), inverse: true, axisLabel: { interval: 0 }, splitArea: { show: true } },
    visualMap: {
      type: 'continuous', seriesIndex: 0, dimension: 2, min: roundTo(1 - spread), max: roundTo(1 + spread), calculable: false,
      orient: 'vertical', right: 4, top: 'middle', itemHeight: 120,
      text: [`above ${midText}`, `below ${midText}`], textStyle: { fontSize: 10 },
      // Red below the midpoint, white at it, blue above.
      inRange: { color: [...DIVERGING].reverse() },
    },
    series: [
      { name: label, type: 'heatmap', label: { show: true, fontSize: 11, color: COLORS.text }, data: cells },
      {
        name: 'no spend', type: 'scatter', symbolSize: 0, silent: true, data: noSpend,
        label: { show: true, position: 'inside', formatter: 'no spend', fontSize: 10, color: COLORS.neutral },
      },
    ],
  };
}

/**
 * How well a geo-level model fits each geo: per geo (largest first, as geoResults) its share of the KPI
 * as a bar on the left and the R² of its fitted against its observed KPI per period on the right. A geo
 * without an R² (constant KPI, no fitted periods) has no R² bar.
 * @param geos summary.json `geos`
 * @param options shareOf: what the shares are of, 'KPI' by default; a size column's name (population) when the fit had one
 * @returns ECharts option with two grids: series[0] 'share of KPI' (or of options.shareOf) (percent, 1 decimal), series[1] 'R²' (2 decimals, '-' when unknown); yAxis[0].data = geo names largest first
 * @example geoFit(summary.geos).series[0].data[0] // 23.1 (the largest geo's share, percent)
 */
export function geoFit(geos: readonly GeoResultLike[], options: { shareOf?: string } = {}): EChartsOption {
  const shareOf = options.shareOf ?? 'KPI';
  const sorted = sortGeos(geos);
  const names = sorted.map((g) => g.name);
  const r2s = sorted.map((g) => (g.r2 === null || !Number.isFinite(g.r2) ? undefined : g.r2));
  const lowest = Math.min(0, ...r2s.filter((v) => v !== undefined));
  return {
    ...baseOption(false),
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, confine: true },
    title: [
      { text: `Share of ${shareOf}`, left: '22%', top: 0, textStyle: { fontSize: 12, fontWeight: 'normal' } },
      { text: 'R² per geo', left: '68%', top: 0, textStyle: { fontSize: 12, fontWeight: 'normal' } },
    ],
    grid: [
      { left: 110, right: '52%', top: 28, bottom: 24 },
      { left: '54%', right: 40, top: 28, bottom: 24 },
    ],
    xAxis: [
      { type: 'value', gridIndex: 0, axisLabel: { formatter: '{value}%' }, splitLine: { lineStyle: { color: COLORS.grid } } },
      { type: 'value', gridIndex: 1, min: lowest < 0 ? Math.floor(lowest * 10) / 10 : 0, max: 1, splitLine: { lineStyle: { color: COLORS.grid } } },
    ],
    yAxis: [
      { type: 'category', gridIndex: 0, data: names, inverse: true, axisLabel: { interval: 0 } },
      { type: 'category', gridIndex: 1, data: names, inverse: true, axisLabel: { show: false } },
    ],
    series: [
      {
        name: `share of ${shareOf}`, type: 'bar', xAxisIndex: 0, yAxisIndex: 0, barMaxWidth: 16, itemStyle: { color: COLORS.total },
        label: { show: true, position: 'right', fontSize: 10 },
        data: sorted.map((g) => ({ value: roundTo(g.share * 100, 4), label: { formatter: formatPercent(g.share) } })),
      },
      {
        name: 'R²', type: 'bar', xAxisIndex: 1, yAxisIndex: 1, barMaxWidth: 16, itemStyle: { color: COLORS.fitted, opacity: 0.8 },
        label: { show: true, position: 'right', fontSize: 10 },
        data: r2s.map((r) => (r === undefined ? { value: '-', label: { formatter: '–' } } : { value: roundTo(r, 4), label: { formatter: formatRatio(r) } })),
      },
    ],
  };
}
