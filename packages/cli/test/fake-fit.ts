// The CLI's dependencies with the fit itself faked: in-process tests of `mixwise fit` check what it is
// given (the table and options) without fitting.
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { ModelingTable, SummaryResult } from '@mixwise/engine';
import { defaultDeps, type CliDeps } from '../src/cli-deps.ts';
import type { FitRunOptions, FitRunResult } from '../src/commands/fit-run.ts';
import { extrasMessages, runExtras } from '../src/commands/fit-run-extras.ts';

/** One faked fit call: the table and the options `mixwise fit` passed. */
export interface FitCall {
  readonly table: ModelingTable;
  readonly options: FitRunOptions;
}

/**
 * The default dependencies with runFit recording each call into `calls` and returning an empty run. Like
 * runFit it writes the change log and removes an earlier fit's stale files (runExtras), so the CLI's
 * file contract can be checked without a model.
 */
export function recordingFit(calls: FitCall[]): CliDeps {
  return { ...defaultDeps, runFit: async (table, options, io) => {
    calls.push({ table, options });
    const { files, stale } = runExtras(table, options);
    for (const f of files) await f.write(options.outDir, { geos: [] } as unknown as SummaryResult);
    const removed = stale.map((name) => join(options.outDir, name)).filter((f) => existsSync(f));
    for (const f of removed) rmSync(f, { force: true });
    extrasMessages(options, removed, io);
    return { model: {}, summary: {}, diagnostics: {}, files: [] } as unknown as FitRunResult;
  } };
}
