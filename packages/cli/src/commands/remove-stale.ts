import { existsSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { isAbsolute, join, relative } from 'node:path';
import type { CliIo } from '../io.ts';

/**
 * Removes files an earlier run into `outDir` left and this run does not write (a change log of a
 * cleaning no longer configured, a datamart table of `sources:` no longer used), so that the folder
 * never claims something about this run that is not true; says so on stderr, one line per file.
 * @param outDir the output folder
 * @param names file names in it
 * @param command the command writing the folder ('fit', 'prepare'), named in the message
 * @param io streams and working folder
 * @returns the paths removed
 * @example await removeStale('out', ['changes.csv'], 'fit', io) // ['/…/out/changes.csv'], stderr: "removed out/changes.csv: …"
 */
export async function removeStale(outDir: string, names: readonly string[], command: string, io: CliIo): Promise<string[]> {
  const removed: string[] = [];
  for (const name of names) {
    const file = join(outDir, name);
    if (!existsSync(file)) continue;
    await rm(file, { force: true });
    removed.push(file);
    noteRemoved(file, command, io);
  }
  return removed;
}

/**
 * The stderr line for an earlier run's file that this one removed (removeStale's, the fit's staged extras',
 * and geo.json's when a national fit replaces a geo-level one in the store's swap).
 * @example staleMessage('/w/out/changes.csv', 'fit', { cwd: '/w' }) // "removed out/changes.csv: an earlier fit's file that this fit does not write\n"
 */
export function staleMessage(file: string, command: string, io: Pick<CliIo, 'cwd'>): string {
  // Relative to the working folder when inside it, else the absolute path (not ../../tmp/…).
  const rel = relative(io.cwd, file);
  return `removed ${rel === '' || rel.startsWith('..') || isAbsolute(rel) ? file : rel}: an earlier ${command}'s file that this ${command} does not write\n`;
}

/** Writes staleMessage to stderr. */
export function noteRemoved(file: string, command: string, io: CliIo): void {
  io.stderr.write(staleMessage(file, command, io));
}
