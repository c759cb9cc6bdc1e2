// The CLI's dependencies with the fit itself faked: in-process tests of `mixwise fit` check what it is
// given (the table and options) without fitting.
import type { ModelingTable } from '@mixwise/engine';
import { defaultDeps, type CliDeps } from '../src/cli-deps.ts';
import type { FitRunOptions, FitRunResult } from '../src/commands/fit-run.ts';

/** One faked fit call: the table and the options `mixwise fit` passed. */
export interface FitCall {
  readonly table: ModelingTable;
  readonly options: FitRunOptions;
}

/** The default dependencies with runFit recording each call into `calls` and returning an empty run. */
export function recordingFit(calls: FitCall[]): CliDeps {
  return { ...defaultDeps, runFit: async (table, options) => {
    calls.push({ table, options });
    return { model: {}, summary: {}, diagnostics: {}, files: [] } as unknown as FitRunResult;
  } };
}
