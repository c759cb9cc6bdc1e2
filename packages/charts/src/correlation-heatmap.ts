import type { EChartsOption } from 'echarts';
import { correlation, isObserved, type MmmModel } from '@mixwise/engine';
import { baseOption } from './base-option.ts';
import { DIVERGING } from './palette.ts';

/**
 * Pearson correlations (Pearson 1895) between the inputs over the modeling window: each channel's
 * spend, each control variable, and the KPI. Strong correlation between channels means the model
 * cannot tell them apart well (see the VIFs in the diagnostics). A pair is correlated over the
 * window periods where both are known: the KPI's over the periods with a KPI (those without were left
 * out of the fit).
 * @param model the fitted model
 * @returns ECharts heatmap option; data items [column, row, r] with r rounded to 3 decimals, '-' when undefined (constant series)
 * @example correlationHeatmap(model).xAxis.data // ['tv', 'ooh', …, 'price', 'promo', 'revenue']
 */
export function correlationHeatmap(model: MmmModel): EChartsOption {
  const vars: { name: string; values: readonly number[] }[] = [
    // The transforms' input (exposure-based for a channel on exposure): the collinearity the fit faces.
    ...model.channels.map((c) => ({ name: c.name, values: c.spend })),
    ...model.baseline.filter((b) => b.kind === 'control').map((b) => ({ name: b.name, values: b.values })),
    { name: model.target.name, values: model.actual },
  ];
  const { start, end } = model.window;
  const names = vars.map((v) => v.name);
  const data: (number | string)[][] = [];
  for (let i = 0; i < vars.length; i++) {
    for (let j = 0; j < vars.length; j++) {
      const r = i === j ? 1 : pairedCorrelation(vars[i].values, vars[j].values, start, end);
      data.push([i, j, Number.isFinite(r) ? Math.round(r * 1000) / 1000 : '-']);
    }
  }
  return {
    ...baseOption(false),
    // The colour scale stands at the right, clear of the rotated names under the x axis (at the bottom its -1 and 1 overlapped them).
    grid: { left: 96, right: 72, top: 24, bottom: 80 },
    tooltip: { trigger: 'item', confine: true },
    xAxis: { type: 'category', data: names, axisLabel: { rotate: 45, interval: 0 }, splitArea: { show: true } },
    yAxis: { type: 'category', data: names, axisLabel: { interval: 0 }, splitArea: { show: true } },
    visualMap: { min: -1, max: 1, calculable: true, orient: 'vertical', right: 4, top: 'middle', itemHeight: 120, inRange: { color: [...DIVERGING] } },
    series: [{ name: 'correlation', type: 'heatmap', label: { show: vars.length <= 12 }, data }],
  };
}

/** Pearson correlation of a and b over the rows of [start, end) where both are observed (NaN with fewer than 2). */
function pairedCorrelation(a: readonly number[], b: readonly number[], start: number, end: number): number {
  const x: number[] = [], y: number[] = [];
  for (let t = start; t < end; t++) if (isObserved(a[t]) && isObserved(b[t])) { x.push(a[t]); y.push(b[t]); }
  return x.length >= 2 ? correlation(x, y) : NaN;
}
