import type { EChartsOption } from 'echarts';
import type { SummaryResult } from '@mixwise/engine';
import { baseOption, xAxisName } from './base-option.ts';
import { COLORS, channelColor } from './palette.ts';
import { formatRoi, roundTo } from './format.ts';
import { labelNudges } from './label-nudge.ts';
import { roiLabel } from './roi-label.ts';

/**
 * Share of spend (x) against share of media effect (y) per channel, bubble area ∝ ROI, with the
 * diagonal y = x: channels above it return more than their share of the budget. Names of channels
 * with (nearly) the same shares are nudged apart (labelNudges), so no name hides another.
 * @param summary summary.json of a run
 * @returns ECharts option: one scatter series (one point per channel, value [spendShare, effectShare, roi], label.offset [0, nudge px])
 *   and the diagonal line
 * @example roiVsSpendShare(summary).series[0].data[0].value // [0.421, 0.212, 0.93] for tv in the demo
 */
export function roiVsSpendShare(summary: SummaryResult): EChartsOption {
  const label = roiLabel(summary.channels.every((c) => c.cpa === null) ? 'revenue' : 'count'); // a count KPI's channels carry a CPA
  const maxRoi = Math.max(1e-12, ...summary.channels.map((c) => (Number.isFinite(c.roi) ? Math.abs(c.roi) : 0)));
  const top = Math.min(1, Math.ceil(10 * Math.max(0.1, ...summary.channels.flatMap((c) => [c.share_of_spend, c.share_of_effect])) + 0.5) / 10);
  // Together: within 8% (x, about a name's width) and 5% (y, about a line) of the axis span.
  const nudges = labelNudges(summary.channels.map((c) => [c.share_of_spend, c.share_of_effect] as const), { x: 0.08 * top, y: 0.05 * top });
  return {
    ...baseOption(false),
    tooltip: { trigger: 'item', confine: true },
    xAxis: { type: 'value', ...xAxisName('share of spend'), min: 0, max: top, axisLabel: { formatter: (v: number) => `${Math.round(v * 100)}%` } },
    yAxis: { type: 'value', name: 'share of effect', min: 0, max: top, axisLabel: { formatter: (v: number) => `${Math.round(v * 100)}%` } },
    series: [
      {
        name: 'channels', type: 'scatter',
        label: { show: true, position: 'right', formatter: '{b}' },
        data: summary.channels.map((c, i) => {
          const roi = Number.isFinite(c.roi) ? c.roi : 0;
          return {
            name: c.name,
            value: [roundTo(c.share_of_spend), roundTo(c.share_of_effect), roundTo(roi)],
            symbolSize: roundTo(10 + 40 * Math.sqrt(Math.abs(roi) / maxRoi), 4),
            itemStyle: { color: channelColor(i), opacity: 0.8 },
            label: { offset: [0, nudges[i]] },
            tooltip: { formatter: `${c.name}: ${label} ${formatRoi(c.roi)}` },
          };
        }),
      },
      { name: 'parity', type: 'line', silent: true, symbol: 'none', lineStyle: { type: 'dashed', color: COLORS.neutral }, data: [[0, 0], [top, top]] },
    ],
  };
}
