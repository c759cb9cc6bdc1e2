import { readdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { pidAlive } from './pid-alive.ts';
import { exportStagingPid } from '../export/abandoned-staging.ts';

/** Temporary names of our writers: writeFileAtomic's `.<name>.<pid>.<12 hex>.tmp`, a run's staging folder `.mixwise-run-<pid>-<hex>`. */
const OUR_TEMP = /^\..+\.(\d+)\.[0-9a-f]{12}\.tmp$|^\.mixwise-run-(\d+)-[0-9a-f]+$/;

/**
 * The process id in one of our writers' temp names (OUR_TEMP), or null for any other name. The one
 * rule for what is ours, shared by removeStaleTemps and the CLI's interrupt cleanup.
 * @example ownTempPid('.model.json.4242.0a1b2c3d4e5f.tmp') // 4242
 */
export function ownTempPid(name: string): number | null {
  const m = OUR_TEMP.exec(name);
  return m === null ? null : Number(m[1] ?? m[2]);
}

/**
 * Whether a name is one of our writers' temp files or staging folders, of process `pid` when given.
 * @example isOwnTemp('.mixwise-run-4242-0a1b', 4242) // true
 */
export function isOwnTemp(name: string, pid?: number): boolean {
  const own = ownTempPid(name);
  return own !== null && (pid === undefined || own === pid);
}

/**
 * Whether a name is one of process `pid`'s half-written things: a temp file or run staging folder
 * (isOwnTemp) or an export staging folder (`.mixwise-export-<pid>-<hex>`, exportStagingPid; never a
 * `.mixwise-export-recovered-` one). What that process removes when it is stopped between its swaps
 * (the CLI's interrupt cleanup). Not for other processes' leftovers: removeStaleTemps leaves export
 * staging folders to clearAbandoned, which may first have to undo a half-done export swap.
 * @example isOwnTempOrStaging('.mixwise-export-4242-0a1b', 4242) // true
 */
export function isOwnTempOrStaging(name: string, pid: number): boolean {
  return isOwnTemp(name, pid) || exportStagingPid(name) === pid;
}

/** Past this age a temp file is stale even if its pid runs again (pids are reused). */
export const STALE_TEMP_MS = 6 * 60 * 60 * 1000;

/**
 * Removes the temporary files and staging folders our writers left in a folder when killed (they hold
 * customer data and nothing else removes them): only names of our temp pattern (OUR_TEMP), and only
 * when their process no longer runs or they are older than STALE_TEMP_MS. Other files are never touched.
 * Best effort: a file that cannot be removed is left.
 * @param folder the folder to clean (not recursive); a missing folder is nothing to do
 * @param now the current time in ms (tests)
 * @returns the paths removed
 * @example await removeStaleTemps('out/run') // ['out/run/.model.json.4242.0a1b2c3d4e5f.tmp']
 */
export async function removeStaleTemps(folder: string, now: number = Date.now()): Promise<string[]> {
  const removed: string[] = [];
  const entries = await readdir(folder).catch(() => [] as string[]);
  for (const name of entries) {
    const pid = ownTempPid(name);
    if (pid === null) continue;
    const path = join(folder, name);
    const st = await stat(path).catch(() => undefined);
    if (st === undefined) continue;
    if (pid !== process.pid && pidAlive(pid) && now - st.mtimeMs < STALE_TEMP_MS) continue;
    // Our own pid: a temp of this process that is not in use (writes are awaited before this runs).
    try {
      await rm(path, { recursive: true, force: true });
      removed.push(path);
    } catch {
      // Left for the next write to try again.
    }
  }
  return removed;
}
