import type { EChartsOption } from 'echarts';
import { dataShownText, fittedRows, observedSpendRange, sparseChannelText, type MmmModel, type ResponseCurve, type SpendRange } from '@mixwise/engine';
import { baseOption, valueAxis, xAxisName } from './base-option.ts';
import { channelColor } from './palette.ts';
import { formatCompact, formatRoi, roundTo } from './format.ts';
import { modelResponseCurves } from './model-response-curves.ts';
import { curveLabelNudges, curveSeries } from './curve-series.ts';

/** The part of a sampled curve inside [low, high], with the end points interpolated onto the bounds. */
function within(c: ResponseCurve, low: number, high: number): [number, number][] {
  const at = (x: number): number => {
    let j = 1;
    while (j < c.spend.length - 1 && c.spend[j] < x) j++;
    const x0 = c.spend[j - 1], x1 = c.spend[j];
    return x1 > x0 ? c.response[j - 1] + ((c.response[j] - c.response[j - 1]) * (x - x0)) / (x1 - x0) : c.response[j];
  };
  const top = Math.min(high, c.spend[c.spend.length - 1]);
  if (!(top >= low)) return [];
  const pts: [number, number][] = [[roundTo(low), roundTo(at(low))]];
  for (let j = 0; j < c.spend.length; j++) if (c.spend[j] > low && c.spend[j] < top) pts.push([roundTo(c.spend[j]), roundTo(c.response[j])]);
  pts.push([roundTo(top), roundTo(at(top))]);
  return pts;
}

/**
 * What a current point's tooltip says of the data behind its curve (the engine's words): '; the data
 * show 120 to 145' (dataShownText: for a sparse channel zero as well, and how many periods it spent),
 * then for a sparse channel the engine's short caution (sparseChannelText); '' without a range.
 * @example dataNote('tv', { low: 120, high: 145 }) // '; the data show 120 to 145'
 */
export function dataNote(channel: string, range: SpendRange | undefined): string {
  if (range === undefined) return '';
  return `; ${dataShownText(range, formatCompact)}${range.sparse ? `. ${sparseChannelText(channel, range.sparse)}` : ''}`;
}

/**
 * Steady-state response curves (KPI per period against sustained spend per period), per channel a
 * solid line over the spend levels the fitted data cover (observedSpendRange) on a thin dashed line
 * for the whole curve, so what is measured and what is extrapolated look different; the current
 * operating point is a markPoint on the solid line labelled with its channel and the curve's slope there ('tv: marginal 1.86':
 * the steady-state marginal ROI, not summary's mROI, which scales the actual flighted spend; docs/model.md
 * §11.3); its name, shown in the tooltip, adds the spend and what the data show (dataNote). Labels of points that sit
 * together (the demo's ooh and display both spend 45k) are nudged apart (labelNudges). Both lines carry
 * the channel's name, so its legend entry toggles both.
 * @param model the fitted model (for the KPI name, channel colours and spend history)
 * @param curves the curves to draw (default modelResponseCurves(model))
 * @returns ECharts option with two line series per curve (dashed whole curve, then the solid measured
 *   part with markPoint coord = [current.spend, current.response])
 * @example responseCurves(model).series.length // 2 × model.channels.length
 */
export function responseCurves(model: MmmModel, curves: readonly ResponseCurve[] = modelResponseCurves(model)): EChartsOption {
  const { start, end } = fittedRows(model);
  const nudges = curveLabelNudges(curves);
  return {
    ...baseOption(true),
    tooltip: { trigger: 'item', confine: true },
    xAxis: { ...valueAxis(), ...xAxisName('spend per period'), splitLine: { show: false } },
    yAxis: valueAxis(`${model.target.name} per period`),
    series: curves.flatMap((c, i) => {
      const k = model.channels.findIndex((ch) => ch.name === c.channel);
      const observed = k >= 0 ? observedSpendRange(model.channels[k], start, end) : undefined;
      const range = observed ?? { low: 0, high: Infinity };
      return curveSeries({
        curve: c, color: channelColor(k >= 0 ? k : i), measured: within(c, range.low, range.high),
        label: marginalLabel(c.channel, c.current.marginal), nudge: nudges[i],
        name: `${c.channel}: current ${formatCompact(c.current.spend)} per period, marginal return ${formatRoi(c.current.marginal)} per extra unit of sustained spend${dataNote(c.channel, observed)}`,
      });
    }),
  };
}

/**
 * The label of a curve's current point: the channel named, as several labels sit side by side and
 * the legend's colours alone do not say whose is whose.
 * @example marginalLabel('tv', 1.856) // 'tv: marginal 1.86'
 */
export function marginalLabel(channel: string, marginal: number): string {
  return `${channel}: marginal ${formatRoi(marginal)}`;
}
