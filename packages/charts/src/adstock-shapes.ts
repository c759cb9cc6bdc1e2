import type { EChartsOption } from 'echarts';
import { adstockWeights, type MmmModel } from '@mixwise/engine';
import { baseOption, xAxisName } from './base-option.ts';
import { channelColor } from './palette.ts';
import { roundTo } from './format.ts';

/**
 * Carryover shapes: each channel's normalised adstock weights w[lag] (engine `adstockWeights`, Σw = 1):
 * the share of a period's spend effect that lands `lag` periods later. Lags are shown up to the last
 * one where any channel still has weight ≥ minWeight (at least 4).
 * @param model the fitted model
 * @param minWeight weights below this are cut from the tail of the axis (default 0.005)
 * @returns ECharts option with one line series per channel over lags 0…L
 * @example adstockShapes(model).series[0].data[0] // w[0] of the first channel
 */
export function adstockShapes(model: MmmModel, minWeight = 0.005): EChartsOption {
  const weights = model.channels.map((ch) => adstockWeights(ch.adstock, ch.maxLag, true));
  let last = 4;
  for (const w of weights) for (let l = 0; l < w.length; l++) if (w[l] >= minWeight) last = Math.max(last, l);
  const lags = Array.from({ length: last + 1 }, (_, l) => l);
  return {
    ...baseOption(true),
    xAxis: { type: 'category', ...xAxisName(`lag (${model.frequency === 'daily' ? 'days' : 'weeks'})`), data: lags.map(String) },
    yAxis: { type: 'value', name: 'share of effect', axisLabel: { formatter: (v: number) => `${Math.round(v * 100)}%` } },
    series: model.channels.map((ch, i) => ({
      name: ch.name, type: 'line' as const, symbolSize: 4, color: channelColor(i),
      data: lags.map((l) => (l < weights[i].length ? roundTo(weights[i][l], 5) : 0)),
    })),
  };
}
