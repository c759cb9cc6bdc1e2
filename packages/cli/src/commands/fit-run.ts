import {
  centredControls, fitMmm, withHolidayCalendar, mroiGaps, type RoiPrior, type ModelingTable, type ModelSpec, type AdstockType, type SaturationType, type LiftTest, type MmmModel, type MoneyFormat, type SummaryResult, type DiagnosticsResult,
} from '@mixwise/engine';
import { GEO_RESULTS_FILE, type CleaningResult, type GeoBreakdown, type Issue, type ResolvedRoles } from '@mixwise/data';
import { modelSource, runSpec, writeRunFiles, RUN_FILES, type RunWriteStep, type SwapEnd } from '@mixwise/store';
import { REPORT_FILE } from '@mixwise/report';
import { scaledPosteriorNote } from './posterior-note.ts';
import { join, resolve } from 'node:path';
import type { CliIo } from '../io.ts';
import { createProgress } from '../render/progress.ts';
import { noteRemoved } from './remove-stale.ts';
import { renderChannelTable } from '../render/table.ts';
import { threadedFit } from '@mixwise/parallel';
import { formatFitReport } from '../render/fit-report.ts';
import { renderGeoSection } from '../render/geo-section.ts';
import { keepOutDir } from './out-dir-guard.ts';
import { extrasMessages, runExtras } from './fit-run-extras.ts';
import { holdSignals } from './interrupt.ts';
import type { FitRefresh } from './fit-refresh.ts';
import { refreshSummary, refreshText } from './fit-refresh-report.ts';
import { swapError, trackSwap, type SwapTracker } from './swap-failure.ts';

/** Everything `fit` (and `demo`) validated from the command line, for runFit. */
export interface FitRunOptions {
  /** The data file as the user typed it (for messages and the run manifest). */
  readonly dataPath: string;
  /** Absolute output folder; it exists when runFit is called. */
  readonly outDir: string;
  readonly method: 'ridge' | 'bayes';
  /** Sampler settings for --method bayes (--chains, --warmup, --draws, --target-accept); undefined keeps DEFAULT_BAYES_SPEC. */
  readonly bayes?: { readonly chains?: number; readonly warmup?: number; readonly draws?: number; readonly targetAccept?: number };
  readonly seed?: number;
  readonly iterations?: number;
  /** --posterior-iterations (or the config's search.posterior_iterations); undefined: scaled to the search (runSpec). */
  readonly posteriorIterations?: number;
  /** Number of final periods held out of the fit. */
  readonly holdout?: number;
  /** Modeling window rows [start, end); earlier rows warm up adstock. Default: every row. */
  readonly window?: { readonly start: number; readonly end: number };
  /** Absolute path of a --config file, when given (read by fit.ts into configSpec). */
  readonly configPath?: string;
  /** Model-spec settings from the config file (configSpec); the other options and model flags override them. */
  readonly configSpec?: Partial<ModelSpec>;
  /** Worker threads for the search (1 = evaluate in the main thread). */
  readonly workers: number;
  /** Lift-test results to calibrate against: a Gaussian likelihood of each test's lift (with its standard error) in the posterior, and the MAPE.LIFT objective. */
  readonly liftTests?: readonly LiftTest[];
  /** Model choices from flags; anything undefined keeps the engine's default. */
  readonly model?: {
    readonly adstock?: AdstockType | 'auto';
    readonly maxLag?: number;
    readonly saturation?: SaturationType | 'auto';
    readonly seasonality?: number;
    readonly changepoints?: number;
    /** ROI prior; null for none, undefined for the engine's default. */
    readonly roiPrior?: RoiPrior | null;
    /** --media: every channel with an exposure column on exposure, or all on spend; undefined keeps the config's. */
    readonly media?: 'spend' | 'exposure';
  };
  /** Machine output: only JSON on stdout, no progress. */
  readonly json: boolean;
  /** --currency and --locale (or the config's, or a refreshed run's): stored in model.json, used by the printed table. */
  readonly money?: MoneyFormat;
  /** The columns used for each role. */
  readonly roles: ResolvedRoles;
  /** Data warnings already printed to stderr (for the run manifest). */
  readonly warnings: readonly Issue[];
  /** KPI by geography (panels, runs built from sources with geos): written as geo.json with the run (the report maps it); without it an earlier run's geo.json is removed in the same swap. */
  readonly geo?: GeoBreakdown;
  /** The cleaning's change log, written as changes.csv and changes.json in the run's swap. */
  readonly cleaning?: CleaningResult;
  /** `--refresh PREV_RUN`: recorded in model.json, compared with the new run in summary.json and after the printed summary. */
  readonly refresh?: FitRefresh;
}

/** What a fit produced, for callers that print more (demo). */
export interface FitRunResult {
  readonly model: MmmModel;
  readonly summary: SummaryResult;
  readonly diagnostics: DiagnosticsResult;
  readonly files: readonly string[];
}

/**
 * Fit the model (parallel search with a progress bar on stderr), write the run's files atomically
 * into the output folder, then print the channel table and fit metrics (or only summary.json with --json).
 * @param table the validated modeling table
 * @param options validated command-line options
 * @param io streams and environment
 * @param step test hook passed to writeRunFiles (RunWriteStep)
 * @throws EngineError from the fit
 */
