import { join } from 'node:path';
import {
  defaultModelSpec, fitMmm, summarizeModel, decompose, decompositionTable, modelDiagnostics,
  type ModelingTable, type ModelSpec, type AdstockType, type SaturationType, type LiftTest, type MmmModel, type SummaryResult, type DiagnosticsResult,
} from '@mixwise/engine';
import { writeJsonAtomic, writeCsvAtomic, exportRun, responseCurvesTable, type Issue, type ResolvedRoles } from '@mixwise/data';
import type { CliIo } from '../io.ts';
import { createProgress } from '../render/progress.ts';
import { renderChannelTable } from '../render/table.ts';
import { createWorkerPool } from '../parallel/worker-pool.ts';
import { formatFitReport } from '../render/fit-report.ts';
import { UsageError } from '../usage-error.ts';

/** Everything `fit` (and `demo`) validated from the command line, for runFit. */
export interface FitRunOptions {
  /** The data file as the user typed it (for messages and the run manifest). */
  readonly dataPath: string;
  /** Absolute output folder; it exists when runFit is called. */
  readonly outDir: string;
  readonly method: 'ridge' | 'bayes';
  readonly seed?: number;
  readonly iterations?: number;
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
  /** Lift-test results to calibrate against (MAPE.LIFT objective). */
  readonly liftTests?: readonly LiftTest[];
  /** Model choices from flags; anything undefined keeps the engine's default. */
  readonly model?: {
    readonly adstock?: AdstockType | 'auto';
    readonly maxLag?: number;
    readonly saturation?: SaturationType;
    readonly seasonality?: number;
    readonly changepoints?: number;
  };
  /** Machine output: only JSON on stdout, no progress. */
  readonly json: boolean;
  /** The columns used for each role. */
  readonly roles: ResolvedRoles;
  /** Data warnings already printed to stderr (for the run manifest). */
  readonly warnings: readonly Issue[];
}

/** What a fit produced, for callers that print more (demo). */
export interface FitRunResult {
  readonly model: MmmModel;
  readonly summary: SummaryResult;
  readonly diagnostics: DiagnosticsResult;
  readonly files: readonly string[];
}

/** Output files of a run, in the order they are written. */
export const RUN_FILES = ['model.json', 'summary.json', 'decomposition.csv', 'diagnostics.json', 'response_curves.csv'] as const;

/**
 * Fit the model (parallel search with a progress bar on stderr), write the run's files atomically
 * into the output folder, then print the channel table and fit metrics (or only summary.json with --json).
 * @param table the validated modeling table
 * @param options validated command-line options
 * @param io streams and environment
 * @throws UsageError for --method bayes (not available yet); EngineError from the fit
 */
export async function runFit(table: ModelingTable, options: FitRunOptions, io: CliIo): Promise<FitRunResult> {
  if (options.method === 'bayes') {
    throw new UsageError('--method bayes is not available yet: use --method ridge (the default)', 'fit');
  }
  const defaults = defaultModelSpec({ nTimes: table.dates.length, frequency: table.frequency, channels: table.channels.map((c) => c.name) }, options.configSpec);
  const m = options.model ?? {};
  const spec: Partial<ModelSpec> = {
    ...options.configSpec,
    channels: defaults.channels.map((c) => ({
      ...c,
      ...(m.adstock !== undefined ? { adstock: m.adstock } : {}),
      ...(m.maxLag !== undefined ? { maxLag: m.maxLag } : {}),
      ...(m.saturation !== undefined ? { saturation: m.saturation } : {}),
    })),
    ...(m.seasonality !== undefined ? { seasonalityOrder: m.seasonality } : {}),
    ...(m.changepoints !== undefined ? { trend: { ...defaults.trend, changepoints: m.changepoints } } : {}),
    ...(options.holdout !== undefined ? { holdout: options.holdout } : {}),
    ...(options.liftTests !== undefined ? { liftTests: options.liftTests } : {}),
    ...(options.window !== undefined ? { window: options.window } : {}),
    search: {
      ...defaults.search,
      ...(options.seed !== undefined ? { seed: options.seed } : {}),
      ...(options.iterations !== undefined ? { iterations: options.iterations } : {}),
    },
  };
  const progress = createProgress(io, { json: options.json });
  let model: MmmModel;
  try {
    model = await fitMmm(table, spec, {
      parallel: options.workers > 1 ? createWorkerPool(options.workers) : undefined,
      onProgress: (p) => progress.update(p),
    });
  } finally {
    progress.stop();
  }
  const decomposition = decompose(model);
  const summary = summarizeModel(model, decomposition);
  const diagnostics = modelDiagnostics(model, decomposition);
  const dec = decompositionTable(model, decomposition);
  const files = RUN_FILES.map((f) => join(options.outDir, f));
  await writeJsonAtomic(files[0], model);
  await writeJsonAtomic(files[1], summary);
  await writeCsvAtomic(files[2], dec.columns, dec.rows);
  await writeJsonAtomic(files[3], diagnostics);
  // The same rows as the exports' response_curves table; the run-folder CSV keeps its longer header.
  const curves = responseCurvesTable(model, summary);
  await writeCsvAtomic(files[4], ['channel', 'spend_per_period', 'kpi_per_period', 'marginal_kpi_per_spend', 'is_current'], curves.rows);
  const exported = await exportRun(options.outDir, model, { summary, decomposition });
  files.push(exported.sqlite, exported.csvDir, exported.parquetDir);
  if (options.json) io.stdout.write(JSON.stringify(summary, null, 2) + '\n');
  else io.stdout.write(formatFitReport(summary, diagnostics, renderChannelTable(summary.channels), files));
  return { model, summary, diagnostics, files };
}
