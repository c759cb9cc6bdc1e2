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
 * operating point is a markPoint on the solid line labelled with the curve's slope there ('1.86': the
 * steady-state marginal ROI, not summary's mROI, which scales the actual flighted spend; docs/model.md
 * §11.3), and the legend entry names both ('tv: marginal 1.86 at steady spend', marginalLabel): channel
 * names beside the dots collided when dots sat together. The point's name, shown in the tooltip, adds
 * the spend and what the data show (dataNote). Number labels of points that sit together are nudged
 * apart (labelNudges). Both lines carry the channel's name, so its legend entry toggles both.
 * @param model the fitted model (for the KPI name, channel colours and spend history)
 * @param curves the curves to draw (default modelResponseCurves(model))
 * @returns ECharts option with two line series per curve (dashed whole curve, then the solid measured
 *   part with markPoint coord = [current.spend, current.response])
 * @example responseCurves(model).series.length // 2 × model.channels.length
 */
export function responseCurves(model: MmmModel, curves: readonly ResponseCurve[] = modelResponseCurves(model)): EChartsOption {
  const { start, end } = fittedRows(model);
  // The dots carry only their number (a few characters wide), so only near neighbours need nudging.
  const nudges = curveLabelNudges(curves, NUMBER_LABEL_SHARE);
  const legendText = new Map(curves.map((c) => [c.channel, marginalLabel(c.channel, c.current.marginal)]));
  const base = baseOption(true);
  const rows = legendRows(curves.map((c) => ({ name: c.channel, text: legendText.get(c.channel) ?? c.channel })));
  return {
    ...base,
    // Names and figures sit in the legend, which never overlaps: labels beside clustered dots collided.
    // A plain legend wraps onto more rows (a scrolling one hides entries in a static SVG); the plot starts below them.
    // Rows packed here, one legend per row: ECharts measures text on the server narrower than browsers
    // draw it, so its own wrapping let long entries run into each other and off the chart.
    legend: rows.map((names, r) => ({ top: 8 + LEGEND_ROW_PX * r, type: 'plain' as const, itemGap: LEGEND_GAP, data: names, formatter: (name: string) => legendText.get(name) ?? name })),
    grid: { ...(base.grid as object), top: 48 + LEGEND_ROW_PX * (rows.length - 1) },
    tooltip: { trigger: 'item', confine: true },
    xAxis: { ...valueAxis(), ...xAxisName('spend per period'), splitLine: { show: false } },
    yAxis: valueAxis(`${model.target.name} per period`),
    series: curves.flatMap((c, i) => {
      const k = model.channels.findIndex((ch) => ch.name === c.channel);
      const observed = k >= 0 ? observedSpendRange(model.channels[k], start, end) : undefined;
      const range = observed ?? { low: 0, high: Infinity };
      return curveSeries({
        curve: c, color: channelColor(k >= 0 ? k : i), measured: within(c, range.low, range.high),
        label: formatRoi(c.current.marginal), nudge: nudges[i],
        name: `${c.channel}: current ${formatCompact(c.current.spend)} per period, marginal return ${formatRoi(c.current.marginal)} per extra unit of sustained spend${dataNote(c.channel, observed)}`,
      });
    }),
  };
}

/** Px per character of a 12 px legend label as a browser draws it, rounded up (ECharts' server measure is 5.4). */
const CHAR_PX = 7;
/** Px between legend entries: room for a browser drawing an entry up to about 40 px wider than ECharts measured it. */
const LEGEND_GAP = 48;
/** Px from one legend row to the next. */
const LEGEND_ROW_PX = 24;

/**
 * Legend entries packed into rows that fit a chart about `width` px wide (each entry a 25 px swatch,
 * CHAR_PX a character and LEGEND_GAP), in order; each row becomes one legend.
 * @param entries the series name and the text its legend entry shows
 * @returns the series names per row
 * @example legendRows([{ name: 'tv', text: 'tv: marginal 1.86 at steady spend' }]) // [['tv']]
 */
export function legendRows(entries: readonly { readonly name: string; readonly text: string }[], width = 700): string[][] {
  const rows: string[][] = [[]];
  let used = 0;
  for (const e of entries) {
    const w = 25 + CHAR_PX * e.text.length + LEGEND_GAP;
    if (used > 0 && used + w > width) { rows.push([]); used = 0; }
    rows[rows.length - 1].push(e.name);
    used += w;
  }
  return rows;
}

/** A bare-number label's width as a share of the widest curve's spend (about 40 px of a 670 px plot). */
const NUMBER_LABEL_SHARE = 0.07;

/**
 * A curve's legend entry: the channel and the steady-state marginal ROI at its current spend (the
 * number its dot carries), "at steady spend" because the ROI table's mROI, over the actual flighted
 * spend, differs from it (docs/model.md §11.3).
 * @example marginalLabel('tv', 1.856) // 'tv: marginal 1.86 at steady spend'
 */
export function marginalLabel(channel: string, marginal: number): string {
  return `${channel}: marginal ${formatRoi(marginal)} at steady spend`;
}
