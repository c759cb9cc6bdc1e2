import { readFile, rm, stat, writeFile } from 'node:fs/promises';
import { removeStaleLock } from './stale-lock.ts';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { DataError, pidAlive } from '@mixwise/data';
import { onInterrupt, removeOwnTemps } from './interrupt.ts';

/** The lock file of an output folder: `<pid>\n<command>\n<ISO time>\n` of the process writing it. */
export const LOCK_FILE = '.mixwise.lock';

/** A lock file that names no process (a kill between its creation and its write) is stale after this. */
const UNREADABLE_LOCK_MS = 60_000;
/** A lock file naming no process yet, younger than this, is being written by its creator (the create and the write are two steps): re-read it. */
const BEING_WRITTEN_MS = 1_000;
const WRITING_STEP_MS = 5;

/** How long a lock held by `mixwise optimize` is waited for: it holds one only while writing its results (seconds). */
export const OPTIMIZE_LOCK_WAIT_MS = 15_000;
const WAIT_STEP_MS = 100;

/** How withOutDirLock words a refusal (OUTPUT_LOCKED), for a command that stops after its work (optimize's write). */
export interface LockRefusal {
  /** What did not happen, after the holder (default 'nothing was computed'). */
  readonly outcome?: string;
  /** The hint (default: wait, or another --out). */
  readonly hint?: string;
}

/**
 * Runs `work` holding the output folder's lock, so two commands writing the same --out (two
 * `mixwise fit` runs) cannot mix their files: the lock file is created exclusively (O_EXCL) with this
 * process's id; when it exists and names a running process the command stops with OUTPUT_LOCKED
 * naming it; a lock of a process that no longer runs is taken over; a lock held by `mixwise optimize`
 * (which holds one only while writing its results) is waited for, up to OPTIMIZE_LOCK_WAIT_MS. The
 * lock is removed afterwards, also on SIGINT/SIGTERM (the process then exits 130/143).
 * @param outDir the absolute output folder (it exists)
 * @param shown the folder as shown in messages
 * @param command the command, recorded in the lock
 * @param work the command's work
 * @param refusal the OUTPUT_LOCKED message's wording (LockRefusal)
 * @returns what the work returns
 * @throws DataError OUTPUT_LOCKED (exit 1); whatever the work throws
 * @example await withOutDirLock('/tmp/run', 'run', 'fit', () => fit())
 */
export async function withOutDirLock<T>(outDir: string, shown: string, command: string, work: () => Promise<T>, refusal: LockRefusal = {}): Promise<T> {
  const lock = join(outDir, LOCK_FILE);
  const mine = `${process.pid}\n${command}\n${new Date().toISOString()}\n`;
  const waitUntil = Date.now() + OPTIMIZE_LOCK_WAIT_MS;
  for (;;) {
    try {
      await writeFile(lock, mine, { flag: 'wx' });
      break;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
    const text = await readFile(lock, 'utf8').catch(() => undefined);
    // Released between our create and the read: the folder is free, create again.
    if (text === undefined) continue;
    const holder = await holderOf(lock, text);
    if (holder === 'writing') {
      await new Promise((done) => setTimeout(done, WRITING_STEP_MS));
      continue;
    }
    if (holder === undefined) {
      // Its process is gone: remove that very lock (never one created since) and create again; a
      // racing taker may win the create, and is then the holder waited for or refused.
      if (!(await removeStaleLock(lock, text)) && Date.now() >= waitUntil) throw locked(shown, lock, {}, refusal);
      continue;
    }
    // An optimize writes for a moment; anything else (a fit) may hold the folder for minutes.
    if (holder.command !== 'optimize' || Date.now() >= waitUntil) throw locked(shown, lock, holder, refusal);
    await new Promise((done) => setTimeout(done, WAIT_STEP_MS));
  }
  try {
    // Ctrl-C or SIGTERM: release the lock and remove this run's half-written temp files (the previous
    // run's files are untouched until the swap), then exit 130/143 (onInterrupt).
    return await onInterrupt(() => {
      if (readLockSync(lock) === mine) rmSync(lock, { force: true });
      const temps = removeOwnTemps(outDir);
      return `released the lock on ${shown}${temps > 0 ? ' and removed this run\'s temporary files' : ''}`;
    }, work);
  } finally {
    // Only our own lock: never one another process took over meanwhile.
    if ((await readFile(lock, 'utf8').catch(() => '')) === mine) await rm(lock, { force: true });
  }
}

/** The lock file's text, or '' when it is gone. */
function readLockSync(lock: string): string {
  try {
    return readFileSync(lock, 'utf8');
  } catch {
    return '';
  }
}

interface Holder { readonly pid?: number; readonly command?: string; readonly since?: string }

/**
 * Who holds a lock file with this text: undefined when it is stale (its process is gone, or it names
 * none and is old); 'writing' when it names none yet but was just created (its creator is writing it).
 */
async function holderOf(lock: string, text: string): Promise<Holder | 'writing' | undefined> {
  const [pidText, command, since] = text.split('\n');
  const pid = Number(pidText);
  if (Number.isSafeInteger(pid) && pid > 0) return pid !== process.pid && pidAlive(pid) ? { pid, command, since } : undefined;
  const age = Date.now() - ((await stat(lock).catch(() => undefined))?.mtimeMs ?? 0);
  if (age < BEING_WRITTEN_MS) return 'writing';
  return age < UNREADABLE_LOCK_MS ? {} : undefined;
}

function locked(shown: string, lock: string, h: Holder, refusal: LockRefusal): DataError {
  const who = h.pid === undefined ? 'another mixwise process' : `another mixwise process (pid ${h.pid}${h.command ? `, mixwise ${h.command}` : ''}${h.since ? `, since ${h.since}` : ''})`;
  return new DataError([{ code: 'OUTPUT_LOCKED', severity: 'error',
    message: `${who} is writing the output folder ${shown}; ${refusal.outcome ?? 'nothing was computed'}`,
    hint: `${refusal.hint ?? 'wait for it to finish or choose another folder with --out'}; if that process is not running any more, delete ${lock}`, at: { file: shown } }]);
}
