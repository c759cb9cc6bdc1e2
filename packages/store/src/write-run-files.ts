import { rm } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import {
  decompose, decompositionTable, modelDiagnostics, summarizeModel,
  type DiagnosticsResult, type MmmModel, type SummaryResult,
} from '@mixwise/engine';
import { exportRun, responseCurvesTable, writeCsvAtomic, writeFileAtomic, writeJsonAtomic } from '@mixwise/data';
import { renderReport, REPORT_FILE, type ReportGeo } from '@mixwise/report';

/** The files at the top of a run folder, in the order they are written (exports and the report follow). */
export const RUN_FILES = ['model.json', 'summary.json', 'decomposition.csv', 'diagnostics.json', 'response_curves.csv'] as const;

/**
 * What `mixwise optimize` adds to a run folder. They describe the model they were computed from, so a
 * new model written into the folder removes them rather than leave a plan for another model beside it.
 */
export const OPTIMIZATION_FILES = { result: 'optimization.json', scenarios: 'budget_scenarios.csv' } as const;

/** What writeRunFiles computed and wrote. */
export interface WrittenRun {
  readonly summary: SummaryResult;
  readonly diagnostics: DiagnosticsResult;
  /** Absolute paths: RUN_FILES, results.sqlite, exports/csv, exports/parquet, report.html. */
  readonly files: string[];
  /** Paths of an earlier model's optimization files that were removed (OPTIMIZATION_FILES). */
  readonly removed: string[];
}

/**
 * Stores a fitted model as a run folder, each file atomically: model.json, summary.json,
 * decomposition.csv, diagnostics.json, response_curves.csv, the BI exports (results.sqlite,
 * exports/csv, exports/parquet; see docs/exports.md) and the self-contained report.html. An earlier
 * model's optimization.json and budget_scenarios.csv are removed first (OPTIMIZATION_FILES).
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
  const removed = Object.values(OPTIMIZATION_FILES).map((f) => join(outDir, f)).filter((f) => existsSync(f));
  for (const f of removed) await rm(f, { force: true });
  await writeJsonAtomic(files[0], model);
  await writeJsonAtomic(files[1], summary);
  await writeCsvAtomic(files[2], dec.columns, dec.rows);
  await writeJsonAtomic(files[3], diagnostics);
  // The same rows and column names as the exports' response_curves table.
  const curves = responseCurvesTable(model, summary);
  await writeCsvAtomic(files[4], curves.columns.map((c) => c.name), curves.rows);
  const exported = await exportRun(outDir, model, { summary, decomposition });
  files.push(exported.sqlite, exported.csvDir, exported.parquetDir);
  const report = join(outDir, REPORT_FILE);
  await writeFileAtomic(report, renderReport({ model, summary, diagnostics, ...(extra.geo !== undefined ? { geo: extra.geo } : {}) }));
  files.push(report);
  return { summary, diagnostics, files, removed };
}
