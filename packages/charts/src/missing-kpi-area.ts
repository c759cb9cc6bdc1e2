import { missingRows, type MmmModel } from '@mixwise/engine';
import { COLORS } from './palette.ts';

/** An ECharts markArea: shaded stretches of a category axis, each from one date to another. */
export interface DateMarkArea {
  readonly silent: boolean;
  readonly itemStyle: { readonly color: string };
  readonly label: { readonly position: 'insideTop' };
  readonly data: [{ name: string; xAxis: string }, { xAxis: string }][];
}

/**
 * An ECharts markArea shading each stretch of window periods whose KPI is missing (left out of the
 * fit), labelled 'no KPI', or undefined when every period has a KPI. On a line chart without a
 * boundary gap the actual line's gap runs from the last observed period before a stretch to the first
 * after it, so each area spans those neighbours (a single missing period would otherwise be a stripe
 * of width 0).
 * @example missingKpiArea(model)?.data // [[{ name: 'no KPI', xAxis: '2024-03-04' }, { xAxis: '2024-04-01' }]]
 */
export function missingKpiArea(model: Pick<MmmModel, 'actual' | 'dates' | 'window'>): DateMarkArea | undefined {
  const { start, end } = model.window;
  const missing = missingRows(model.actual, start, end);
  if (missing.length === 0) return undefined;
  const data: DateMarkArea['data'] = [];
  let first = missing[0];
  missing.forEach((t, i) => {
    if (i + 1 < missing.length && missing[i + 1] === t + 1) return;
    data.push([{ name: 'no KPI', xAxis: model.dates[Math.max(start, first - 1)] }, { xAxis: model.dates[Math.min(end - 1, t + 1)] }]);
    if (i + 1 < missing.length) first = missing[i + 1];
  });
  return { silent: true, itemStyle: { color: COLORS.missingKpi }, label: { position: 'insideTop' }, data };
}
