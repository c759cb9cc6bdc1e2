import type { LineSeriesOption } from 'echarts';
import type { ResponseCurve } from '@mixwise/engine';
import { COLORS } from './palette.ts';
import { roundTo } from './format.ts';
import { labelNudges } from './label-nudge.ts';

/** What one curve's pair of series draws: its points, the measured part, and the current point's label and tooltip. */
export interface CurveSeriesInput {
  readonly curve: ResponseCurve;
  readonly color: string;
  /** The part of the curve the fitted data cover, as [x, y] points (drawn solid). */
  readonly measured: [number, number][];
  /** The current point's label text (beside the point). */
  readonly label: string;
  /** Vertical offset of the label in pixels (curveLabelNudges). */
  readonly nudge: number;
  /** The current point's name, shown in the tooltip. */
  readonly name: string;
}

/**
 * Vertical label offsets for the current points of curves drawn together: points within `labelShare`
 * of the widest curve's x (about a label's width: 20% for a 'tv: marginal 1.86' label, less for a bare
 * number) and 8% of the highest response (a line and a gap) are nudged apart (labelNudges).
 * @param curves the curves, shape [nCurves]
 * @param labelShare a label's width as a share of the widest curve's x (default 0.2)
 * @returns pixels per curve, shape [nCurves]
 * @example curveLabelNudges([curve]) // [0]
 */
export function curveLabelNudges(curves: readonly ResponseCurve[], labelShare = 0.2): number[] {
  const xSpan = Math.max(1e-12, ...curves.map((c) => c.spend[c.spend.length - 1] ?? 0));
  const ySpan = Math.max(1e-12, ...curves.flatMap((c) => Array.from(c.response)));
  return labelNudges(curves.map((c) => [c.current.spend, c.current.response] as const), { x: labelShare * xSpan, y: 0.08 * ySpan });
}

/**
 * The two line series of a response curve (responseCurves, organicResponseCurves): a thin dashed line
 * for the whole curve, then a solid one over the measured part with the current operating point as a
 * labelled markPoint. Both carry the curve's name, so its legend entry toggles both.
 * @param input the curve, its colour, measured part, label, nudge and tooltip name
 * @returns [dashed, solid] ECharts line series
 * @example curveSeries({ curve, color: '#0072b2', measured: [], label: 'tv: marginal 1.86', nudge: 0, name: 'tv' })[1].markPoint.data[0].coord // [current.spend, current.response]
 */
export function curveSeries(input: CurveSeriesInput): LineSeriesOption[] {
  const { curve: c, color } = input;
  return [
    {
      name: c.channel, type: 'line' as const, symbol: 'none', color, lineStyle: { width: 1.5, type: 'dashed' as const, opacity: 0.7 },
      tooltip: { show: false }, data: Array.from(c.spend, (x, j) => [roundTo(x), roundTo(c.response[j])]),
    },
    {
      name: c.channel, type: 'line' as const, symbol: 'none', color, lineStyle: { width: 2.5 }, data: input.measured,
      markPoint: {
        symbol: 'circle', symbolSize: 10,
        itemStyle: { color, borderColor: COLORS.actual, borderWidth: 1 },
        label: { show: true, position: 'right', distance: 6, color: COLORS.text },
        data: [{ label: { formatter: input.label, offset: [0, input.nudge] }, name: input.name, coord: [roundTo(c.current.spend), roundTo(c.current.response)] }],
      },
    },
  ];
}
