import type { EChartsOption } from 'echarts';
import type { Decomposition, MmmModel } from '@mixwise/engine';
import { baseOption, valueAxis } from './base-option.ts';
import { COLORS } from './palette.ts';
import { roundTo } from './format.ts';
import { residuals } from './residuals.ts';
import { holdoutArea } from './holdout-area.ts';

/**
 * Residuals (actual − fitted) over the modeling window as points joined by a thin line, with the
 * zero line and the holdout shaded. Runs of same-sign residuals show autocorrelation. A period
 * without a KPI has no residual: null, a gap in the line.
 * @param model the fitted model
 * @param decomposition decompose(model)
 * @returns ECharts option with one line series 'residual' over the window's dates
 * @example residualPlot(model, decompose(model)).series[0].data.length // window length
 */
export function residualPlot(model: MmmModel, decomposition: Decomposition): EChartsOption {
  const r = residuals(model, decomposition, 'window');
  const area = holdoutArea(model);
  return {
    ...baseOption(false),
    xAxis: { type: 'category', data: model.dates.slice(r.from, r.to), boundaryGap: false },
    yAxis: valueAxis('actual − fitted'),
    series: [{
      name: 'residual', type: 'line', color: COLORS.total, symbolSize: 4, lineStyle: { width: 0.75 },
      data: Array.from(r.values, (v) => (Number.isNaN(v) ? null : roundTo(v))),
      markLine: { silent: true, symbol: ['none', 'none'], lineStyle: { color: COLORS.neutral, type: 'dashed' }, data: [{ yAxis: 0 }] },
      ...(area !== undefined ? { markArea: area } : {}),
    }],
  };
}
