import type { EChartsOption } from 'echarts';
import { isObserved, type Decomposition, type MmmModel } from '@mixwise/engine';
import { baseOption, valueAxis } from './base-option.ts';
import { COLORS } from './palette.ts';
import { roundTo } from './format.ts';
import { windowRows } from './window-rows.ts';
import { holdoutArea } from './holdout-area.ts';
import { missingKpiArea } from './missing-kpi-area.ts';

/**
 * Observed KPI and the model's fitted KPI over the modeling window, with the holdout periods (not
 * used in the fit) shaded by a markArea on the fitted series. A period whose KPI is missing (left out
 * of the fit) has null in the actual series, so the line has a gap there (connectNulls off), not a
 * drop to 0, and the gaps are shaded and labelled 'no KPI' by a markArea on the actual series.
 * @param model the fitted model
 * @param decomposition decompose(model)
 * @returns ECharts option with series [actual, fitted] over the window's dates
 * @example actualVsFitted(model, decompose(model)).series[1].markArea // undefined when model.holdout is 0
 */
export function actualVsFitted(model: MmmModel, decomposition: Decomposition): EChartsOption {
  const { start, end, dates } = windowRows(model);
  const slice = (v: Float64Array) => Array.from(v.subarray(start, end), (x) => roundTo(x));
  const area = holdoutArea(model);
  const missing = missingKpiArea(model);
  const actual = Array.from(decomposition.actual.subarray(start, end), (x) => (isObserved(x) ? roundTo(x) : null));
  return {
    ...baseOption(true),
    xAxis: { type: 'category', data: dates, boundaryGap: false },
    yAxis: { ...valueAxis(model.target.name), scale: true },
    series: [
      {
        name: 'actual', type: 'line', symbol: 'none', color: COLORS.actual, lineStyle: { width: 1.5 }, data: actual,
        ...(missing !== undefined ? { connectNulls: false, markArea: missing } : {}),
      },
      {
        name: 'fitted', type: 'line', symbol: 'none', color: COLORS.fitted, lineStyle: { width: 1.5, type: 'dashed' },
        data: slice(decomposition.fitted),
        ...(area !== undefined ? { markArea: area } : {}),
      },
    ],
  };
}
