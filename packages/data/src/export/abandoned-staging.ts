import { lstat, readdir, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { pidAlive } from '../write/pid-alive.ts';

/** Name prefix of the staging folder an export is built in, inside the run folder (`.mixwise-export-<pid>-<hex>`). */
export const STAGING_PREFIX = '.mixwise-export-';

/**
 * Name prefix of a staging folder kept because it holds the only copy of a previous export (a swap
 * that could not be undone): `.mixwise-export-recovered-<pid>-<hex>`. No export removes it.
 */
export const RECOVERED_PREFIX = '.mixwise-export-recovered-';

/** The run folder's CSV and Parquet folders, which a swap moves aside into the staging folder as `previous-csv` / `previous-parquet`. */
export interface SwappedFolders {
  readonly csvDir: string;
  readonly parquetDir: string;
}

const STAGING_NAME = new RegExp(`^${STAGING_PREFIX.replaceAll('.', '\\.')}(\\d+)-[0-9a-f]+$`);

/**
 * The process id in an export staging folder's name (`.mixwise-export-<pid>-<hex>`), or null for any
 * other name (a RECOVERED_PREFIX folder included: no rule of ours removes it). The one rule for what is
 * an export staging folder, shared by clearAbandoned and the CLI's interrupt cleanup (which removes its own).
 * @example exportStagingPid('.mixwise-export-4242-0a1b') // 4242
 */
export function exportStagingPid(name: string): number | null {
  const m = STAGING_NAME.exec(name);
  return m === null ? null : Number(m[1]);
}

/**
 * Renames a staging folder to the RECOVERED_PREFIX name no export removes, so the previous export's
 * files it holds survive the next export; the staging path itself when the rename fails.
 * @param staging the staging folder (`<outDir>/.mixwise-export-<pid>-<hex>`)
 * @returns the folder the files are now in
 * @example await keepForRecovery('/r/.mixwise-export-12-ab') // '/r/.mixwise-export-recovered-12-ab'
 */
export async function keepForRecovery(staging: string): Promise<string> {
  const kept = join(dirname(staging), basename(staging).replace(STAGING_PREFIX, RECOVERED_PREFIX));
  try {
    await rename(staging, kept);
    return kept;
  } catch {
    return staging;
  }
}

/**
 * Clears the staging folders of processes that no longer run (an export interrupted by a crash), other
 * than `own`. One without `previous-csv` / `previous-parquet` only holds an unfinished new export and is
 * removed. One with them was interrupted during the swap: when it still holds part of the new export
 * (results.sqlite, csv or parquet) the swap is undone (the new folders moved back out, the previous ones
 * back into place) before it is removed; when it holds nothing else the swap had finished and it is
 * removed. When undoing fails, it is kept under the RECOVERED_PREFIX name (keepForRecovery).
 * @param outDir the run folder
 * @param own this export's staging folder, left alone
 * @param target the run folder's CSV and Parquet folders
 * @example await clearAbandoned('out/run', 'out/run/.mixwise-export-77-0a1b', exportPaths('out/run'))
 */
export async function clearAbandoned(outDir: string, own: string, target: SwappedFolders): Promise<void> {
  for (const entry of await readdir(outDir)) {
    const pid = exportStagingPid(entry);
    const staging = join(outDir, entry);
    if (pid === null || staging === own || pidAlive(pid)) continue;
    if (!(await undoSwap(staging, target))) {
      await keepForRecovery(staging);
      continue;
    }
    await rm(staging, { recursive: true, force: true });
  }
}

/** Undo an interrupted swap whose staging folder is `staging`; false when a step failed (the folder then still holds what was not moved). */
async function undoSwap(staging: string, target: SwappedFolders): Promise<boolean> {
  const names = await readdir(staging);
  const moved = names.filter((n) => n === 'previous-csv' || n === 'previous-parquet');
  // No previous folder was moved aside, or the swap had finished (the new export all moved out).
  if (moved.length === 0 || !names.some((n) => ['results.sqlite', 'csv', 'parquet'].includes(n))) return true;
  try {
    for (const [name, old] of [['csv', target.csvDir], ['parquet', target.parquetDir]] as const) {
      if (!names.includes(`previous-${name}`)) continue;
      // The new folder was moved in: move it back out before the previous one goes back.
      if (!names.includes(name) && await pathExists(old)) await rename(old, join(staging, name));
      await rename(join(staging, `previous-${name}`), old);
    }
    return true;
  } catch {
    return false;
  }
}

/**
 * Whether a path exists (a broken link counts); file-system errors other than ENOENT are thrown.
 * @example await pathExists('out/run/exports/csv') // true
 */
export async function pathExists(path: string): Promise<boolean> {
  try {
    await lstat(path);
    return true;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw err;
  }
}
