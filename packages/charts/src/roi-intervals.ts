import type { EChartsOption } from 'echarts';
import type { SummaryResult } from '@mixwise/engine';
import { baseOption } from './base-option.ts';
import { COLORS, channelColor } from './palette.ts';
import { formatRatio, roundTo } from './format.ts';

type MarkLineData = [{ name?: string; coord: [string, number] }, { coord: [string, number] }] | { name: string; yAxis: number; lineStyle: { type: 'dashed'; color: string; width: number } };

/**
 * ROI per channel as bars with the 90% interval (summary roi_interval: bootstrap, or credible for a Bayesian fit) drawn as vertical
 * markLine segments, and a dashed break-even line at ROI = 1 for revenue KPIs (no channel has a CPA).
 * @param summary summary.json of a run
 * @returns ECharts option: one bar series 'ROI'; markLine data = one [low, high] segment per channel with an interval (+ break-even)
 * @example roiIntervals(summary).series[0].data[0].value // 0.93 (tv in the demo)
 */
export function roiIntervals(summary: SummaryResult): EChartsOption {
  const names = summary.channels.map((c) => c.name);
  const segments: MarkLineData[] = summary.channels.flatMap((c): MarkLineData[] => (c.roi_interval === null ? [] : [[
    { name: `${c.name} 90% interval`, coord: [c.name, roundTo(c.roi_interval[0])] },
    { coord: [c.name, roundTo(c.roi_interval[1])] },
  ]]));
  const revenue = summary.channels.every((c) => c.cpa === null);
  return {
    ...baseOption(false),
    tooltip: { trigger: 'item', confine: true },
    xAxis: { type: 'category', data: names },
    yAxis: { type: 'value', name: 'ROI', splitLine: { lineStyle: { color: COLORS.grid } } },
    series: [{
      name: 'ROI', type: 'bar', barMaxWidth: 48,
      label: { show: true, position: 'insideBottom' },
      data: summary.channels.map((c, i) => ({
        value: Number.isFinite(c.roi) ? roundTo(c.roi) : '-',
        itemStyle: { color: channelColor(i), opacity: 0.75 },
        label: { formatter: formatRatio(c.roi) },
      })),
      markLine: {
        silent: true, symbol: ['none', 'none'], label: { show: false },
        lineStyle: { color: COLORS.actual, width: 2, type: 'solid' },
        data: [
          ...segments,
          ...(revenue ? [{ name: 'break-even', yAxis: 1, lineStyle: { type: 'dashed' as const, color: COLORS.neutral, width: 1 } }] : []),
        ],
      },
    }],
  };
}
