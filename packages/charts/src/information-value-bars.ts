import type { EChartsOption } from 'echarts';
import type { InformationValue } from '@mixwise/engine';
import { baseOption, valueAxis, xAxisName } from './base-option.ts';
import { channelColor } from './palette.ts';
import { formatCompact, roundTo } from './format.ts';

/**
 * What learning each channel's response curve (e.g. by a lift test) would be worth to the budget
 * decision: one horizontal bar per channel, largest on top, in the channel's colour. (The value of
 * learning every curve at once, the total, is usually several times the largest bar; the text says it.)
 * @param value informationValue's result (channels sorted largest first)
 * @param channels the model's channel names in model order, for the colours
 * @returns ECharts option with one bar series 'value of learning the curve'
 * @example informationValueBars(iv, ['tv', 'search']).series[0].data.length // 2
 */
export function informationValueBars(value: InformationValue, channels: readonly string[]): EChartsOption {
  return {
    ...baseOption(false),
    grid: { left: 96, right: 32, top: 24, bottom: 48, containLabel: false },
    tooltip: { trigger: 'item', confine: true },
    xAxis: { ...valueAxis(), ...xAxisName('KPI per period gained by re-optimising') },
    yAxis: { type: 'category', inverse: true, data: value.channels.map((c) => c.channel) },
    series: [{
      name: 'value of learning the curve', type: 'bar', barMaxWidth: 28,
      label: { show: true, position: 'right' },
      data: value.channels.map((c) => ({
        value: roundTo(c.value),
        itemStyle: { color: channelColor(Math.max(0, channels.indexOf(c.channel))) },
        label: { formatter: formatCompact(c.value) },
      })),
    }],
  };
}
