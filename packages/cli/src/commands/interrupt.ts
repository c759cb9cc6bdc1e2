// Ctrl-C (SIGINT) or SIGTERM during a command that writes an output folder: the command's cleanups run
// (the folder's lock is released, a folder the run created is removed), a message goes to stderr and the
// process exits with the conventional code (128 + the signal's number: 130, 143).
import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { isOwnTemp } from '@mixwise/data';

/** A synchronous cleanup (the process exits right after); returns what it did, for the message, or ''. */
export type InterruptCleanup = () => string;

/** The exit code of a process stopped by a signal, as shells report it. */
export const SIGNAL_EXIT = { SIGINT: 130, SIGTERM: 143 } as const;

type HandledSignal = keyof typeof SIGNAL_EXIT;

const cleanups: InterruptCleanup[] = [];

function onSignal(signal: HandledSignal): void {
  const done: string[] = [];
  // The innermost cleanup first (the lock inside the folder before the folder).
  for (const c of [...cleanups].reverse()) {
    try {
      const what = c();
      if (what !== '') done.push(what);
    } catch {
      // Best effort: the process is stopping.
    }
  }
  cleanups.length = 0;
  process.stderr.write(`mixwise: stopped by ${signal}${done.length > 0 ? `; ${done.join('; ')}` : ''}\n`);
  process.exit(SIGNAL_EXIT[signal]);
}

const handlers = { SIGINT: () => onSignal('SIGINT'), SIGTERM: () => onSignal('SIGTERM') };

/**
 * Runs `work` with `cleanup` run on SIGINT/SIGTERM before the process exits (130/143). The handlers are
 * installed while any such work runs and removed afterwards, so the default behaviour is back then.
 * @param cleanup synchronous; returns a few words on what it did (e.g. 'removed out/run'), or ''
 * @param work the command's work
 * @returns what the work returns
 * @example await onInterrupt(() => { rmSync(lock); return 'released the lock'; }, () => fit())
 */
export async function onInterrupt<T>(cleanup: InterruptCleanup, work: () => Promise<T>): Promise<T> {
  if (cleanups.length === 0) for (const [s, h] of Object.entries(handlers)) process.on(s, h);
  cleanups.push(cleanup);
  try {
    return await work();
  } finally {
    const i = cleanups.lastIndexOf(cleanup);
    if (i >= 0) cleanups.splice(i, 1);
    if (cleanups.length === 0) for (const [s, h] of Object.entries(handlers)) process.off(s, h);
  }
}

/**
 * Removes this process's temp files and staging folders in a folder (a kill leaves the previous run's
 * files as they were; these are the new run's half-written ones). Synchronous, best effort.
 * @example removeOwnTemps('/tmp/run') // 2
 */
export function removeOwnTemps(folder: string): number {
  let n = 0;
  for (const name of (() => { try { return readdirSync(folder); } catch { return []; } })()) {
    // The same name rule as removeStaleTemps (isOwnTemp), for this process only.
    if (!isOwnTemp(name, process.pid)) continue;
    rmSync(join(folder, name), { recursive: true, force: true });
    n++;
  }
  return n;
}
