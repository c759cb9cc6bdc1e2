import { cp, mkdir, readdir, rename, rm, rmdir } from 'node:fs/promises';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { clearAbandoned, keepForRecovery, pathExists, STAGING_PREFIX } from './abandoned-staging.ts';

export { STAGING_PREFIX } from './abandoned-staging.ts';

/** Where an export's three formats go: the run folder's own paths, or the staging folder's. */
export interface ExportPaths {
  /** `results.sqlite`. */
  readonly sqlite: string;
  /** The CSV folder (`exports/csv` in the run folder). */
  readonly csvDir: string;
  /** The Parquet folder (`exports/parquet` in the run folder). */
  readonly parquetDir: string;
}

/**
 * A failed export. Nothing of the run folder's previous export was changed (unless the message says
 * the previous export could not be put back). `code` is the file-system code of the cause (ENOENT,
 * EACCES, ENOSPC, …) when it had one, so callers can tell the user's disk from a bug.
 */
export class ExportWriteError extends Error {
  readonly code?: string;
  constructor(message: string, cause: unknown) {
    super(message, { cause });
    this.name = 'ExportWriteError';
    const code = (cause as NodeJS.ErrnoException | null)?.code;
    if (typeof code === 'string') this.code = code;
  }
}

/**
 * The run folder's export paths.
 * @example exportPaths('out/run').csvDir // 'out/run/exports/csv'
 */
export function exportPaths(outDir: string): ExportPaths {
  return { sqlite: join(outDir, 'results.sqlite'), csvDir: join(outDir, 'exports', 'csv'), parquetDir: join(outDir, 'exports', 'parquet') };
}

/**
 * Replaces a run folder's export (results.sqlite, exports/csv, exports/parquet) as one: `build` writes
 * the new export into a staging folder beside them (`<outDir>/.mixwise-export-<pid>-<hex>`, on the same
 * disk, so renames are atomic); then the old CSV and Parquet folders are moved aside, the new ones
 * renamed into place, and results.sqlite renamed over the old file last. If building or any rename
 * fails, the completed renames are undone and the staging folder removed, so the previous export (or
 * none) stays exactly as it was: the three formats always come from the same export. Files in the old
 * CSV / Parquet folders that are not export tables (names other than `<snake_case>.csv` /
 * `<snake_case>.parquet`, e.g. your own notes) are copied into the new folders. Staging folders left
 * by a process that no longer runs (a crash) are cleared first, a half-done swap undone (clearAbandoned).
 * When undoing a failed swap fails too, the staging folder, which then holds the previous CSV and
 * Parquet folders, is renamed `.mixwise-export-recovered-<pid>-<hex>` (never removed) and the error says so.
 * @param outDir the run folder; it must exist
 * @param build writes results.sqlite and the csv / parquet folders (which exist, empty) at the paths it is given
 * @param beforeSwap called once the new export is complete in the staging folder (built, and the user's
 *   own files copied into it), just before the first change to the run folder's export; a throw cancels
 *   the export like a failed build
 * @throws ExportWriteError naming the run folder's paths (not the staging folder's) and saying the previous export is unchanged
 * @example await publishExport('out/run', async (p) => { await writeSqlite(p.sqlite, tables); … })
 */
