import type { MmmModel } from '@mixwise/engine';
import { COLORS } from './palette.ts';

/**
 * An ECharts markArea shading the holdout periods (the last `model.holdout` dates of the window),
 * or undefined when there is no holdout.
 * @example holdoutArea(model)?.data // [[{ name: 'holdout', xAxis: '2024-10-07' }, { xAxis: '2024-12-23' }]]
 */
export function holdoutArea(model: MmmModel): { silent: boolean; itemStyle: { color: string }; label: { position: 'insideTop' }; data: [{ name: string; xAxis: string }, { xAxis: string }][] } | undefined {
  if (model.holdout <= 0) return undefined;
  const end = model.window.end;
  return {
    silent: true,
    itemStyle: { color: COLORS.holdout },
    label: { position: 'insideTop' },
    data: [[{ name: 'holdout', xAxis: model.dates[end - model.holdout] }, { xAxis: model.dates[end - 1] }]],
  };
}
