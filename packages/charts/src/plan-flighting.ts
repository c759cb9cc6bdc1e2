import type { EChartsOption } from 'echarts';
import { baseOption, valueAxis } from './base-option.ts';
import { COLORS, SEPARATOR, channelColor } from './palette.ts';
import { roundTo } from './format.ts';

/**
 * A multi-period plan as stacked bars: spend per period (x: the plan's periods), one stack segment
 * per channel, with current spend per period as a dashed line, so flighting (periods above or below
 * the line) and the moves between channels show at once.
 * @param periods [H] period labels (e.g. the ISO date each period starts)
 * @param channels per channel its planned spend [H]
 * @param currentPerPeriod total current spend per period (the level the plan is compared with)
 * @returns ECharts option: nChannels stacked bar series, then the 'current spend' line
 * @example planFlighting(['2025-01-06'], [{ name: 'tv', spend: [10] }], 8).series.length // 2
 */
export function planFlighting(periods: readonly string[], channels: readonly { readonly name: string; readonly spend: readonly number[] }[], currentPerPeriod: number): EChartsOption {
  return {
    ...baseOption(true),
    xAxis: { type: 'category', data: [...periods] },
    yAxis: valueAxis('spend per period'),
    series: [
      ...channels.map((ch, i) => ({
        name: ch.name, type: 'bar' as const, stack: 'plan', color: channelColor(i), itemStyle: { borderColor: SEPARATOR, borderWidth: 1 },
        data: periods.map((_, h) => roundTo(ch.spend[h] ?? 0)),
      })),
      {
        name: 'current spend', type: 'line' as const, color: COLORS.muted, symbol: 'none',
        lineStyle: { type: 'dashed' as const, width: 2 },
        data: periods.map(() => roundTo(currentPerPeriod)),
      },
    ],
  };
}
