import type { EChartsOption } from 'echarts';
import type { Decomposition, MmmModel } from '@mixwise/engine';
import { baseOption, valueAxis, xAxisName } from './base-option.ts';
import { COLORS } from './palette.ts';
import { formatCompact, roundTo } from './format.ts';
import { observedResiduals } from './residuals.ts';

/**
 * Histogram of the in-sample residuals (of the periods with a KPI) with Sturges' number of bins k = ⌈log₂ n⌉ + 1 (Sturges 1926),
 * and the counts a normal distribution with the residuals' mean and standard deviation would give
 * (n · width · φ((x − μ)/σ)/σ at each bin centre) as a line.
 * @param model the fitted model
 * @param decomposition decompose(model)
 * @returns ECharts option: series [count (bar), normal (line)]; the counts sum to the number of fit rows with a KPI
 * @example residualHistogram(model, decompose(model)).series[0].data.length // ⌈log₂ n⌉ + 1
 */
export function residualHistogram(model: MmmModel, decomposition: Decomposition): EChartsOption {
  const r = observedResiduals(model, decomposition, 'fit');
  const n = r.length;
  let lo = Infinity, hi = -Infinity, mu = 0;
  for (const v of r) { lo = Math.min(lo, v); hi = Math.max(hi, v); mu += v; }
  mu = n > 0 ? mu / n : 0;
  let ss = 0;
  for (const v of r) ss += (v - mu) ** 2;
  const sd = n > 1 ? Math.sqrt(ss / (n - 1)) : 0;
  const k = n > 0 ? Math.ceil(Math.log2(n)) + 1 : 1;
  const width = hi > lo ? (hi - lo) / k : 1;
  const counts = new Array<number>(k).fill(0);
  for (const v of r) counts[Math.min(k - 1, Math.floor((v - lo) / width))]++;
  const centres = counts.map((_, i) => (n > 0 ? lo : 0) + (i + 0.5) * width);
  const normal = centres.map((x) => (sd > 0 ? roundTo((n * width * Math.exp(-0.5 * ((x - mu) / sd) ** 2)) / (sd * Math.sqrt(2 * Math.PI)), 4) : 0));
  return {
    ...baseOption(true),
    xAxis: { type: 'category', ...xAxisName('residual (bin centre)'), data: centres.map((c) => formatCompact(c)) },
    yAxis: valueAxis('periods'),
    series: [
      { name: 'count', type: 'bar', barCategoryGap: '2%', color: COLORS.total, data: counts },
      { name: 'normal', type: 'line', smooth: true, symbol: 'none', color: COLORS.fitted, data: normal },
    ],
  };
}
