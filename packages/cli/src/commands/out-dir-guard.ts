import { randomBytes } from 'node:crypto';
import { mkdir, readdir, rm, stat, unlink, writeFile } from 'node:fs/promises';
import { rmSync, statSync } from 'node:fs';
import { dirname, join, resolve, sep } from 'node:path';
import { DataError } from '@mixwise/data';
import { addErrorNote } from '../error-notes.ts';
import { onInterrupt } from './interrupt.ts';

/**
 * Runs a command's work on its output folder so that a location that cannot be written is told
 * before the work (not after a whole fit), and a failure leaves nothing misleading behind:
 * 1. the folder is created if missing and probed with a temporary file (removed at once); a folder
 *    that cannot be created or written is one OUTPUT_NOT_WRITABLE error naming it and the fix (exit 1);
 * 2. when the work fails, a folder this run created that still holds no file is removed, and when the
 *    folder held earlier results (any of `resultFiles`) that the failure did not touch, the error
 *    gets the note "the previous results in DIR were left unchanged";
 * 3. on SIGINT/SIGTERM during the work, a folder this run created is removed before the process exits
 *    (onInterrupt: exit 130/143), unless a complete run was committed into it (keepOutDir), which the
 *    message then says (for an existing folder too).
 * @param outDir the absolute output folder (checkOutDir has refused a file in the way)
 * @param shown the folder as shown in messages (as the user typed it)
 * @param resultFiles the names of the files a successful run writes, e.g. ['model.json']
 * @param work the command's work
 * @returns what the work returns
 * @throws DataError OUTPUT_NOT_WRITABLE; whatever the work throws (with the note added)
 * @example await guardOutDir('/tmp/run', 'run', ['model.json'], () => fit()) // /tmp/run is removed again if fit() throws first
 */
export async function guardOutDir<T>(outDir: string, shown: string, resultFiles: readonly string[], work: () => Promise<T>): Promise<T> {
  const before = await resultTimes(outDir, resultFiles);
  // An earlier run's commit in this process says nothing about this one.
  forgetCommitted(outDir);
  let created: string | undefined;
  try {
    created = await makeWritable(outDir, shown);
    const made = created;
    // Ctrl-C or SIGTERM: a folder this run created goes (as after a failure, whatever it holds by then).
    return await onInterrupt(() => {
      if (holdsCommitted(made ?? outDir)) return `kept ${shown}: the run written into it is complete`;
      if (made === undefined) return '';
      rmSync(made, { recursive: true, force: true });
      return `removed ${made === outDir ? shown : made}, which this run created`;
    }, work);
  } catch (err) {
    if (created !== undefined && !(await holdsFiles(created))) await rm(created, { recursive: true, force: true });
    const after = await resultTimes(outDir, resultFiles);
    if (before.size > 0 && [...before].every(([name, t]) => after.get(name) === t)) {
      addErrorNote(err, `the previous results in ${shown} were left unchanged`);
    }
    throw err;
  } finally {
    if (created !== undefined) forgetCommitted(created);
  }
}

/** Folders a complete run was committed into during this process (keepOutDir). */
const committed = new Set<string>();

/**
 * Disarms the interrupt removal of a folder (and of any created folder holding it) once a complete run
 * is in it: a Ctrl-C after writeRunFiles' swap must not remove a good run.
 * @example keepOutDir('/tmp/run') // a SIGINT now leaves /tmp/run
 */
export function keepOutDir(outDir: string): void {
  committed.add(resolve(outDir));
}

/** Whether a committed folder is `folder` or inside it. */
function holdsCommitted(folder: string): boolean {
  return [...committed].some((c) => c === folder || c.startsWith(folder + sep));
}

function forgetCommitted(folder: string): void {
  for (const c of [...committed]) if (c === folder || c.startsWith(folder + sep)) committed.delete(c);
}

/** Creates the folder if missing and probes it with a temporary file; returns the first folder created. */
async function makeWritable(outDir: string, shown: string): Promise<string | undefined> {
  let created: string | undefined;
  try {
    created = await mkdir(outDir, { recursive: true });
  } catch (err) {
    throw notWritable(shown, err, 'created', nearestParent(outDir));
  }
  const probe = join(outDir, `.mixwise-write-check.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    await writeFile(probe, '', { flag: 'wx' });
    await unlink(probe);
  } catch (err) {
    if (created !== undefined) await rm(created, { recursive: true, force: true });
    throw notWritable(shown, err, 'written', outDir);
  }
  return created;
}

function notWritable(shown: string, err: unknown, what: 'created' | 'written', blocker: string): DataError {
  const code = (err as NodeJS.ErrnoException | null)?.code;
  const why = code === 'EACCES' || code === 'EPERM' ? 'permission denied'
    : code === 'EROFS' ? 'read-only file system' : code === 'ENOSPC' ? 'no space left on the disk' : (err as Error).message;
  const fix = code === 'EROFS' || code === 'ENOSPC'
    ? 'choose another folder with --out'
    : `choose a folder you can write to with --out, or make ${blocker} writable for your user`;
  return new DataError([{ code: 'OUTPUT_NOT_WRITABLE', severity: 'error',
    message: `the output folder ${shown} cannot be ${what} (${why}${what === 'created' ? ` in ${blocker}` : ''}); nothing was computed`, hint: fix, at: { file: shown } }]);
}

/** The nearest existing folder above a path (the one mkdir would create in). */
function nearestParent(path: string): string {
  let p = dirname(path);
  while (dirname(p) !== p && statSync(p, { throwIfNoEntry: false }) === undefined) p = dirname(p);
  return p;
}

/** The modification times of the result files present in a folder. */
async function resultTimes(outDir: string, names: readonly string[]): Promise<Map<string, number>> {
  const times = new Map<string, number>();
  for (const name of names) {
    const st = await stat(join(outDir, name)).catch(() => undefined);
    if (st !== undefined) times.set(name, st.mtimeMs);
  }
  return times;
}

/** Whether a folder holds any file, in it or below (a folder of empty folders holds none). */
async function holdsFiles(folder: string): Promise<boolean> {
  const entries = await readdir(folder, { withFileTypes: true }).catch(() => []);
  for (const e of entries) {
    if (!e.isDirectory() || await holdsFiles(join(folder, e.name))) return true;
  }
  return false;
}
