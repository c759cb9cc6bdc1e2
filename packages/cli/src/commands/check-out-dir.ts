import { statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { UsageError } from '../usage-error.ts';

/**
 * The file in the way of a folder path: `path` itself or the nearest existing ancestor, when that
 * is not a folder; undefined when the nearest existing one is a folder (or nothing exists).
 * @example fileInTheWay('/tmp/data.csv/run') // '/tmp/data.csv' when that is a file
 */
export function fileInTheWay(path: string): string | undefined {
  for (let p = path; ; p = dirname(p)) {
    let st;
    try {
      st = statSync(p, { throwIfNoEntry: false });
    } catch {
      continue; // ENOTDIR: an ancestor is a file; the loop reaches it and says so
    }
    if (st !== undefined) return st.isDirectory() ? undefined : p;
    if (dirname(p) === p) return undefined;
  }
}

/**
 * Refuse an output folder that cannot be one before any work is done: `--out` naming an existing file,
 * or a path below a file. (mkdir's own EEXIST / ENOTDIR would come only after the data was read and in
 * Node's words.) The folder itself is created later, when there is something to write.
 * @param outDir the absolute output folder
 * @param command the command, for the usage hint
 * @param flag the option that named the folder, for the message (default '--out')
 * @throws UsageError naming the path and what is in the way
 * @example checkOutDir('/tmp/run', 'fit') // ok when /tmp/run is a folder or does not exist yet
 */
export function checkOutDir(outDir: string, command: string, flag = '--out'): void {
  const file = fileInTheWay(outDir);
  if (file === undefined) return;
  throw new UsageError(file === outDir
    ? `${flag} ${outDir} is a file, not a folder: give a folder for the outputs (it is created if missing)`
    : `${flag} ${outDir} cannot be created: ${file} is a file, not a folder`, command);
}

/**
 * Refuse an output file that cannot be written before any work is done: a path naming an existing
 * folder, or one below a file. A missing folder is fine: the command creates it when it writes.
 * @param outFile the absolute file to write
 * @param command the command, for the usage hint
 * @param flag the option that named the file (default '--out')
 * @param example a file name to suggest inside a folder given by mistake (e.g. 'report.html')
 * @throws UsageError naming the path, what is in the way and what to give instead
 * @example checkOutFile('/tmp/new/r.html', 'report') // ok: /tmp/new is created when the report is written
 */
export function checkOutFile(outFile: string, command: string, flag = '--out', example = 'out.txt'): void {
  const file = fileInTheWay(dirname(outFile));
  if (file !== undefined) {
    throw new UsageError(`${flag} ${outFile} cannot be written: ${file} is a file, not a folder; choose a path in a folder (missing folders are created)`, command);
  }
  if (statSync(outFile, { throwIfNoEntry: false })?.isDirectory() === true) {
    throw new UsageError(`${flag} ${outFile} is a folder, not a file: give the file to write, e.g. ${flag} ${join(outFile, example)}`, command);
  }
}
