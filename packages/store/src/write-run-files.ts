import { mkdir, rename, rm } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import {
  decompose, decompositionTable, modelDiagnostics, summarizeModel,
  type DiagnosticsResult, type MmmModel, type SummaryResult,
} from '@mixwise/engine';
import {
  exportRun, INCOMPLETE_FILE, incompleteText, removeStaleTemps, responseCurvesTable, writeCsvAtomic, writeFileAtomic, writeJsonAtomic,
} from '@mixwise/data';
import { renderReport, REPORT_FILE, type ReportGeo } from '@mixwise/report';

/** The KPI by geography beside a run (the same name as @mixwise/data's GEO_FILE). */
const GEO_JSON = 'geo.json';

/**
 * What writeRunFiles does with the run's geo.json: `write` stages extra.geo as geo.json and moves it in
 * with model.json; `remove` removes an earlier run's geo.json in the same swap (WrittenRun.removedGeo names it); `keep` (the default) leaves it.
 */
export type GeoFileAction = 'write' | 'remove' | 'keep';

/** The files at the top of a run folder, in the order they are written (exports and the report follow). */
export const RUN_FILES = ['model.json', 'summary.json', 'decomposition.csv', 'diagnostics.json', 'response_curves.csv'] as const;

/**
 * What `mixwise optimize` adds to a run folder. They describe the model they were computed from, so a
 * new model written into the folder removes them rather than leave a plan for another model beside it.
 */
export const OPTIMIZATION_FILES = { result: 'optimization.json', scenarios: 'budget_scenarios.csv' } as const;

/**
 * More files of the run (geo-results.csv, the cleaning log changes.csv/changes.json): written by `write`
 * into the staging folder it is given and moved in with model.json, so a failed or killed fit leaves
 * the previous run's as they were.
 */
export interface StagedRunFiles {
  /** The file names `write` creates in the folder it is given. */
  readonly names: readonly string[];
  readonly write: (dir: string, summary: SummaryResult) => Promise<unknown>;
}

/** writeRunFiles' extras beside the model. */
export interface RunFileExtras {
  /** The KPI by geography, mapped in the report. */
  readonly geo?: ReportGeo;
  /** What to do with geo.json (GeoFileAction). */
  readonly geoFile?: GeoFileAction;
  /** More files staged and swapped in with the run's (StagedRunFiles). */
  readonly files?: readonly StagedRunFiles[];
  /** Names of an earlier run's files this run does not write (a change log, geo-results.csv): removed in the same swap. */
  readonly stale?: readonly string[];
  /** Called once the new run is complete in the folder (every file moved in, the marker gone): from then on nothing may remove it. */
  readonly onCommit?: () => void;
  /**
   * Called as the swap begins (the run staged and the exports built, the user's own export files copied
   * into their staging folder, just before INCOMPLETE_FILE is written); the function it returns is
   * called once the swap has ended: after onCommit with no argument, or after a failure, once the marker
   * was dealt with (left when the folder may be mixed, removed when it is not), with the error that
   * writeRunFiles then throws. In between the folder may mix the old run and the new one, so a caller
   * holds Ctrl-C/SIGTERM meanwhile (the CLI's holdSignals), and a signal it held and acts on at the end
   * can say what failed first. Called at most once each.
   */
  readonly onSwap?: () => SwapEnd;
  /** Adds fields to summary.json (a refresh's comparison with the earlier run); the summary returned is the one written. */
  readonly summary?: (summary: SummaryResult) => SummaryResult;
}

/** Ends writeRunFiles' swap (RunFileExtras.onSwap): `error` is what failed in it, undefined when the run was committed. */
export type SwapEnd = (error?: unknown) => void;

