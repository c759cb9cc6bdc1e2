import type { EChartsOption } from 'echarts';
import type { Decomposition, MmmModel } from '@mixwise/engine';
import { baseOption, valueAxis } from './base-option.ts';
import { COLORS, SEPARATOR, channelColor } from './palette.ts';
import { roundTo } from './format.ts';
import { windowRows } from './window-rows.ts';

/**
 * Stacked areas of the fitted KPI per period over the modeling window: the baseline (intercept,
 * trend, seasonality, events, controls summed) at the bottom, then one area per channel. The top of
 * the stack is the fitted KPI.
 * @param model the fitted model (for the window and channel order)
 * @param decomposition decompose(model)
 * @returns ECharts option with 1 + nChannels stacked line series over the window's dates
 * @example contributionsOverTime(model, decompose(model)).series.length // 1 + model.channels.length
 */
export function contributionsOverTime(model: MmmModel, decomposition: Decomposition): EChartsOption {
  const { start, end, dates } = windowRows(model);
  const baseline = new Float64Array(end - start);
  for (const c of decomposition.components) {
    if (c.group === 'media') continue;
    for (let t = start; t < end; t++) baseline[t - start] += c.values[t];
  }
  const media = decomposition.components.filter((c) => c.group === 'media');
  const area = (name: string, color: string, values: ArrayLike<number>, offset: number) => ({
    name, type: 'line' as const, stack: 'kpi', symbol: 'none', color,
    lineStyle: { width: 1, color: SEPARATOR }, areaStyle: { opacity: 0.85 },
    data: Array.from({ length: end - start }, (_, i) => roundTo(values[i + offset])),
  });
  return {
    ...baseOption(true),
    xAxis: { type: 'category', data: dates, boundaryGap: false },
    yAxis: valueAxis(model.target.name),
    series: [
      area('Baseline', COLORS.baseline, baseline, 0),
      ...media.map((m, i) => area(m.name, channelColor(i), m.values, start)),
    ],
  };
}
