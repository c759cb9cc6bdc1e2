import type { EChartsOption } from 'echarts';
import type { MmmModel } from '@mixwise/engine';
import { baseOption, xAxisName } from './base-option.ts';
import { COLORS } from './palette.ts';
import { formatSignificant, roundTo } from './format.ts';

/** Which objectives go on the axes (names from model.search.objectives). */
export interface ParetoFrontOptions {
  /** Default 'nrmseValidation', else the first objective. */
  readonly x?: string;
  /** Default 'decompRssd', else the second objective. */
  readonly y?: string;
}

/** Readable names of the search objectives, and what each measures (shown in the point tooltips). */
export const OBJECTIVE_LABELS: Readonly<Record<string, { readonly name: string; readonly about: string }>> = {
  nrmseTrain: { name: 'NRMSE (training)', about: 'error on the periods each candidate was fitted on, relative to the KPI’s range' },
  nrmseValidation: { name: 'NRMSE (validation)', about: 'error on the periods kept out of each candidate’s fit, relative to the KPI’s range' },
  decompRssd: { name: 'DECOMP.RSSD', about: 'how far the channels’ shares of effect are from their shares of spend' },
  mapeLift: { name: 'MAPE (lift tests)', about: 'percentage error against the lift tests' },
};

/** The readable name of an objective (its key when unknown). @example objectiveLabel('decompRssd') // 'DECOMP.RSSD' */
export function objectiveLabel(key: string): string {
  return OBJECTIVE_LABELS[key]?.name ?? key;
}

/**
 * The search's non-dominated candidates on two objectives (lower is better on both), with the chosen
 * model highlighted. Alternatives keep their index in model.search.pareto as the third value, so a
 * click handler can select one. Axes carry readable names (OBJECTIVE_LABELS), and each point's tooltip
 * gives both values and what the objectives measure. An objective without a single value (no
 * validation periods, no lift tests) is not drawn as an empty axis: validation falls back to the
 * training error, named as such, and otherwise the chart says that the run has no such values.
 * @param model the fitted model
 * @param options objective names for the axes
 * @returns ECharts option: series [alternatives (scatter of { name, value: [x, y, paretoIndex] }), chosen (one point)]
 * @example paretoFront(model).series[1].data // [[chosen x, chosen y]]
 */
export function paretoFront(model: MmmModel, options: ParetoFrontOptions = {}): EChartsOption {
  const names = model.search.objectives;
  const rows = [...model.search.pareto.map((p) => p.objectives), model.search.chosen.objectives] as readonly (readonly (number | null)[])[];
  const known = (i: number) => i >= 0 && rows.some((o) => typeof o[i] === 'number' && Number.isFinite(o[i]));
  const pick = (wanted: string | undefined, fallback: string, k: number) => {
    const i = names.indexOf(wanted ?? fallback);
    return i >= 0 ? i : Math.min(k, names.length - 1);
  };
  let xi = pick(options.x, 'nrmseValidation', 0);
  let xNote = '';
  // Without validation periods every nrmseValidation is NaN: plot the training error instead, and say so.
  if (!known(xi) && names[xi] === 'nrmseValidation' && known(names.indexOf('nrmseTrain'))) {
    xi = names.indexOf('nrmseTrain');
    xNote = ' — no validation periods in this run';
  }
  const yi = pick(options.y, 'decompRssd', 1);
  const missing = [xi, yi].filter((i) => !known(i)).map((i) => objectiveLabel(names[i] ?? '?'));
  const val = (o: readonly (number | null)[], i: number) => {
    const v = o[i];
    return typeof v === 'number' && Number.isFinite(v) ? roundTo(v, 5) : '-';
  };
  const xName = objectiveLabel(names[xi] ?? 'x'), yName = objectiveLabel(names[yi] ?? 'y');
  const about = [names[xi], names[yi]].map((k) => OBJECTIVE_LABELS[k ?? '']).filter((l) => l !== undefined).map((l) => `${l.name}: ${l.about}.`).join('<br/>');
  const tip = (title: string, o: readonly (number | null)[]) => {
    const show = (i: number) => (typeof o[i] === 'number' && Number.isFinite(o[i]) ? formatSignificant(o[i] as number, 4) : 'n/a');
    return `${title}<br/>${xName} ${show(xi)}, ${yName} ${show(yi)} (lower is better)<br/>${about}`;
  };
  const objectives = (o: readonly number[]) => o as readonly (number | null)[];
  return {
    ...baseOption(true),
    tooltip: { trigger: 'item', confine: true, extraCssText: 'max-width: 360px; white-space: normal;' },
    xAxis: { type: 'value', ...xAxisName(xName + xNote), scale: true },
    yAxis: { type: 'value', name: yName, scale: true },
    ...(missing.length > 0 ? {
      graphic: [{
        type: 'text', left: 'center', top: 'middle', silent: true,
        style: { text: `This run has no ${missing.join(' or ')} values to plot.`, fill: COLORS.neutral, fontSize: 13 },
      }],
    } : {}),
    series: [
      {
        name: 'alternatives', type: 'scatter', symbolSize: 8, color: COLORS.total,
        data: model.search.pareto.map((p, k) => ({
          name: `alternative ${k + 1}`, value: [val(objectives(p.objectives), xi), val(objectives(p.objectives), yi), k],
          tooltip: { formatter: tip(`Alternative #${k + 1}`, objectives(p.objectives)) },
        })),
      },
      {
        name: 'chosen', type: 'scatter', symbol: 'diamond', symbolSize: 16, color: COLORS.highlight, z: 3,
        tooltip: { formatter: tip('Chosen model', objectives(model.search.chosen.objectives)) },
        data: [[val(objectives(model.search.chosen.objectives), xi), val(objectives(model.search.chosen.objectives), yi)]],
      },
    ],
  };
}
