// Ctrl-C (SIGINT) or SIGTERM during a command that writes an output folder: the command's cleanups run
// (the folder's lock is released, a folder the run created is removed), a message goes to stderr and the
// process exits with the conventional code (128 + the signal's number: 130, 143). A signal that arrives
// during a critical section (holdSignals: writeRunFiles' swap) is held and acted on when it ends; a
// further one meanwhile says why the process is not stopping yet, and a section that failed says what
// failed before the stop message.
import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { isOwnTempOrStaging } from '@mixwise/data';

/** A synchronous cleanup (the process exits right after); returns what it did, for the message, or ''. */
export type InterruptCleanup = () => string;

/** The exit code of a process stopped by a signal, as shells report it. */
export const SIGNAL_EXIT = { SIGINT: 130, SIGTERM: 143 } as const;

type HandledSignal = keyof typeof SIGNAL_EXIT;

const cleanups: InterruptCleanup[] = [];
/** Open critical sections (holdSignals), and the first signal that arrived during one. */
let holds = 0;
let held: HandledSignal | undefined;
/** What each open section is doing (holdSignals' `doing`), innermost last. */
const doings: string[] = [];
/** Failure notes of the sections that ended (holdSignals), printed before the stop message if a held signal is acted on. */
const notes: string[] = [];

function onSignal(signal: HandledSignal): void {
  if (holds > 0) {
    // The first is acted on when the section ends; a further one (a second Ctrl-C) is told why not yet.
    if (held !== undefined) process.stderr.write(`mixwise: ${doings.at(-1) ?? 'finishing a step that must not be cut'}; stopping right after\n`);
    held ??= signal;
    return;
  }
  // A failed section's note first (the error the process will not get to report otherwise).
  for (const n of notes.splice(0)) process.stderr.write(n.endsWith('\n') ? n : `${n}\n`);
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
let installed = false;

/** Our handlers are installed while any cleanup is registered or any critical section is open. */
function syncHandlers(): void {
  const want = cleanups.length > 0 || holds > 0;
  if (want === installed) return;
  for (const [s, h] of Object.entries(handlers)) {
    if (want) process.on(s, h);
    else process.off(s, h);
  }
  installed = want;
}

/**
 * Opens a critical section: a SIGINT/SIGTERM arriving until the returned function is called is held,
 * then acted on as usual (cleanups, message, exit 130/143) when the last open section ends. A further
 * signal meanwhile prints `mixwise: <doing>; stopping right after` (the process still stops once, with
 * the first signal's code). For a short step that must not be cut in the middle (writeRunFiles' swap:
 * its onSwap hook). When the step failed, pass a note on the failure to the returned function: if a
 * signal was held it is printed before the stop message (the process exits before the error could be
 * reported); otherwise it is dropped and the error is reported as usual.
 * @param doing what the section does, as `finishing …` (e.g. 'finishing moving the run in')
 * @returns ends the section, with an optional note on its failure (a second call does nothing)
 * @example const end = holdSignals('finishing moving the run in'); try { await swap(); end(); } catch (e) { end(`error: ${e}`); throw e; }
 */
export function holdSignals(doing = 'finishing a step that must not be cut'): (failure?: string) => void {
  holds++;
  doings.push(doing);
  syncHandlers();
  let open = true;
  return (failure) => {
    if (!open) return;
    open = false;
    holds--;
    const i = doings.lastIndexOf(doing);
    if (i >= 0) doings.splice(i, 1);
    if (failure !== undefined && failure !== '') notes.push(failure);
    const signal = holds === 0 ? held : undefined;
    if (holds === 0) held = undefined;
    if (signal !== undefined) onSignal(signal);
    // No signal to act on: the notes are dropped (the failure is reported as an error).
    if (holds === 0) notes.length = 0;
    syncHandlers();
  };
}

/**
 * Runs `work` with `cleanup` run on SIGINT/SIGTERM before the process exits (130/143). The handlers are
 * installed while any such work runs and removed afterwards, so the default behaviour is back then.
 * @param cleanup synchronous; returns a few words on what it did (e.g. 'removed out/run'), or ''
 * @param work the command's work
 * @returns what the work returns
 * @example await onInterrupt(() => { rmSync(lock); return 'released the lock'; }, () => fit())
 */
export async function onInterrupt<T>(cleanup: InterruptCleanup, work: () => Promise<T>): Promise<T> {
  cleanups.push(cleanup);
  syncHandlers();
  try {
    return await work();
  } finally {
    const i = cleanups.lastIndexOf(cleanup);
    if (i >= 0) cleanups.splice(i, 1);
    syncHandlers();
  }
}

/**
 * Removes this process's temp files and staging folders in a folder, the run's and the exports'
 * (`.mixwise-run-<pid>-<hex>`, `.mixwise-export-<pid>-<hex>`): the new run's half-written files, while
 * the previous run's are as they were (outside writeRunFiles' swap, when signals are held). Synchronous,
 * best effort: one entry that cannot be removed never stops the rest.
 * @example removeOwnTemps('/tmp/run') // 2
 */
export function removeOwnTemps(folder: string): number {
  let n = 0;
  for (const name of (() => { try { return readdirSync(folder); } catch { return []; } })()) {
    // The data package's name rules (isOwnTemp and the export staging folder's), for this process only.
    if (!isOwnTempOrStaging(name, process.pid)) continue;
    if (removeTreeSync(join(folder, name))) n++;
    // Else left for the next run's stale-temp sweep (removeStaleTemps), which removes a dead process's folders.
  }
  return n;
}

/** Pauses the (stopping) thread: the cleanups are synchronous. */
function sleepSync(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/**
 * Removes a file or folder tree that a writer may still be adding to: a signal can come while a write
 * into a staging folder is in flight (an open() of the report's temp file in the thread pool, DuckDB's
 * own threads), and that file then appears after the removal listed the folder. rmSync's own retries
 * only retry the folder's rmdir, never list it again, so they fail on such a file every time; each
 * attempt here is a whole new removal, with a growing pause (at most ~0.5 s in all) for the writer to stop.
 * @param path what to remove
 * @param remove one removal attempt (rmSync; a test passes a fake that meets a late writer)
 * @returns whether it is gone
 * @example removeTreeSync('/tmp/run/.mixwise-run-42-0a1b2c') // true
 */
export function removeTreeSync(path: string, remove: (path: string) => void = (p) => rmSync(p, { recursive: true, force: true })): boolean {
  const attempts = 10;
  for (let a = 1; ; a++) {
    try {
      remove(path);
      return true;
    } catch {
      if (a === attempts) return false;
      sleepSync(10 * a);
    }
  }
}
