import type { EChartsOption } from 'echarts';
import { fittedRows, observedSpendRange, responseCurve, type MmmModel, type ModelOrganic, type ResponseCurve } from '@mixwise/engine';
import { baseOption, valueAxis, xAxisName } from './base-option.ts';
import { channelColor } from './palette.ts';
import { formatCompact, formatRoi, roundTo } from './format.ts';
import { meanRange } from './window-rows.ts';
import { curveLabelNudges, curveSeries } from './curve-series.ts';

/** Exposures a marginal return is quoted per: "KPI per 1,000 more exposures" reads better than per single send. */
export const EXPOSURE_UNIT = 1000;

/** An organic series as the engine's responseCurve takes a channel: its exposure in place of spend. */
function asCurve(o: ModelOrganic): Parameters<typeof responseCurve>[0] {
  return { ...o, spend: o.exposure };
}

/**
 * Every organic media series' steady-state response curve (engine `responseCurve` on its exposure):
 * KPI per period against a sustained exposure level per period, with the operating point at the
 * series' mean exposure per period over the modeling window. Empty without organic media.
 * @param model the fitted model
 * @param maxMultiple curves run from 0 to maxMultiple × current exposure (default 3)
 * @param nPoints points per curve (default 61)
 * @returns one ResponseCurve per organic series (its `spend` is exposure), in model order
 * @example modelOrganicResponseCurves(model)[0].current.spend // mean newsletter sends per period
 */
export function modelOrganicResponseCurves(model: MmmModel, maxMultiple = 3, nPoints = 61): ResponseCurve[] {
  const { start, end } = model.window;
  return (model.organic ?? []).map((o) => responseCurve(asCurve(o), meanRange(o.exposure, start, end), maxMultiple, nPoints));
}

/** A KPI amount per EXPOSURE_UNIT exposures: two decimals below 100 (0.42 orders), compact above (22.3k revenue). */
function perUnitText(v: number): string {
  return Math.abs(v) >= 100 ? formatCompact(v) : formatRoi(v);
}

/**
 * The label of an organic curve's current point: its marginal return in KPI per EXPOSURE_UNIT more
 * exposures per period (no money, so no ROI).
 * @example organicMarginalLabel('newsletter', 0.0123) // 'newsletter: 12.30 per 1,000 more'
 * @example organicMarginalLabel('newsletter', 22.25) // 'newsletter: 22.3k per 1,000 more'
 */
export function organicMarginalLabel(name: string, marginal: number): string {
  return `${name}: ${perUnitText(marginal * EXPOSURE_UNIT)} per ${EXPOSURE_UNIT.toLocaleString('en-US')} more`;
}

/**
 * Steady-state response curves of organic media, drawn like responseCurves draws the paid channels
 * (a dashed line for the whole curve, a solid one over the exposure levels the fitted data cover, the
 * current operating point marked) but in exposure units, not money: the x axis is exposure per period
 * in the column's own units (sends, impressions), and the point is labelled with the KPI per 1,000 more
 * exposures (organicMarginalLabel). Colours follow the paid channels' so a series never shares one.
 * @param model the fitted model (KPI name, organic series, channel count for colours)
 * @param curves the curves to draw (default modelOrganicResponseCurves(model))
 * @returns ECharts option with two line series per organic series; no series without organic media
 * @example organicResponseCurves(model).series.length // 2 × model.organic.length
 */
export function organicResponseCurves(model: MmmModel, curves: readonly ResponseCurve[] = modelOrganicResponseCurves(model)): EChartsOption {
  const { start, end } = fittedRows(model);
  const organic = model.organic ?? [];
  const nudges = curveLabelNudges(curves);
  return {
    ...baseOption(true),
    tooltip: { trigger: 'item', confine: true },
    xAxis: { ...valueAxis(), ...xAxisName('exposure per period (the column\'s units: sends, impressions…)'), splitLine: { show: false } },
    yAxis: valueAxis(`${model.target.name} per period`),
    series: curves.flatMap((c, i) => {
      const k = organic.findIndex((o) => o.name === c.channel);
      const range = k >= 0 ? observedSpendRange(asCurve(organic[k]), start, end) : { low: 0, high: Infinity };
      const measured = Array.from(c.spend, (x, j) => [roundTo(x), roundTo(c.response[j])] as [number, number]).filter(([x]) => x >= range.low && x <= range.high);
      return curveSeries({
        curve: c, color: channelColor(model.channels.length + (k >= 0 ? k : i)), measured,
        label: organicMarginalLabel(c.channel, c.current.marginal), nudge: nudges[i],
        name: `${c.channel}: current ${formatCompact(c.current.spend)} exposures per period, ${perUnitText(c.current.marginal * EXPOSURE_UNIT)} ${model.target.name} per period `
          + `for every ${EXPOSURE_UNIT.toLocaleString('en-US')} more exposures sustained${Number.isFinite(range.high) ? `; the data show ${formatCompact(range.low)} to ${formatCompact(range.high)}` : ''}`,
      });
    }),
  };
}
