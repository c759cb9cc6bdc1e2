// The files a fit stages beside the model (geo-results.csv, the change log) and the earlier run's files
// it removes in the same swap: one rule for runFit and for the faked fit of the CLI's tests.
import { join, relative } from 'node:path';
import type { ModelingTable } from '@mixwise/engine';
import { CHANGE_LOG_FILES, GEO_RESULTS_FILE, writeChangeLog, writeGeoResults, type CleaningResult } from '@mixwise/data';
import type { StagedRunFiles } from '@mixwise/store';
import type { CliIo } from '../io.ts';
import { staleMessage } from './remove-stale.ts';

/** What runExtras reads of the fit's options. */
export interface ExtrasOptions {
  readonly cleaning?: CleaningResult;
  readonly outDir: string;
}

/**
 * The extra files of a fit for writeRunFiles: geo-results.csv of a geo-level model and the cleaning's
 * change log, staged; and the names to remove in the swap (an earlier fit's change log when this one
 * cleans nothing, since it would claim these data were cleaned; geo-results.csv when this fit is national).
 * @example runExtras(nationalTable, { outDir }).stale // ['changes.csv', 'changes.json', 'geo-results.csv']
 */
export function runExtras(table: ModelingTable, options: ExtrasOptions): { files: StagedRunFiles[]; stale: string[] } {
  const files: StagedRunFiles[] = [];
  if (table.panel !== undefined) files.push({ names: [GEO_RESULTS_FILE], write: (dir, summary) => writeGeoResults(dir, summary.geos ?? []) });
  const { cleaning } = options;
  if (cleaning !== undefined) files.push({ names: [...CHANGE_LOG_FILES], write: (dir) => writeChangeLog(dir, cleaning) });
  const stale = [...(cleaning === undefined ? CHANGE_LOG_FILES : []), ...(table.panel === undefined ? [GEO_RESULTS_FILE] : [])];
  return { files, stale };
}

/**
 * Says on stderr what the swap removed (staleMessage) and where the change log is.
 * @example extrasMessages({ outDir: '/w/o2', cleaning }, [], io) // stderr: 'cleaning: 1 change logged in o2/changes.csv'
 */
export function extrasMessages(options: ExtrasOptions, stale: readonly string[], io: CliIo): void {
  for (const f of stale) io.stderr.write(staleMessage(f, 'fit', io));
  if (options.cleaning === undefined) return;
  const n = options.cleaning.changes.length;
  const csv = join(options.outDir, CHANGE_LOG_FILES[0]);
  io.stderr.write(`cleaning: ${n} change${n === 1 ? '' : 's'} logged in ${relative(io.cwd, csv) || csv}\n`);
}