/** What writeRunFiles computed and wrote. */
export interface WrittenRun {
  readonly summary: SummaryResult;
  readonly diagnostics: DiagnosticsResult;
  /** Absolute paths: RUN_FILES, results.sqlite, exports/csv, exports/parquet, report.html, then geo.json when written, then extra.files' names. */
  readonly files: string[];
  /** Paths of an earlier model's optimization files that were removed (OPTIMIZATION_FILES). */
  readonly removed: string[];
  /** The path of an earlier run's geo.json that geoFile 'remove' removed (a national run replacing a geo run); null when there was none. */
  readonly removedGeo: string | null;
  /** Paths of extra.stale files that were there and were removed. */
  readonly stale: string[];
}

/** Test hook: called before each step ('stage:<file>', 'exports', 'remove:optimize' (the previous optimize results), 'remove:<file>', 'move:<file>', 'unmark' (removing the incomplete marker), 'committed'); a throw simulates a failure there. */
export type RunWriteStep = (step: string) => void | Promise<void>;

/**
 * Stores a fitted model as a run folder so that its files switch to the new model as a whole:
 * 1. model.json, summary.json, decomposition.csv, diagnostics.json, response_curves.csv and the
 *    self-contained report.html are written into a staging folder `.mixwise-run-<pid>-<hex>` inside
 *    `outDir` (the slow part); a failure or kill here leaves the previous run untouched;
 * 2. the BI exports (results.sqlite, exports/csv, exports/parquet; see docs/exports.md) are built in
 *    their own staging folder; just before they are swapped in INCOMPLETE_FILE is written; then an
 *    earlier model's OPTIMIZATION_FILES are removed, and each staged
 *    file is renamed over its old one; then INCOMPLETE_FILE is removed and extra.onCommit called. A
 *    kill during this short step leaves the marker, and readers (readModel: report, optimize --model, the
 *    dashboard) refuse the folder; extra.onSwap brackets it, so a caller can hold signals until it ends.
 * geo.json follows extra.geoFile (GeoFileAction): written or removed in the same swap as model.json, so
 * a failed or killed fit leaves the previous run's map as it was; so do extra.files (staged and moved
 * in with the rest) and extra.stale (removed in the swap). Other files in `outDir` are kept. Our temp files and staging folders left by a killed writer are
 * removed first (removeStaleTemps).
 * @param outDir an existing folder
 * @param model the fitted model
 * @param extra RunFileExtras: geo.json, more staged files, stale files, the swap and commit callbacks
 * @param step test hook (RunWriteStep)
 * @returns the summary and diagnostics (computed once here) and the paths written
 * @throws file-system, SQLite or DuckDB errors
 * @example (await writeRunFiles('out/run', model)).files[0] // 'out/run/model.json'
 */
