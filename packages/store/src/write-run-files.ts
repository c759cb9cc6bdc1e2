import { join } from 'node:path';
import {
  decompose, decompositionTable, modelDiagnostics, summarizeModel,
  type DiagnosticsResult, type MmmModel, type SummaryResult,
} from '@mixwise/engine';
import { exportRun, responseCurvesTable, writeCsvAtomic, writeFileAtomic, writeJsonAtomic } from '@mixwise/data';
import { renderReport, REPORT_FILE, type ReportGeo } from '@mixwise/report';

/** The files at the top of a run folder, in the order they are written (exports and the report follow). */
export const RUN_FILES = ['model.json', 'summary.json', 'decomposition.csv', 'diagnostics.json', 'response_curves.csv'] as const;

/** What writeRunFiles computed and wrote. */
export interface WrittenRun {
  readonly summary: SummaryResult;
  readonly diagnostics: DiagnosticsResult;
  /** Absolute paths: RUN_FILES, results.sqlite, exports/csv, exports/parquet, report.html. */
  readonly files: string[];
}

/**
 * Stores a fitted model as a run folder, each file atomically: model.json, summary.json,
 * decomposition.csv, diagnostics.json, response_curves.csv, the BI exports (results.sqlite,
 * exports/csv, exports/parquet; see docs/exports.md) and the self-contained report.html.
 * @param outDir an existing folder
 * @param model the fitted model
 * @param extra geo: the KPI by geography (geo.json, written by the caller), mapped in the report
 * @returns the summary and diagnostics (computed once here) and the paths written
 * @throws file-system, SQLite or DuckDB errors
 * @example (await writeRunFiles('out/run', model)).files[0] // 'out/run/model.json'
 */
export async function writeRunFiles(outDir: string, model: MmmModel, extra: { readonly geo?: ReportGeo } = {}): Promise<WrittenRun> {
  const decomposition = decompose(model);
  const summary = summarizeModel(model, decomposition);
  const diagnostics = modelDiagnostics(model, decomposition);
  const dec = decompositionTable(model, decomposition);
  const files = RUN_FILES.map((f) => join(outDir, f));
  await writeJsonAtomic(files[0], model);
  await writeJsonAtomic(files[1], summary);
  await writeCsvAtomic(files[2], dec.columns, dec.rows);
  await writeJsonAtomic(files[3], diagnostics);
  // The same rows as the exports' response_curves table; the run-folder CSV keeps its longer header.
  const curves = responseCurvesTable(model, summary);
  await writeCsvAtomic(files[4], ['channel', 'spend_per_period', 'kpi_per_period', 'marginal_kpi_per_spend', 'is_current'], curves.rows);
  const exported = await exportRun(outDir, model, { summary, decomposition });
  files.push(exported.sqlite, exported.csvDir, exported.parquetDir);
  const report = join(outDir, REPORT_FILE);
  await writeFileAtomic(report, renderReport({ model, summary, diagnostics, ...(extra.geo !== undefined ? { geo: extra.geo } : {}) }));
  files.push(report);
  return { summary, diagnostics, files };
}
