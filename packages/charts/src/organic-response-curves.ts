import type { EChartsOption } from 'echarts';
import { fittedRows, observedSpendRange, responseCurve, type MmmModel, type ModelOrganic, type ResponseCurve } from '@mixwise/engine';
import { baseOption, valueAxis, xAxisName } from './base-option.ts';
import { channelColor } from './palette.ts';
import { formatCompact, formatRoi, roundTo } from './format.ts';
import { meanRange } from './window-rows.ts';
import { curveLabelNudges, curveSeries } from './curve-series.ts';

/** Exposures a marginal return is quoted per when the series gives no scale (no exposure in the window). */
export const EXPOSURE_UNIT = 1000;

/**
 * The step of exposures a series' marginal return is quoted per: the power of ten at or below its
 * mean exposure over the periods with any (so a newsletter of 40,000 sends reads "per 10,000 more",
 * a series of about 3 mentions a week "per 1 more", not per 1,000 it never reaches); EXPOSURE_UNIT
 * when no period of the rows has exposure.
 * @param exposure the series, shape [nTimes]
 * @param start first row of the window
 * @param end row after the window
 * @example exposureStep([0, 3, 0, 4, 2], 0, 5) // 1
 * @example exposureStep([42000, 38000], 0, 2) // 10000
 */
export function exposureStep(exposure: readonly number[], start = 0, end = exposure.length): number {
  let sum = 0, active = 0;
  for (let t = start; t < end; t++) if (exposure[t] > 0) { sum += exposure[t]; active++; }
  if (active === 0 || !(sum > 0)) return EXPOSURE_UNIT;
  return 10 ** Math.floor(Math.log10(sum / active) + 1e-9);
}

/**
 * The steps of a model's organic series as a caption says them: 'per 1,000 more exposures' when all
 * share one, else each with its series ('per 1,000 more exposures (newsletter), per 1 more (pr)').
 * @example organicStepsText(model) // 'per 1,000 more exposures'
 */
export function organicStepsText(model: Pick<MmmModel, 'organic' | 'window'>): string {
  const steps = (model.organic ?? []).map((o) => ({ name: o.name, step: exposureStep(o.exposure, model.window.start, model.window.end) }));
  const unit = (step: number): string => `per ${stepText(step)} more ${step === 1 ? 'exposure' : 'exposures'}`;
  if (steps.length === 0) return unit(EXPOSURE_UNIT);
  if (steps.every((x) => x.step === steps[0].step)) return unit(steps[0].step);
  return steps.map((x, i) => `${i === 0 ? unit(x.step) : `per ${stepText(x.step)} more`} (${x.name})`).join(', ');
}

/** A step as the label prints it: 1,000 or 0.1. */
function stepText(step: number): string {
  return step.toLocaleString('en-US', { maximumFractionDigits: 6 });
}

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

/** A KPI amount per step of exposures: two decimals below 100 (0.42 orders), compact above (22.3k revenue). */
function perUnitText(v: number): string {
  return Math.abs(v) >= 100 ? formatCompact(v) : formatRoi(v);
}

/**
 * The label of an organic curve's current point: its marginal return in KPI per `step` more
 * exposures per period (no money, so no ROI); the step from the series' scale (exposureStep).
 * @example organicMarginalLabel('newsletter', 0.0123) // 'newsletter: 12.30 per 1,000 more'
 * @example organicMarginalLabel('mentions', 22.25, 1) // 'mentions: 22.25 per 1 more'
 */
export function organicMarginalLabel(name: string, marginal: number, step = EXPOSURE_UNIT): string {
  return `${name}: ${perUnitText(marginal * step)} per ${stepText(step)} more`;
}

/**
 * Steady-state response curves of organic media, drawn like responseCurves draws the paid channels
 * (a dashed line for the whole curve, a solid one over the exposure levels the fitted data cover, the
 * current operating point marked) but in exposure units, not money: the x axis is exposure per period
 * in the column's own units (sends, impressions), and the point is labelled with the KPI per a step of
 * more exposures scaled to the series (exposureStep, organicMarginalLabel: per 1,000 for thousands of
 * sends, per 1 for a few mentions). Colours follow the paid channels' so a series never shares one.
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
      const step = k >= 0 ? exposureStep(organic[k].exposure, model.window.start, model.window.end) : EXPOSURE_UNIT;
      return curveSeries({
        curve: c, color: channelColor(model.channels.length + (k >= 0 ? k : i)), measured,
        label: organicMarginalLabel(c.channel, c.current.marginal, step), nudge: nudges[i],
        name: `${c.channel}: current ${formatCompact(c.current.spend)} exposures per period, ${perUnitText(c.current.marginal * step)} ${model.target.name} per period `
          + `for every ${stepText(step)} more ${step === 1 ? 'exposure' : 'exposures'} sustained${Number.isFinite(range.high) ? `; the data show ${formatCompact(range.low)} to ${formatCompact(range.high)}` : ''}`,
      });
    }),
  };
}