export async function writeRunFiles(outDir: string, model: MmmModel, extra: RunFileExtras = {}, step: RunWriteStep = () => undefined): Promise<WrittenRun> {
  await removeStaleTemps(outDir);
  const decomposition = decompose(model);
  const computed = summarizeModel(model, decomposition);
  const summary = extra.summary === undefined ? computed : extra.summary(computed);
  const diagnostics = modelDiagnostics(model, decomposition);
  const dec = decompositionTable(model, decomposition);
  const geoAction = extra.geoFile ?? 'keep';
  if (geoAction === 'write' && extra.geo === undefined) throw new Error('writeRunFiles: geoFile "write" needs extra.geo');
  const more = (extra.files ?? []).flatMap((f) => f.names);
  const names: string[] = [...RUN_FILES, ...(geoAction === 'write' ? [GEO_JSON] : []), ...more, REPORT_FILE];
  const staging = join(outDir, `.mixwise-run-${process.pid}-${randomBytes(6).toString('hex')}`);
  await mkdir(staging);
  const marker = join(outDir, INCOMPLETE_FILE);
  let mixed = false;
  let swapEnd: SwapEnd | undefined;
  let failure: { readonly error: unknown } | undefined;
  const endSwap = (): void => {
    const end = swapEnd;
    swapEnd = undefined;
    if (failure === undefined) end?.();
    else end?.(failure.error);
  };
  try {
    const staged = (name: string) => join(staging, name);
    await step('stage:model.json');
    await writeJsonAtomic(staged('model.json'), model);
    await step('stage:summary.json');
    await writeJsonAtomic(staged('summary.json'), summary);
    await step('stage:decomposition.csv');
    await writeCsvAtomic(staged('decomposition.csv'), dec.columns, dec.rows);
    await step('stage:diagnostics.json');
    await writeJsonAtomic(staged('diagnostics.json'), diagnostics);
    // The same rows and column names as the exports' response_curves table.
    const curves = responseCurvesTable(model, summary);
    await step('stage:response_curves.csv');
    await writeCsvAtomic(staged('response_curves.csv'), curves.columns.map((c) => c.name), curves.rows);
    // Staged before the report, so report.html is never older than the inputs it was rendered from
    // (the server serves it while it is current).
    if (geoAction === 'write') {
      await step(`stage:${GEO_JSON}`);
      await writeJsonAtomic(staged(GEO_JSON), extra.geo);
    }
    for (const f of extra.files ?? []) {
      await step(`stage:${f.names.join(',')}`);
      await f.write(staging, summary);
    }
    await step(`stage:${REPORT_FILE}`);
    await writeFileAtomic(staged(REPORT_FILE), renderReport({ model, summary, diagnostics, ...(extra.geo !== undefined ? { geo: extra.geo } : {}) }));
    const exported = await exportRun(outDir, model, { summary, decomposition }, async () => {
      await step('exports');
      // From here until the marker is removed the folder may mix the old run and the new one: the
      // caller's critical section (onSwap) starts before the first change to the folder (the exports
      // are complete in their staging folder by now, the user's own files in them copied too).
      swapEnd = extra.onSwap?.();
      await writeFileAtomic(marker, incompleteText(process.pid));
    });
    mixed = true;
    const removed = Object.values(OPTIMIZATION_FILES).map((f) => join(outDir, f)).filter((f) => existsSync(f));
    // Each step is announced before its change, so a step hook knows the one before it completed.
    await step('remove:optimize');
    for (const f of removed) await rm(f, { force: true });
    const oldGeo = join(outDir, GEO_JSON);
    const removedGeo = geoAction === 'remove' && existsSync(oldGeo) ? oldGeo : null;
    if (geoAction === 'remove') {
      await step(`remove:${GEO_JSON}`);
      await rm(oldGeo, { force: true });
    }
    const stale = (extra.stale ?? []).filter((name) => !names.includes(name)).map((name) => join(outDir, name)).filter((f) => existsSync(f));
    for (const f of stale) {
      await step(`remove:${f.slice(outDir.length + 1)}`);
      await rm(f, { force: true });
    }
    for (const name of names) {
      await step(`move:${name}`);
      await rename(staged(name), join(outDir, name));
    }
    await step('unmark');
    await rm(marker, { force: true });
    // The new run is whole: a caller's interrupt cleanup must no longer remove the folder.
    extra.onCommit?.();
    endSwap();
    await step('committed');
    const files = RUN_FILES.map((f) => join(outDir, f));
    files.push(exported.sqlite, exported.csvDir, exported.parquetDir, join(outDir, REPORT_FILE));
    if (geoAction === 'write') files.push(join(outDir, GEO_JSON));
    files.push(...more.map((name) => join(outDir, name)));
    return { summary, diagnostics, files, removed, removedGeo, stale };
  } catch (err) {
    // Before the exports changed, every file is still the previous run's: the folder is not mixed.
    if (!mixed) await rm(marker, { force: true }).catch(() => undefined);
    failure = { error: err };
    throw err;
  } finally {
    // A failed swap ends here, told the error (a signal held meanwhile is acted on now, before the
    // error reaches the caller).
    endSwap();
    await rm(staging, { recursive: true, force: true }).catch(() => undefined);
  }
}
