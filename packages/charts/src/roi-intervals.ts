import type { EChartsOption } from 'echarts';
import type { SummaryResult } from '@mixwise/engine';
import { baseOption } from './base-option.ts';
import { COLORS, channelColor } from './palette.ts';
import { formatRoi, roundTo } from './format.ts';
import { roiLabel } from './roi-label.ts';

type MarkLineData = [{ name?: string; coord: [string, number] }, { coord: [string, number] }]
  | { name: string; yAxis: number; lineStyle: { type: 'dashed'; color: string; width: number }; label: { show: boolean; position: 'end'; formatter: string; color: string } };

/** The break-even line's label (revenue KPIs only: a count KPI's "KPI per spend" has no break-even at 1). */
export const BREAK_EVEN_LABEL = 'ROI 1 = break-even';

/**
 * The smallest multiple of half a power of ten at or above x > 0 (5.81 → 6, 0.93 → 0.95, 37 → 40).
 * x has at most 6 significant digits (roundTo), so a quotient within 1e-9 of an integer is that
 * integer up to float error (0.4 / 0.05 = 8.000000000000002), not a value past it.
 */
function niceCeil(x: number): number {
  const half = 10 ** Math.floor(Math.log10(x)) / 2;
  return roundTo(Math.ceil(x / half - 1e-9) * half);
}

/**
 * ROI per channel as bars with the 90% interval (summary roi_interval: bootstrap, or credible for a Bayesian fit) drawn as vertical
 * markLine segments, and a dashed break-even line at ROI = 1 labelled BREAK_EVEN_LABEL for revenue KPIs (no channel has a CPA).
 * Bar values are dark text on a white box, legible on any bar colour.
 * The value axis spans every bar, interval end and the break-even line: ECharts scales an axis to the
 * series data only and drops a markLine that runs past it, so a wide interval would lose its whisker.
 * @param summary summary.json of a run
 * @returns ECharts option: one bar series 'ROI' ('KPI per spend' for a count KPI, whose channels carry a CPA); markLine data = one [low, high] segment per channel with an interval (+ break-even);
 *   yAxis min/max (numbers) around all of them
 * @example roiIntervals(summary).series[0].data[0].value // 0.93 (tv in the demo)
 */
export function roiIntervals(summary: SummaryResult): EChartsOption {
  const names = summary.channels.map((c) => c.name);
  const segments: MarkLineData[] = summary.channels.flatMap((c): MarkLineData[] => (c.roi_interval === null ? [] : [[
    { name: `${c.name} 90% interval`, coord: [c.name, roundTo(c.roi_interval[0])] },
    { coord: [c.name, roundTo(c.roi_interval[1])] },
  ]]));
  const revenue = summary.channels.every((c) => c.cpa === null);
  const label = roiLabel(revenue ? 'revenue' : 'count');
  const shown = [
    0, ...(revenue ? [1] : []),
    ...summary.channels.flatMap((c) => [c.roi, ...(c.roi_interval ?? [])]).filter((v) => Number.isFinite(v)).map((v) => roundTo(v)),
  ];
  const top = Math.max(...shown), bottom = Math.min(...shown);
  const base = baseOption(false);
  return {
    ...base,
    // Room on the right for the break-even label.
    ...(revenue ? { grid: { ...(base.grid as object), right: 128 } } : {}),
    tooltip: { trigger: 'item', confine: true },
    xAxis: { type: 'category', data: names },
    yAxis: {
      type: 'value', name: label, splitLine: { lineStyle: { color: COLORS.grid } },
      min: bottom < 0 ? -niceCeil(-bottom) : 0, max: top > 0 ? niceCeil(top) : 1,
    },
    series: [{
      name: label, type: 'bar', barMaxWidth: 48,
      // Dark text on a white box: in the bar's own colour (ECharts' inside default) the value was barely legible.
      label: { show: true, position: 'insideBottom', color: COLORS.text, fontWeight: 600, backgroundColor: '#ffffff', padding: [2, 4], borderRadius: 3, textBorderWidth: 0 },
      data: summary.channels.map((c, i) => ({
        value: Number.isFinite(c.roi) ? roundTo(c.roi) : '-',
        // The colour's own alpha (bf = 75%), not itemStyle.opacity, which would fade the value label too.
        itemStyle: { color: `${channelColor(i)}bf` },
        label: { formatter: formatRoi(c.roi) },
      })),
      markLine: {
        silent: true, symbol: ['none', 'none'], label: { show: false },
        lineStyle: { color: COLORS.actual, width: 2, type: 'solid' },
        data: [
          ...segments,
          ...(revenue ? [{
            name: 'break-even', yAxis: 1, lineStyle: { type: 'dashed' as const, color: COLORS.neutral, width: 1 },
            // Said on the line: below it a channel returns less revenue than it costs.
            // Past the line's right end, in the margin kept for it, where no bar can cover it.
            label: { show: true, position: 'end' as const, formatter: BREAK_EVEN_LABEL, color: COLORS.neutral },
          }] : []),
        ],
      },
    }],
  };
}
