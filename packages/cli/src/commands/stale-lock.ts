import { readFile, rm, stat, writeFile } from 'node:fs/promises';
import { setTimeout as sleep } from 'node:timers/promises';

/** A take-over holds its guard for a few milliseconds; one this old was left by a process killed mid-take-over. */
const GUARD_ABANDONED_MS = 5_000;
const GUARD_WAIT_MS = 5;

/**
 * Removes the stale lock file `lock`, only while it still has the text `stale`, holding a take-over
 * guard (`<lock>.takeover`, created exclusively). Of several processes finding the same stale lock,
 * one removes it; none can remove a lock another process created after it. Why: a lock file is
 * removed only by its holder (on release) or by a taker holding the guard, and a stale lock's holder
 * is gone, so under the guard the lock cannot change between the read and the rm.
 * @param lock the lock file's path
 * @param stale the stale lock's text (as read when it was found stale)
 * @returns true when the stale lock is gone (create the lock again); false when another process
 *   is taking it over (this waited a moment; try again)
 * @example if (await removeStaleLock(lock, text)) continue
 */
export async function removeStaleLock(lock: string, stale: string): Promise<boolean> {
  const guard = `${lock}.takeover`;
  try {
    await writeFile(guard, `${process.pid}\n`, { flag: 'wx' });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    await removeAbandonedGuard(guard);
    await sleep(GUARD_WAIT_MS);
    return false;
  }
  try {
    if ((await readFile(lock, 'utf8').catch(() => undefined)) === stale) await rm(lock, { force: true });
  } finally {
    await rm(guard, { force: true });
  }
  return true;
}

/**
 * Removes a guard left by a process killed during its take-over (else no stale lock could ever be
 * taken over again). Two processes could both find it old and one remove the other's fresh guard;
 * that needs a kill within a take-over's milliseconds and then two takers within microseconds of
 * each other, which is accepted.
 */
async function removeAbandonedGuard(guard: string): Promise<void> {
  const mtime = (await stat(guard).catch(() => undefined))?.mtimeMs;
  if (mtime !== undefined && Date.now() - mtime > GUARD_ABANDONED_MS) await rm(guard, { force: true });
}
