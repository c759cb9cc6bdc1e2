// A fit's swap (writeRunFiles moving the staged run over the previous one) that fails part-way leaves
// the folder mixing two fits, marked incomplete. The raw error ("ENOSPC … rename") says none of that, so
// the swap's moves are followed (writeRunFiles' step hook) to say which files are whose and what to do.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { DataError, INCOMPLETE_FILE } from '@mixwise/data';
import type { RunWriteStep } from '@mixwise/store';

/** Follows a swap's moves; says what a failure in it left (swapFailure). */
export interface SwapTracker {
  /** writeRunFiles' step hook: records each `move:<file>`, then calls the caller's own hook. */
  readonly step: RunWriteStep;
  /** What `error`, which ended the swap, left in the folder. */
  failure(error: unknown): SwapFailure;
}

/** What a failed swap left, in words. */
export interface SwapFailure {
  /** The folder is marked incomplete (it may mix two fits); false: the previous run is whole (state and recover then do not apply). */
  readonly marked: boolean;
  /** What failed, with the cause. */
  readonly what: string;
  /** Which files are the new fit's and which the previous fit's. */
  readonly state: string;
  /** That the folder is marked incomplete and how to recover. */
  readonly recover: string;
}

const EXPORTS = 'results.sqlite, exports/';

/**
 * @param outDir the run folder (absolute)
 * @param planned every file the swap moves in (the run files, the report, geo.json, extras), in any order
 * @param step the caller's own step hook (tests), called after the move is recorded
 * @example const t = trackSwap(out, ['model.json', 'summary.json']); await writeRunFiles(out, model, {}, t.step)
 */
export function trackSwap(outDir: string, planned: readonly string[], step?: RunWriteStep): SwapTracker {
  const moved: string[] = [];
  const removed: string[] = [];
  // The step under way: writeRunFiles announces each step before its change, so the one before it completed.
  let current: string | undefined;
  const done = (s: string | undefined): void => {
    if (s?.startsWith('move:')) moved.push(s.slice('move:'.length));
    else if (s === 'remove:optimize') removed.push('the previous model\'s optimize results');
    else if (s?.startsWith('remove:')) removed.push(s.slice('remove:'.length));
  };
  return {
    step: (s) => {
      done(current);
      current = s;
      return step?.(s);
    },
    failure: (error) => {
      const cause = error instanceof Error ? error.message : String(error);
      const left = planned.filter((f) => !moved.includes(f));
      const failedAt = current?.startsWith('move:') || current?.startsWith('remove:') ? current.slice(current.indexOf(':') + 1) : undefined;
      const removing = current === 'remove:optimize' ? 'the previous model\'s optimize results' : current?.startsWith('remove:') ? failedAt : undefined;
      const gone = [...removed, ...(removing === undefined ? [] : [`possibly ${removing}`])];
      const state = current === 'exports' || current === undefined
        // Failed while the exports were swapped.
        ? `the exports (${EXPORTS}) may already be the new fit's; every other run file is still the previous fit's (${left.join(', ')})`
        : [`now the new fit's: ${[...moved, EXPORTS].join(', ')}`,
          ...(left.length > 0 ? [`still the previous fit's, or missing (not moved in): ${left.join(', ')}`] : []),
          ...(gone.length > 0 ? [`removed: ${gone.join(', ')}`] : [])].join('; ');
      return {
        marked: existsSync(join(outDir, INCOMPLETE_FILE)),
        what: `moving the run into ${outDir} failed${current === 'unmark' ? ` removing ${INCOMPLETE_FILE}` : failedAt === undefined ? '' : ` at ${removing === undefined ? failedAt : `removing ${failedAt === 'optimize' ? 'the optimize results' : failedAt}`}`}: ${cause}`,
        state,
        recover: `${outDir} is marked incomplete (${INCOMPLETE_FILE}): it mixes files of two fits, and mixwise refuses to read it (RUN_INCOMPLETE); fix the cause, then fit again with --out ${outDir} to write a complete run`,
      };
    },
  };
}

/**
 * The error a failed swap is reported as when no signal is pending: RUN_INCOMPLETE saying what failed,
 * which files are whose and how to recover (exit 1); the original error is its cause.
 * @example throw swapError(tracker.failure(err)!, err, 'out/run')
 */
export function swapError(f: SwapFailure, cause: unknown, outDir: string): DataError {
  const err = new DataError([{ code: 'RUN_INCOMPLETE', severity: 'error', message: `${f.what}; ${f.state}`, hint: f.recover, at: { file: outDir } }]);
  (err as { cause?: unknown }).cause = cause;
  return err;
}
