import { OBJECTIVES, getAdstockKernel, getSaturationKernel, type AdstockSpec, type MmmModel, type ObjectiveName, type ParetoModel, type SaturationSpec } from '@mixwise/engine';
import { exportTable, type ExportCell, type ExportTable } from '../export-table.ts';

/** The export column of each search objective (a new engine objective without one is a compile error). */
const OBJECTIVE_COLUMN: Readonly<Record<ObjectiveName, string>> = {
  nrmseTrain: 'nrmse_train', nrmseValidation: 'nrmse_validation', decompRssd: 'decomp_rssd', mapeLift: 'mape_lift',
};

/**
 * model.json's objective names (search.objectives, engine OBJECTIVES) and their export columns, in the engine's order.
 * @example PARETO_OBJECTIVE_COLUMNS[0] // ['nrmseTrain', 'nrmse_train']
 */
export const PARETO_OBJECTIVE_COLUMNS: readonly (readonly [ObjectiveName, string])[] = OBJECTIVES.map((o) => [o, OBJECTIVE_COLUMN[o]] as const);

/** Relative tolerance of isDefaultAlternative: model.json round-trips numbers exactly, this only absorbs rounding by other writers. */
const SAME = 1e-9;

function near(a: number, b: number): boolean {
  return Math.abs(a - b) <= SAME * Math.max(1, Math.abs(a), Math.abs(b));
}

/** Parameters of a kernel spec in the kernel's order, as `{name: value}`. */
function params(spec: AdstockSpec | SaturationSpec, family: 'adstock' | 'saturation'): Record<string, number> {
  const kernel = family === 'adstock' ? getAdstockKernel((spec as AdstockSpec).type) : getSaturationKernel((spec as SaturationSpec).type);
  const values = (kernel.toVector as (s: typeof spec) => number[])(spec);
  return Object.fromEntries(kernel.params.map((p, i) => [p.name, values[i]]));
}

function sameSpec(a: AdstockSpec | SaturationSpec, b: AdstockSpec | SaturationSpec, family: 'adstock' | 'saturation'): boolean {
  if (a.type !== b.type) return false;
  const pa = params(a, family), pb = params(b, family);
  return Object.keys(pa).every((k) => near(pa[k], pb[k]));
}

/**
 * Whether a stored alternative is the default model. The default is not always one of them: with the
 * posterior rule (docs/model.md §9) it is a posterior sample, not a search candidate, so usually none
 * is. An alternative counts as the default when every channel has the same adstock and saturation
 * types and parameters as the model's channels (relative tolerance 1e-9), and the same ridge penalty λ
 * as `search.chosen.lambda` when the model recorded it. Hyperparameters rather than objectives or
 * ROIs decide, because the refitted default and an identical candidate share them exactly.
 * @param model the fitted model
 * @param alt one of model.search.pareto
 * @returns true when alt has the default model's hyperparameters
 * @example isDefaultAlternative(model, model.search.pareto[0]) // true when the lowest-score rule chose it
 */
export function isDefaultAlternative(model: MmmModel, alt: ParetoModel): boolean {
  if (alt.channels.length !== model.channels.length) return false;
  const lambda = model.search.chosen.lambda;
  if (lambda !== undefined && !near(lambda, alt.lambda)) return false;
  return alt.channels.every((c, k) => {
    const ch = model.channels[k];
    return c.name === ch.name && sameSpec(c.adstock, ch.adstock, 'adstock') && sameSpec(c.saturation, ch.saturation, 'saturation');
  });
}

/** An objective by name from a stored objectives vector; NaN (null in model.json) when absent or undefined. */
export function objectiveValue(model: MmmModel, objectives: readonly (number | null)[], name: string): number {
  const j = model.search.objectives.indexOf(name);
  const v = j < 0 ? null : objectives[j];
  return typeof v === 'number' ? v : NaN;
}

/**
 * `pareto_models`: the search's stored alternatives (model.json `search.pareto`: up to 20 members of
 * the Pareto front, best score first, each refitted on all non-holdout rows), one row per alternative
 * and channel, so BI tools can compare how much the ROIs move among models that fit about equally well.
 * `model_rank` is the position in search.pareto (1 = first stored, the lowest score); `is_default` is 1
 * on the rows of the alternative with the default model's hyperparameters (isDefaultAlternative), 0
 * elsewhere. Objectives are NULL where undefined (no validation rows, no lift tests). Adstock and
 * saturation parameters are JSON objects in the kernel's parameter order, e.g. `{"alpha":0.42}`.
 * @param model the fitted model
 * @returns columns model_rank, is_default (integer), score, lambda, four objectives (real), channel, roi,
 *   adstock, adstock_params, saturation, saturation_params
 * @example paretoModelsTable(model).rows[0].slice(0, 2) // [1, 0]
 */
export function paretoModelsTable(model: MmmModel): ExportTable {
  const rows: ExportCell[][] = [];
  model.search.pareto.forEach((alt, i) => {
    const isDefault = isDefaultAlternative(model, alt) ? 1 : 0;
    const objectives = PARETO_OBJECTIVE_COLUMNS.map(([name]) => objectiveValue(model, alt.objectives, name));
    for (const c of alt.channels) {
      rows.push([
        i + 1, isDefault, alt.score, alt.lambda, ...objectives, c.name, c.roi,
        c.adstock.type, JSON.stringify(params(c.adstock, 'adstock')), c.saturation.type, JSON.stringify(params(c.saturation, 'saturation')),
      ]);
    }
  });
  return exportTable('pareto_models', [
    { name: 'model_rank', type: 'integer' }, { name: 'is_default', type: 'integer' },
    { name: 'score', type: 'real' }, { name: 'lambda', type: 'real' },
    ...PARETO_OBJECTIVE_COLUMNS.map(([, name]) => ({ name, type: 'real' as const })),
    { name: 'channel', type: 'text' }, { name: 'roi', type: 'real' },
    { name: 'adstock', type: 'text' }, { name: 'adstock_params', type: 'text' },
    { name: 'saturation', type: 'text' }, { name: 'saturation_params', type: 'text' },
  ], rows);
}