export async function publishExport(outDir: string, build: (staged: ExportPaths) => Promise<void>, beforeSwap?: () => Promise<void>): Promise<void> {
  const staging = join(outDir, `${STAGING_PREFIX}${process.pid}-${randomBytes(6).toString('hex')}`);
  const target = exportPaths(outDir);
  const staged: ExportPaths = { sqlite: join(staging, 'results.sqlite'), csvDir: join(staging, 'csv'), parquetDir: join(staging, 'parquet') };
  const fail = (err: unknown, previous: string): ExportWriteError => {
    const cause = err instanceof Error ? err.message : String(err);
    return new ExportWriteError(`cannot write the exports ${target.sqlite}, ${target.csvDir} and ${target.parquetDir}: ${targetNames(cause, staged, target)}; ${previous}`, err);
  };
  try {
    await mkdir(staging);
  } catch (err) {
    throw fail(err, 'the previous export, if any, is unchanged');
  }
  try {
    await clearAbandoned(outDir, staging, target);
    await mkdir(staged.csvDir);
    await mkdir(staged.parquetDir);
    await build(staged);
    // Only reads the run folder's export and writes into the staging folder: before beforeSwap, so a
    // caller's critical section there (writeRunFiles' onSwap) does not span this copy.
    await carryOver(target.csvDir, staged.csvDir, '.csv');
    await carryOver(target.parquetDir, staged.parquetDir, '.parquet');
    await beforeSwap?.();
    await swap(outDir, staging, staged, target);
  } catch (err) {
    if (err instanceof RollbackError) {
      // The staging folder holds the only copy of the previous folders: renamed so no export removes it.
      const kept = await keepForRecovery(staging);
      throw fail(err.cause, `the previous export could not be put back (${err.message}); its files are in ${kept} `
        + '(previous-csv, previous-parquet), a folder later exports leave alone');
    }
    await rm(staging, { recursive: true, force: true }).catch(() => undefined);
    throw fail(err, 'the previous export, if any, is unchanged');
  }
  // The export is in place: removing the old CSV and Parquet folders (moved into the staging folder) is
  // best-effort, and a folder left behind is cleared by a later export once this process has ended.
  await rm(staging, { recursive: true, force: true }).catch(() => undefined);
}

class RollbackError extends Error {}

/** Move the new export into place; undo every completed step when one fails. */
async function swap(outDir: string, staging: string, staged: ExportPaths, target: ExportPaths): Promise<void> {
  const exportsDir = join(outDir, 'exports');
  const created = await mkdir(exportsDir, { recursive: true });
  const done: [from: string, to: string][] = [];
  const move = async (from: string, to: string): Promise<void> => {
    await rename(from, to);
    done.push([from, to]);
  };
  try {
    for (const [fresh, old, name] of [[staged.csvDir, target.csvDir, 'csv'], [staged.parquetDir, target.parquetDir, 'parquet']] as const) {
      if (await pathExists(old)) await move(old, join(staging, `previous-${name}`));
      await move(fresh, old);
    }
    // Last: a rename over the old file, atomic on its own.
    await rename(staged.sqlite, target.sqlite);
  } catch (err) {
    for (const [from, to] of done.reverse()) {
      try {
        await rename(to, from);
      } catch (undo) {
        throw new RollbackError(`moving ${to} back to ${from}: ${undo instanceof Error ? undo.message : String(undo)}`, { cause: err });
      }
    }
    if (created !== undefined) await rmdir(exportsDir).catch(() => undefined);
    throw err;
  }
}

/** Copy the entries of the old folder that are not export tables (nor temporary files) into the new one. */
async function carryOver(oldDir: string, newDir: string, ext: string): Promise<void> {
  let entries: string[];
  try {
    entries = await readdir(oldDir);
  } catch (err) {
    if (['ENOENT', 'ENOTDIR'].includes((err as NodeJS.ErrnoException).code ?? '')) return;
    throw err;
  }
  const table = new RegExp(`^[a-z][a-z0-9_]*${ext.replace('.', '\\.')}$`);
  for (const entry of entries) {
    if (table.test(entry) || /^\..*\.tmp$/.test(entry)) continue;
    await cp(join(oldDir, entry), join(newDir, entry), { recursive: true, preserveTimestamps: true });
  }
}

/**
 * An error message with the staging paths (and atomic writes' hidden temporary names) replaced by the
 * run folder's paths the user knows.
 * @example targetNames("EISDIR: rename '/r/.mixwise-export-1-ab/parquet/.x.parquet.1.cd.tmp'", staged, target) // "EISDIR: rename '/r/exports/parquet/x.parquet'"
 */
export function targetNames(message: string, staged: ExportPaths, target: ExportPaths): string {
  return message
    .replace(/([/\\])\.([^/\\'"]+?)\.\d+\.[0-9a-f]+\.tmp/g, '$1$2')
    .replaceAll(staged.sqlite, target.sqlite)
    .replaceAll(staged.csvDir, target.csvDir)
    .replaceAll(staged.parquetDir, target.parquetDir);
}
