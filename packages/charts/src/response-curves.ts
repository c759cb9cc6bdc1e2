import type { EChartsOption } from 'echarts';
import type { MmmModel, ResponseCurve } from '@mixwise/engine';
import { baseOption, valueAxis, xAxisName } from './base-option.ts';
import { COLORS, channelColor } from './palette.ts';
import { formatCompact, formatRatio, roundTo } from './format.ts';
import { modelResponseCurves } from './model-response-curves.ts';

/**
 * Steady-state response curves (KPI per period against sustained spend per period), one line per
 * channel, each with its current operating point as a markPoint (its name, shown in the tooltip, gives the
 * spend and the marginal ROI there).
 * @param model the fitted model (for the KPI name and channel colours)
 * @param curves the curves to draw (default modelResponseCurves(model))
 * @returns ECharts option with one line series per curve; markPoint coord = [current.spend, current.response]
 * @example responseCurves(model).series.length // model.channels.length
 */
export function responseCurves(model: MmmModel, curves: readonly ResponseCurve[] = modelResponseCurves(model)): EChartsOption {
  const colorOf = (name: string, i: number) => {
    const k = model.channels.findIndex((c) => c.name === name);
    return channelColor(k >= 0 ? k : i);
  };
  return {
    ...baseOption(true),
    tooltip: { trigger: 'item', confine: true },
    xAxis: { ...valueAxis(), ...xAxisName('spend per period'), splitLine: { show: false } },
    yAxis: valueAxis(`${model.target.name} per period`),
    series: curves.map((c, i) => ({
      name: c.channel, type: 'line' as const, symbol: 'none', color: colorOf(c.channel, i), lineStyle: { width: 2 },
      data: Array.from(c.spend, (x, j) => [roundTo(x), roundTo(c.response[j])]),
      markPoint: {
        symbol: 'circle', symbolSize: 10,
        itemStyle: { color: colorOf(c.channel, i), borderColor: COLORS.actual, borderWidth: 1 },
        label: { show: false },
        data: [{ name: `${c.channel}: current ${formatCompact(c.current.spend)} per period, mROI ${formatRatio(c.current.marginal)}`, coord: [roundTo(c.current.spend), roundTo(c.current.response)] }],
      },
    })),
  };
}
