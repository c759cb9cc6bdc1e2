import type { EChartsOption } from 'echarts';

/**
 * Fit a chart built by @mixwise/charts for a desktop half-page to a phone (about 390 px): the builders
 * are shared with the report, so the dashboard adjusts their options here rather than in charts.
 */

/** Below this viewport width (px) charts take their narrow layout. */
export const NARROW_VIEWPORT = 600;

type Obj = Record<string, unknown>;
const obj = (v: unknown): Obj => (v !== null && typeof v === 'object' && !Array.isArray(v) ? v as Obj : {});

/** The option with its (single) x axis's label settings merged with `label`. */
function withXLabels(option: EChartsOption, label: Obj): EChartsOption {
  const x = obj(option.xAxis);
  return { ...option, xAxis: { ...x, axisLabel: { ...obj(x.axisLabel), ...label } } as EChartsOption['xAxis'] };
}

/**
 * Every category named under its bars: ECharts otherwise drops labels that would overlap (the
 * before/after chart lost ooh and social at 390 px); narrow, they are slanted to fit.
 * @example categoryLabels(option, true).xAxis // { …, axisLabel: { interval: 0, hideOverlap: false, rotate: 35 } }
 */
export function categoryLabels(option: EChartsOption, narrow: boolean): EChartsOption {
  return withXLabels(option, { interval: 0, hideOverlap: false, ...(narrow ? { rotate: 35, width: undefined, overflow: 'none' } : {}) });
}

/**
 * The waterfall on a phone: slanted category names and values written up the bars in a smaller
 * font, so that neighbours ("1.69M" "379.0M", "search" "facebook") do not run into each other.
 * @example narrowWaterfall(option, true).grid // { …, top: 56, bottom: 64 }
 */
export function narrowWaterfall(option: EChartsOption, narrow: boolean): EChartsOption {
  if (!narrow) return option;
  const series = (Array.isArray(option.series) ? option.series : []).map((s) => {
    const o = obj(s);
    return o.label === undefined ? s : { ...o, label: { ...obj(o.label), rotate: 90, align: 'left', verticalAlign: 'middle', distance: 4, fontSize: 10 } };
  });
  return { ...categoryLabels(option, true), grid: { ...obj(option.grid), top: 56, bottom: 64 }, series: series as EChartsOption['series'] };
}

/**
 * A chart with a legend on a phone: the legend row and the y axis's name each get their own line
 * (at 390 px the name sat under the legend).
 * @example legendClear(option, true).grid // { …, top: 72 }
 */
export function legendClear(option: EChartsOption, narrow: boolean): EChartsOption {
  if (!narrow || option.legend === undefined) return option;
  return { ...option, legend: { ...obj(option.legend), top: 4 }, grid: { ...obj(option.grid), top: 72 } };
}
