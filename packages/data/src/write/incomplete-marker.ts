import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DataError } from '../issue.ts';

/**
 * The file that marks a run folder whose files are being switched to a new fit's: written before the
 * first file is moved in and removed after the last, so a kill in between leaves it, and readers
 * refuse a folder that may mix two models. Visible (no leading dot) so a person sees it too.
 */
export const INCOMPLETE_FILE = 'mixwise-incomplete.txt';

/**
 * The marker's text: what happened and what to do.
 * @example incompleteText(42).startsWith('A mixwise fit (process 42)') // true
 */
export function incompleteText(pid: number): string {
  return `A mixwise fit (process ${pid}, ${new Date().toISOString()}) was moving its files into this folder.\n`
    + 'While this file exists the folder may hold files of two different fits: run mixwise fit again to replace them all.\n';
}

/**
 * Refuses a run folder marked incomplete (INCOMPLETE_FILE present).
 * @param dir the run folder as given by the user
 * @throws DataError RUN_INCOMPLETE naming the folder and the fix
 * @example checkRunComplete('out/run') // returns when out/run has no mixwise-incomplete.txt
 */
export function checkRunComplete(dir: string): void {
  const marker = join(dir, INCOMPLETE_FILE);
  if (!existsSync(marker)) return;
  let pid = '';
  try {
    pid = /process (\d+)/.exec(readFileSync(marker, 'utf8'))?.[1] ?? '';
  } catch {
    // The marker's presence is what counts.
  }
  throw new DataError([{ code: 'RUN_INCOMPLETE', severity: 'error',
    message: `the run in ${dir} is incomplete: a fit${pid === '' ? '' : ` (process ${pid})`} was interrupted while writing it, so its files may come from different fits`,
    hint: `fit again with --out ${dir} to write a complete run (or, if that fit is still running, wait for it to finish)`, at: { file: dir } }]);
}
