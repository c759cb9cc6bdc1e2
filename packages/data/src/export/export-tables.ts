import { decompose, summarizeModel, type Decomposition, type MmmModel, type SummaryResult } from '@mixwise/engine';
import { exportTable, type ExportTable } from './export-table.ts';
import { modelPerformanceTable } from './tables/model-performance.ts';
import { channelSummaryTable } from './tables/channel-summary.ts';
import { decompositionLongTable } from './tables/decomposition-long.ts';
import { predictionsTable } from './tables/predictions.ts';
import { hyperparametersTable } from './tables/hyperparameters.ts';
import { coefficientsTable } from './tables/coefficients.ts';
import { responseCurvesTable } from './tables/response-curves.ts';
import { liftTestsTable } from './tables/lift-tests.ts';
import { organicSummaryTable } from './tables/organic-summary.ts';
import { geoResultsTable } from './tables/geo-results.ts';
import { posteriorTables } from './tables/posterior.ts';
import { runInfoTable, withRunId } from './tables/run-info.ts';
import { spendTable } from './tables/spend.ts';
import { paretoModelsTable } from './tables/pareto-models.ts';
import { runId } from './run-id.ts';

/** The tables every export holds, in order (docs/exports.md documents each column). */
export const EXPORT_TABLE_NAMES = [
  'run_info', 'model_performance', 'channel_summary', 'decomposition', 'predictions', 'hyperparameters', 'coefficients', 'response_curves', 'spend', 'pareto_models',
] as const;

export interface ExportTablesOptions {
  /** summarizeModel(model, decomposition); computed when omitted. */
  readonly summary?: SummaryResult;
  /** decompose(model); computed when omitted. */
  readonly decomposition?: Decomposition;
  /**
   * Further tables appended after the standard ones (e.g. budget_scenarios, optimization from the
   * optimizer); checked with exportTable like the standard ones. Names must not repeat, and a
   * run_id column is added to them as to every table.
   */
  readonly extraTables?: readonly ExportTable[];
}

/**
 * Every table of a run's export, built from a fitted model (pure: no I/O): run_info, model_performance,
 * channel_summary, decomposition, predictions, hyperparameters, coefficients, response_curves, spend,
 * pareto_models (the search's stored alternatives), organic_summary when the model has organic media, lift_tests when the model was calibrated with lift tests, geo_results for a geo-level model (summary geos), posterior_summary, posterior_parameters and
 * posterior_roi_draws for a Bayesian fit, then any extra tables. Every table ends with a `run_id`
 * column (runId(model), the same on every row), so exports of several runs can be stacked.
 * @param model the fitted model
 * @param options precomputed summary/decomposition (to match summary.json exactly) and extra tables
 * @returns the tables in EXPORT_TABLE_NAMES order, organic_summary if any, lift_tests if any, geo_results if any, the posterior tables if any, then the extras
 * @throws RangeError when two tables share a name or an extra table fails exportTable's checks
 * @example exportTables(model).map((t) => t.name) // ['run_info', 'model_performance', …, 'spend', 'pareto_models']
 */
export function exportTables(model: MmmModel, options: ExportTablesOptions = {}): ExportTable[] {
  const decomposition = options.decomposition ?? decompose(model);
  const summary = options.summary ?? summarizeModel(model, decomposition);
  const tables = [
    runInfoTable(model),
    modelPerformanceTable(model, summary),
    channelSummaryTable(summary, model.target.kind),
    decompositionLongTable(model, decomposition),
    predictionsTable(model, decomposition),
    hyperparametersTable(model),
    coefficientsTable(model),
    responseCurvesTable(model, summary),
    spendTable(model),
    paretoModelsTable(model),
    ...(summary.organic !== undefined && summary.organic.length > 0 ? [organicSummaryTable(summary)] : []),
    ...(summary.lift_tests.length > 0 ? [liftTestsTable(summary)] : []),
    ...(summary.geos !== undefined && summary.geos.length > 0 ? [geoResultsTable(summary)] : []),
    ...posteriorTables(model, summary),
    ...(options.extraTables ?? []).map((t) => exportTable(t.name, t.columns, t.rows)),
  ];
  const seen = new Set<string>();
  for (const t of tables) {
    if (seen.has(t.name)) throw new RangeError(`exportTables: two tables are named "${t.name}"`);
    seen.add(t.name);
  }
  const id = runId(model);
  return tables.map((t) => withRunId(t, id));
}
