import { realpathSync } from 'node:fs';
import { resolve } from 'node:path';
import type { FitWarning, ModelingTable } from '@mixwise/engine';
import { EngineError } from '@mixwise/engine';
import { DataError, type Issue } from '@mixwise/data';
import { UsageError } from '../usage-error.ts';
import type { RefreshSource } from './fit-refresh.ts';

/** The folder's real path, or undefined when it does not exist yet. */
function real(path: string): string | undefined {
  try {
    return realpathSync(path);
  } catch {
    return undefined;
  }
}

/**
 * Refuses `--out` naming the `--refresh` folder itself (also through a symlink or another spelling):
 * the new run would replace the one it starts from, and its comparison would compare the run with itself.
 * @throws UsageError (exit 2)
 */
export function checkRefreshOut(prev: string, out: string, cwd: string): void {
  const a = real(resolve(cwd, prev)), b = real(resolve(cwd, out));
  if (a === undefined || a !== b) return;
  throw new UsageError(`--out ${out} is the --refresh folder ${prev}: the refreshed run would replace the run it starts from, and compare it with itself; `
    + `write it to a new folder (e.g. --out ${prev.replace(/[\\/]+$/, '')}-refresh)`, 'fit');
}

/**
 * Refuses new data of another frequency than the previous model's: its curves (adstock per period),
 * max lags and spend per period mean something else on daily than on weekly data.
 * @throws DataError RUN_MISMATCH naming both frequencies and the file
 */
export function checkRefreshFrequency(source: RefreshSource, table: Pick<ModelingTable, 'frequency'>, file: string): void {
  const was = source.run.model.frequency;
  if (table.frequency === was) return;
  throw new DataError([{
    code: 'RUN_MISMATCH', severity: 'error',
    message: `${file} holds ${table.frequency} data but the previous run ${source.shown} was fitted on ${was} data: a refresh cannot reuse ${was} curves and lags on ${table.frequency} periods`,
    hint: `give ${file} as ${was} data (one row per ${was === 'weekly' ? 'week' : 'day'}), or fit it without --refresh`, at: { file },
  }]);
}

/**
 * Warnings (summary.json `warnings`, printed with the fit's) on the new data's window against the
 * previous one: no new period after its end (the refit learns nothing new), an end before its end, a
 * start after its start (history dropped).
 * @param dates the new window's dates
 * @param file the new data file, named in each warning
 */
export function refreshWindowWarnings(source: RefreshSource, dates: readonly string[], file: string): FitWarning[] {
  const prev = source.run.model;
  const first = prev.dates[prev.window.start], last = prev.dates[prev.window.end - 1];
  const newFirst = dates[0], newLast = dates[dates.length - 1];
  if (first === undefined || last === undefined || newFirst === undefined || newLast === undefined) return [];
  const warn = (message: string): FitWarning => ({ code: 'REFRESH_WINDOW', channel: null, message });
  const out: FitWarning[] = [];
  if (newLast <= last) {
    out.push(warn(`${file}'s window ends ${newLast}, ${newLast < last ? 'before' : 'on'} the last date of the previous run ${source.shown} (${last}): 0 new periods, so the refit cannot learn anything new. `
      + `Add the periods after ${last} to ${file} (a refresh file holds the full history plus the new periods), or check --end`));
  }
  if (newFirst > first) {
    out.push(warn(`${file}'s window starts ${newFirst}, after the previous run's start (${first}): the periods before it are no longer fitted (history dropped). `
      + `Keep the earlier periods in ${file} to refit on the full history, unless the window was moved on purpose (--start)`));
  }
  return out;
}

/**
 * The channels the previous model fitted on exposure, with the exposure column each used, checked
 * against the new table: each needs that same column (or the name --rename gives it), else the fit
 * would fail in the engine without naming the file.
 * @throws DataError MISSING_COLUMN naming the channel, the column and the file
 */
export function checkRefreshExposure(source: RefreshSource, table: ModelingTable, file: string, pins: Readonly<Record<string, string>>): void {
  const issues: Issue[] = [];
  // Both columns under their new names (--rename, refreshExposurePins); the channel found by its spend column, as the refresh matches them.
  for (const [spend, column] of Object.entries(pins)) {
    const now = table.channels.find((x) => x.column === spend);
    if (now === undefined || now.exposureColumn === column) continue;
    issues.push({
      code: 'MISSING_COLUMN', severity: 'error',
      message: `channel ${now.name} was modelled on its exposure column ${column} in the previous run ${source.shown}, ${now.exposureColumn === undefined ? `which ${file} lacks` : `but ${file} pairs it with ${now.exposureColumn}`}`,
      hint: `add ${column} to ${file}, or model the channels on spend with --media spend`, at: { file, column },
    });
  }
  if (issues.length > 0) throw new DataError(issues);
}

/** What a too-short refresh file is usually missing, added to the period-count errors of a refresh. */
function fullHistoryHint(source: RefreshSource): string {
  const m = source.run.model;
  return `a refresh file must hold the full history, the previous run's periods (${m.dates[m.window.start]} … ${m.dates[m.window.end - 1]}) plus the new ones, not only the new periods`;
}

/** A too-few-periods error of a refresh, with the hint that a refresh file holds the full history (other errors unchanged). */
export function withHistoryHint(err: unknown, source: RefreshSource): unknown {
  const tooFew = (code: string): boolean => code === 'TOO_FEW_PERIODS' || code === 'TOO_FEW_ROWS';
  if (err instanceof DataError && err.issues.some((i) => tooFew(i.code))) {
    return new DataError(err.issues.map((i) => (tooFew(i.code) ? { ...i, hint: `${i.hint}; ${fullHistoryHint(source)}` } : i)));
  }
  if (err instanceof EngineError && tooFew(err.code)) return new EngineError(err.code, `${err.message}; ${fullHistoryHint(source)}`, err.at);
  if (err instanceof UsageError && /at least \d+ are needed|must keep at least/.test(err.message)) return new UsageError(`${err.message}; ${fullHistoryHint(source)}`, 'fit');
  return err;
}

/**
 * The checks of the new table against the previous run (checkRefreshFrequency, and with `pins` (a refresh
 * of a run on exposure) checkRefreshExposure on the columns pinned).
 * @param pins refreshExposurePins' spend column → exposure column, when the channels are paired again
 * @throws DataError RUN_MISMATCH or MISSING_COLUMN
 */
export function checkRefreshTable(source: RefreshSource, table: ModelingTable, file: string, pins: Readonly<Record<string, string>> | undefined): void {
  checkRefreshFrequency(source, table, file);
  if (pins !== undefined) checkRefreshExposure(source, table, file, pins);
}
