import type { EChartsOption } from 'echarts';
import { channelActualSpend, type MmmModel } from '@mixwise/engine';
import { baseOption, valueAxis } from './base-option.ts';
import { channelColor } from './palette.ts';
import { roundTo } from './format.ts';

/**
 * Spend per channel over every date of the model (warm-up rows included), one line per channel: the
 * actual spend (channelActualSpend), also for a channel modelled on its exposure.
 * @param model the fitted model
 * @returns ECharts option with nChannels line series over model.dates
 * @example inputSeries(model).series.length // model.channels.length
 */
export function inputSeries(model: MmmModel): EChartsOption {
  return {
    ...baseOption(true),
    xAxis: { type: 'category', data: [...model.dates], boundaryGap: false },
    yAxis: valueAxis('spend'),
    dataZoom: [{ type: 'inside' }],
    series: model.channels.map((ch, i) => ({
      name: ch.name, type: 'line' as const, symbol: 'none', color: channelColor(i), lineStyle: { width: 1.5 },
      data: channelActualSpend(ch).map((v) => roundTo(v)),
    })),
  };
}
