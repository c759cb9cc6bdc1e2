import type { ModelingTable } from '../spec/modeling-table.ts';
import { defaultModelSpec, type ModelSpec } from '../spec/model-spec.ts';
import type { ModelSpecOverrides } from '../spec/merge-spec.ts';
import { checkFittedRows, checkTable } from '../spec/check-table.ts';
import { checkSpec } from '../spec/check-spec.ts';
import { fittedRows } from '../spec/fitted-rows.ts';
import { checkPanelSupport } from './panel-support.ts';

/**
 * fitMmm's input checks in one place: the table (checkTable), the spec merged onto the defaults and
 * checked (mergeSpec, checkSpec), what a geo panel does not support (checkPanelSupport), and the fitted rows (checkFittedRows), before any fitting, so a bad
 * table or setting is reported by name, row and date rather than by the step that trips over it.
 * @param table the modeling table as given to fitMmm
 * @param overrides the caller's partial spec
 * @returns the full spec (the search's ROI prior not yet resolved)
 * @throws EngineError as documented on checkTable, mergeSpec, checkSpec and checkFittedRows
 * @example checkedFitSpec(table, { search: { iterations: 1000 } }).search.trials // 4
 */
export function checkedFitSpec(table: ModelingTable, overrides: ModelSpecOverrides): ModelSpec {
  checkTable(table);
  const organic = (table.organic ?? []).map((o) => o.name);
  const spec = defaultModelSpec({ nTimes: table.dates.length, frequency: table.frequency, channels: table.channels.map((c) => c.name), organic }, overrides);
  checkSpec(spec, table.dates.length);
  checkPanelSupport(table, spec); // a geo panel: refuse what stage 1 does not fit, before any work
  checkFittedRows(table, fittedRows(spec), spec.channels.filter((c) => c.media === 'exposure').map((c) => c.name));
  return spec;
}
