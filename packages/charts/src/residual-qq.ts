import type { EChartsOption } from 'echarts';
import { normalQuantile, type Decomposition, type MmmModel } from '@mixwise/engine';
import { baseOption, xAxisName } from './base-option.ts';
import { COLORS } from './palette.ts';
import { roundTo } from './format.ts';
import { observedResiduals } from './residuals.ts';

/**
 * Normal Q–Q plot of the in-sample residuals (of the periods with a KPI): sorted standardised residuals (z = (r − mean)/sd)
 * against normal quantiles at Blom's plotting positions (i − 0.375)/(n + 0.25) (Blom 1958), with the
 * line y = x. Points off the line in the tails mean heavy tails or outliers.
 * @param model the fitted model
 * @param decomposition decompose(model)
 * @returns ECharts option: series [residuals (scatter of [theoretical, sample]), y = x (line)]
 * @example residualQq(model, decompose(model)).series[0].data[0] // [-2.7, -2.4] (most negative residual)
 */
export function residualQq(model: MmmModel, decomposition: Decomposition): EChartsOption {
  const r = observedResiduals(model, decomposition, 'fit').sort();
  const n = r.length;
  let mu = 0;
  for (const v of r) mu += v;
  mu = n > 0 ? mu / n : 0;
  let ss = 0;
  for (const v of r) ss += (v - mu) ** 2;
  const sd = n > 1 ? Math.sqrt(ss / (n - 1)) : 1;
  const points = Array.from(r, (v, i) => [roundTo(normalQuantile((i + 1 - 0.375) / (n + 0.25)), 5), roundTo(sd > 0 ? (v - mu) / sd : 0, 5)]);
  const lim = Math.ceil(Math.max(3, ...points.flat().map(Math.abs)));
  return {
    ...baseOption(false),
    tooltip: { trigger: 'item', confine: true },
    xAxis: { type: 'value', ...xAxisName('normal quantile'), min: -lim, max: lim },
    yAxis: { type: 'value', name: 'standardised residual', min: -lim, max: lim },
    series: [
      { name: 'residuals', type: 'scatter', symbolSize: 5, color: COLORS.total, data: points },
      { name: 'y = x', type: 'line', silent: true, symbol: 'none', lineStyle: { type: 'dashed', color: COLORS.neutral }, data: [[-lim, -lim], [lim, lim]] },
    ],
  };
}
