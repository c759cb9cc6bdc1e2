import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { completeSummary, modelDiagnostics, summarizeModel, type DiagnosticsResult, type StoredSummary, type SummaryResult } from '@mixwise/engine';
import { readModel } from '@mixwise/data';
import type { ReportGeo, ReportOptimization, ReportRun } from './report-run.ts';

/**
 * Read a run folder for a report: model.json (checked by @mixwise/data readModel), summary.json and
 * diagnostics.json (recomputed from the model when missing; a summary.json written before it had
 * `lift_tests` gets them from the model), and optimization.json when present and
 * not older than model.json (a stale result of an earlier fit into the same folder is ignored), and
 * geo.json (the KPI by geography of a run built from sources) when present and well formed.
 * @param dir the run folder (`mixwise fit --out DIR`)
 * @returns the run
 * @throws DataError from readModel (no folder, no/invalid model.json); SyntaxError for a broken summary/diagnostics/optimization JSON
 * @example readRun('out/demo').summary.channels.length // 5
 */
export function readRun(dir: string): ReportRun {
  const model = readModel(dir);
  const json = <T>(name: string): T | undefined => {
    const file = join(dir, name);
    return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as T) : undefined;
  };
  const stored = json<StoredSummary>('summary.json');
  const summary: SummaryResult = stored ? completeSummary(stored, model) : summarizeModel(model);
  const diagnostics = json<DiagnosticsResult>('diagnostics.json') ?? modelDiagnostics(model);
  const optFile = join(dir, 'optimization.json');
  const fresh = existsSync(optFile) && statSync(optFile).mtimeMs >= statSync(join(dir, 'model.json')).mtimeMs;
  // A request the optimizer refused (feasible: false, no allocation) is not a plan to restate.
  const stored0 = fresh ? json<ReportOptimization & { feasible?: boolean }>('optimization.json') : undefined;
  const optimization = stored0 !== undefined && stored0.feasible !== false && Array.isArray(stored0.allocation) ? stored0 : undefined;
  const geo = json<ReportGeo>('geo.json');
  return { model, summary, diagnostics, ...(optimization !== undefined ? { optimization } : {}), ...(isGeo(geo) ? { geo } : {}) };
}

/** A geo.json with the shape the report draws (level, kpi, rows of { geo, kpi: finite number }). */
function isGeo(v: ReportGeo | undefined): v is ReportGeo {
  return v !== undefined && (v.level === 'country' || v.level === 'geo') && typeof v.kpi === 'string' && Array.isArray(v.rows)
    && v.rows.every((r) => typeof r.geo === 'string' && typeof r.kpi === 'number' && Number.isFinite(r.kpi));
}