export async function runFit(table: ModelingTable, options: FitRunOptions, io: CliIo, step?: RunWriteStep): Promise<FitRunResult> {
  const m = options.model ?? {};
  const spec = runSpec(table, {
    configSpec: options.configSpec, seed: options.seed, iterations: options.iterations, posteriorIterations: options.posteriorIterations, holdout: options.holdout,
    window: options.window, liftTests: options.liftTests,
    adstock: m.adstock, maxLag: m.maxLag, saturation: m.saturation, seasonality: m.seasonality, changepoints: m.changepoints, roiPrior: m.roiPrior, media: m.media,
    method: options.method, bayes: options.bayes,
  });
  const posteriorNote = scaledPosteriorNote(spec, options.posteriorIterations, options.configSpec);
  if (posteriorNote !== null) io.stderr.write(`note: ${posteriorNote}\n`);
  // The file as it was when the fit read it (a file edited during a long fit would be recorded wrong after).
  const source = await modelSource(resolve(io.cwd, options.dataPath));
  const progress = createProgress(io, { json: options.json });
  let model: MmmModel;
  try {
    model = await fitMmm(table, spec, {
      ...threadedFit(options.workers),
      onProgress: (p) => progress.update(p),
    });
  } finally {
    progress.stop();
  }
  // The search runs whole generations, at least two per run, so a small --iterations is rounded up.
  const asked = spec.search?.iterations;
  if (asked !== undefined && model.search.nCandidates > asked) {
    io.stderr.write(`note: iterations ${asked} is less than the search's least (two generations of each of its ${spec.search?.trials ?? 'parallel'} runs): it evaluated ${model.search.nCandidates} candidate models\n`);
  }
  // The model records the file it came from (name and SHA-256), so a run folder says what it is a model of.
  // … and the holidays asked for with their week label, which the residual advice reads.
  model = withHolidayCalendar({ ...model, source, ...(options.money === undefined ? {} : { money: options.money }), ...(options.refresh === undefined ? {} : { refresh: options.refresh.record }) }, table);
  // geo.json, geo-results.csv and the change log are written (or an earlier run's removed) in the same swap as model.json.
  const extras = runExtras(table, options);
  // Follows the swap's moves, so a failure in it can say which files are whose.
  const swap = trackSwap(options.outDir, [...RUN_FILES, ...(options.geo === undefined ? [] : ['geo.json']), ...extras.files.flatMap((f) => f.names), REPORT_FILE], step);
  let swapFailed: unknown;
  const { summary, diagnostics, files: written, removed, removedGeo, stale } = await writeRunFiles(options.outDir, model, {
    ...(options.geo === undefined ? { geoFile: 'remove' as const } : { geo: options.geo, geoFile: 'write' as const }),
    ...extras,
    ...(options.refresh === undefined ? {} : { summary: refreshSummary(options.refresh, model) }),
    // A Ctrl-C or SIGTERM during the swap is held until it ends, so it cannot leave the folder mixed.
    onSwap: () => holdSwap(swap, (e) => { swapFailed = e; }),
    // From the swap on the folder holds a good run: a Ctrl-C must not remove it (guardOutDir).
    onCommit: () => keepOutDir(options.outDir),
  }, swap.step).catch((err: unknown) => {
    // A swap that failed part-way: say which files are whose and how to recover, not only the raw error.
    const f = swapFailed === err ? swap.failure(err) : null;
    throw f?.marked === true ? swapError(f, err, options.outDir) : err;
  });
  for (const f of removed) io.stderr.write(`removed ${f}: it was computed from the model this fit replaced (run mixwise optimize again)\n`);
  // A national fit over a geo-level run: the earlier run's KPI by geography went with it, said as removeStale says it.
  if (removedGeo !== null) noteRemoved(removedGeo, 'fit', io);
  extrasMessages(options, stale, io);
  // A geo-level model's per-geo results (summary.json `geos`) also as a table beside decomposition.csv.
  const geos = table.panel === undefined ? undefined : summary.geos;
  const geoFile = geos === undefined ? undefined : join(options.outDir, GEO_RESULTS_FILE);
  // Its path as the "Wrote:" list shows paths (absolute).
  const geoSection = geos === undefined || geoFile === undefined || table.panel === undefined ? '' : renderGeoSection(geos, { column: table.panel.column, file: geoFile, ...(summary.geos_note === undefined ? {} : { note: summary.geos_note }) });
  if (options.json) io.stdout.write(JSON.stringify(summary, null, 2) + '\n');
  else io.stdout.write(formatFitReport(summary, diagnostics, renderChannelTable(summary.channels, { money: model.money, kind: model.target.kind }), written, mroiGaps(model, summary.channels), centredControls(model), geoSection));
  if (options.refresh !== undefined && !options.json) io.stdout.write(refreshText(options.refresh, summary, model.money));
  return { model, summary, diagnostics, files: written };
}


/**
 * writeRunFiles' onSwap: holds Ctrl-C/SIGTERM until the swap ends (holdSignals; a second one says the
 * run is still being moved in). When a move fails after a signal was held, the process exits before
 * the error could be reported, so the stop message first names the error and, when the folder is left
 * marked incomplete, which files are whose and how to fix it (SwapTracker). Without a held signal the
 * error is reported by runFit (swapError).
 * @param swap follows the swap's moves
 * @param failed told the error the swap ended with
 * @returns ends the swap (SwapEnd)
 */
function holdSwap(swap: SwapTracker, failed: (error: unknown) => void): SwapEnd {
  const end = holdSignals('finishing moving the run in');
  return (error) => {
    if (error === undefined) {
      end();
      return;
    }
    failed(error);
    const f = swap.failure(error);
    end(`error: ${f.what}\n${f.marked ? `${f.recover}\n${f.state}\n` : ''}`);
  };
}
