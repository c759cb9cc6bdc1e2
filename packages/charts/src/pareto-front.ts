import type { EChartsOption } from 'echarts';
import type { MmmModel } from '@mixwise/engine';
import { baseOption, xAxisName } from './base-option.ts';
import { COLORS } from './palette.ts';
import { roundTo } from './format.ts';

/** Which objectives go on the axes (names from model.search.objectives). */
export interface ParetoFrontOptions {
  /** Default 'nrmseValidation', else the first objective. */
  readonly x?: string;
  /** Default 'decompRssd', else the second objective. */
  readonly y?: string;
}

/**
 * The search's non-dominated candidates on two objectives (lower is better on both), with the chosen
 * model highlighted. Alternatives keep their index in model.search.pareto as the third value, so a
 * click handler can select one.
 * @param model the fitted model
 * @param options objective names for the axes
 * @returns ECharts option: series [alternatives (scatter of [x, y, paretoIndex]), chosen (one point)]
 * @example paretoFront(model).series[1].data // [[chosen x, chosen y]]
 */
export function paretoFront(model: MmmModel, options: ParetoFrontOptions = {}): EChartsOption {
  const names = model.search.objectives;
  const pick = (wanted: string | undefined, fallback: string, k: number) => {
    const i = names.indexOf(wanted ?? fallback);
    return i >= 0 ? i : Math.min(k, names.length - 1);
  };
  const xi = pick(options.x, 'nrmseValidation', 0);
  const yi = pick(options.y, 'decompRssd', 1);
  const val = (o: readonly (number | null)[], i: number) => {
    const v = o[i];
    return typeof v === 'number' && Number.isFinite(v) ? roundTo(v, 5) : '-';
  };
  const objectives = (o: readonly number[]) => o as readonly (number | null)[];
  return {
    ...baseOption(true),
    tooltip: { trigger: 'item', confine: true },
    xAxis: { type: 'value', ...xAxisName(names[xi] ?? 'x'), scale: true },
    yAxis: { type: 'value', name: names[yi] ?? 'y', scale: true },
    series: [
      {
        name: 'alternatives', type: 'scatter', symbolSize: 8, color: COLORS.total,
        data: model.search.pareto.map((p, k) => ({ name: `alternative ${k + 1}`, value: [val(objectives(p.objectives), xi), val(objectives(p.objectives), yi), k] })),
      },
      {
        name: 'chosen', type: 'scatter', symbol: 'diamond', symbolSize: 16, color: COLORS.highlight, z: 3,
        data: [[val(objectives(model.search.chosen.objectives), xi), val(objectives(model.search.chosen.objectives), yi)]],
      },
    ],
  };
}
