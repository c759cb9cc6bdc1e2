import type { MmmModel } from '@mixwise/engine';
import { exportTable, type ExportTable } from '../export-table.ts';
import { EXPORT_SCHEMA_VERSION } from '../run-id.ts';
import packageJson from '../../../package.json' with { type: 'json' };

/**
 * `run_info`: one row that says which run and KPI the export describes: run_id (runId: a hash of
 * model.json), target (the KPI column), kpi_kind (the engine's classification: 'revenue', a currency
 * amount, or 'count'), frequency, window_start / window_end (first and last date of the modeling
 * window, holdout included), holdout (periods), method ('ridge' or 'bayes'), seed (the hyperparameter
 * search's seed), source_file / source_sha256 (the data file the model was fitted on, when recorded),
 * model_schema_version, schema_version (EXPORT_SCHEMA_VERSION), mixwise_version and currency (the ISO 4217 code of
 * spend and of a revenue KPI, `mixwise fit --currency`; null when not given: the amounts stay plain numbers).
 * (The model does not record when it was fitted, so there is no fitted_at.)
 * @param model the fitted model
 * @returns the one-row table (run_id is added as its last column by exportTables like every table's)
 * @example runInfoTable(model).rows[0][1] // 'revenue'
 */
export function runInfoTable(model: MmmModel): ExportTable {
  const { start, end } = model.window;
  return exportTable('run_info', [
    { name: 'target', type: 'text' },
    { name: 'kpi_kind', type: 'text' },
    { name: 'frequency', type: 'text' },
    { name: 'window_start', type: 'date' },
    { name: 'window_end', type: 'date' },
    { name: 'periods', type: 'integer' },
    { name: 'holdout', type: 'integer' },
    { name: 'method', type: 'text' },
    { name: 'seed', type: 'integer' },
    { name: 'source_file', type: 'text' },
    { name: 'source_sha256', type: 'text' },
    { name: 'model_schema_version', type: 'integer' },
    { name: 'schema_version', type: 'integer' },
    { name: 'mixwise_version', type: 'text' },
    { name: 'currency', type: 'text' },
  ], [[
    model.target.name, model.target.kind, model.frequency, model.dates[start], model.dates[end - 1], end - start, model.holdout,
    model.spec.method ?? (model.bayes ? 'bayes' : 'ridge'), model.spec.search.seed,
    model.source?.file ?? null, model.source?.sha256 ?? null, model.schemaVersion, EXPORT_SCHEMA_VERSION, packageJson.version,
    model.money?.currency ?? null,
  ]]);
}

/** The run_id column every exported table ends with. */
export const RUN_ID_COLUMN = { name: 'run_id', type: 'text' } as const;

/**
 * The table with a last column `run_id` holding the run's id on every row, so that the files of several
 * runs can be stacked (UNION ALL) and still told apart. A table that already has a run_id column is
 * returned unchanged.
 * @param table an export table
 * @param id runId(model)
 * @returns the table with run_id appended
 * @example withRunId(t, 'ab12…').columns.at(-1) // { name: 'run_id', type: 'text' }
 */
export function withRunId(table: ExportTable, id: string): ExportTable {
  if (table.columns.some((c) => c.name === RUN_ID_COLUMN.name)) return table;
  return { name: table.name, columns: [...table.columns, RUN_ID_COLUMN], rows: table.rows.map((r) => [...r, id]) };
}
