import type { EChartsOption } from 'echarts';
import type { ComparedChannel, RunComparison } from '@mixwise/engine';
import { baseOption, xAxisName } from './base-option.ts';
import { COLORS } from './palette.ts';
import { formatRoi, roundTo } from './format.ts';
import { roiLabel } from './roi-label.ts';
import type { KpiKind } from './executive-kpis.ts';

/** Vertical offset of the before and after markers inside a channel's row, so their intervals do not overlap. */
const OFFSET = 0.18;

/** Knobs of roiComparison. */
export interface RoiComparisonOptions {
  /** What the two runs are called in the legend (default 'before' and 'after'). */
  readonly labels?: readonly [string, string];
  /** The KPI's kind: a revenue KPI gets a dashed break-even line at 1 and the axis is named ROI (default 'revenue'). */
  readonly kpiKind?: KpiKind;
}

/**
 * A channel's row label: its name, plus '(intervals apart)' when its two 90% intervals do not overlap, so
 * the verdict is read without colour.
 * @example roiComparisonLabel({ name: 'tv', verdict: 'intervals do not overlap' }) // 'tv (intervals apart)'
 */
export function roiComparisonLabel(c: Pick<ComparedChannel, 'name' | 'verdict'>): string {
  return c.verdict === 'intervals do not overlap' ? `${c.name} (intervals apart)` : c.name;
}

/** The chart's height in px for n channels: a 56 px row each plus room for the legend and axis. */
export function roiComparisonHeight(nChannels: number): number {
  return 120 + 56 * Math.max(1, nChannels);
}

/**
 * ROI before → after per channel of a comparison (compareRuns; a refresh's summary.json
 * `refresh.comparison`): one row per channel (run B's order, first on top) holding the earlier run's
 * ROI (● blue, with its 90% interval as a line) just above the later run's (◆ vermillion, with its
 * interval), joined by a thin grey line: the move. Blue and vermillion stay apart under every common
 * colour-vision deficiency, and the two markers differ in shape too. Rows whose intervals do not
 * overlap are labelled '(intervals apart)'. A revenue KPI gets a dashed break-even line at ROI 1.
 *
 * As in liftTestCalibration, a category axis names the rows and the series sit on a hidden value axis
 * over the same bands (k at the centre of row k); intervals are line segments separated by gaps ('-').
 * @param c the comparison
 * @param options legend labels and KPI kind
 * @returns ECharts option with series '<before> 90% interval', '<before>', '<after> 90% interval', '<after>', 'change'
 * @example roiComparison(compareRuns(a, b)).series.length // 5
 */
export function roiComparison(c: RunComparison, options: RoiComparisonOptions = {}): EChartsOption {
  const [la, lb] = options.labels ?? ['before', 'after'];
  const kind = options.kpiKind ?? 'revenue';
  const name = roiLabel(kind);
  const rows = c.channels;
  const ya = (k: number) => roundTo(k - OFFSET);
  const yb = (k: number) => roundTo(k + OFFSET);
  const num = (x: number): number | string => (Number.isFinite(x) ? roundTo(x) : '-');
  const segments = (pick: (ch: ComparedChannel) => readonly [number, number] | null, y: (k: number) => number): (number | string)[][] =>
    rows.flatMap((ch, k) => {
      const i = pick(ch);
      // '-' is ECharts' missing value: the line breaks there, so each channel gets its own segment.
      return i === null ? [] : [[num(i[0]), y(k)], [num(i[1]), y(k)], ['-', '-']];
    });
  const points = (roi: (ch: ComparedChannel) => number, y: (k: number) => number, label: string) =>
    rows.map((ch, k) => ({ value: [num(roi(ch)), y(k)], name: `${ch.name}: ${label} ${formatRoi(roi(ch))}` }));
  const line = (color: string, width = 2) => ({ color, width });
  return {
    ...baseOption(),
    grid: { left: 150, right: 32, top: 48, bottom: 56, containLabel: false },
    tooltip: { trigger: 'item', confine: true },
    legend: { top: 8, itemGap: 24, data: [la, `${la} 90% interval`, lb, `${lb} 90% interval`] },
    xAxis: {
      type: 'value', ...xAxisName(name), scale: true, axisLine: { onZero: false },
      splitLine: { lineStyle: { color: COLORS.grid } },
    },
    yAxis: [
      { type: 'category', data: rows.map(roiComparisonLabel), inverse: true, axisTick: { alignWithLabel: true }, splitLine: { show: false } },
      { type: 'value', inverse: true, min: -0.5, max: Math.max(0.5, rows.length - 0.5), show: false },
    ],
    series: [
      {
        name: `${la} 90% interval`, type: 'line', yAxisIndex: 1, symbol: 'none', connectNulls: false, silent: true,
        lineStyle: line(COLORS.positive), itemStyle: { color: COLORS.positive },
        data: segments((ch) => ch.roi_interval_a, ya),
        ...(kind === 'revenue' ? {
          markLine: {
            silent: true, symbol: ['none', 'none'], label: { show: true, formatter: 'break-even', position: 'start' },
            lineStyle: { type: 'dashed' as const, color: COLORS.neutral, width: 1 }, data: [{ xAxis: 1 }],
          },
        } : {}),
      },
      {
        name: la, type: 'scatter', yAxisIndex: 1, symbol: 'circle', symbolSize: 11, itemStyle: { color: COLORS.positive },
        data: points((ch) => ch.roi_a, ya, la), tooltip: { formatter: '{b}' },
      },
      {
        name: `${lb} 90% interval`, type: 'line', yAxisIndex: 1, symbol: 'none', connectNulls: false, silent: true,
        lineStyle: line(COLORS.negative), itemStyle: { color: COLORS.negative },
        data: segments((ch) => ch.roi_interval_b, yb),
      },
      {
        name: lb, type: 'scatter', yAxisIndex: 1, symbol: 'diamond', symbolSize: 13, itemStyle: { color: COLORS.negative },
        data: points((ch) => ch.roi_b, yb, lb), tooltip: { formatter: '{b}' },
      },
      {
        // The move from before to after: drawn under the markers, not in the legend.
        name: 'change', type: 'line', yAxisIndex: 1, symbol: 'none', connectNulls: false, silent: true, z: 1,
        lineStyle: line(COLORS.neutral, 1), itemStyle: { color: COLORS.neutral },
        data: rows.flatMap((ch, k) => [[num(ch.roi_a), ya(k)], [num(ch.roi_b), yb(k)], ['-', '-']]),
      },
    ],
  };
}
