import { statSync } from 'node:fs';
import { dirname } from 'node:path';
import { UsageError } from '../usage-error.ts';

/**
 * Refuse an output folder that cannot be one before any work is done: `--out` naming an existing file,
 * or a path below a file. (mkdir's own EEXIST / ENOTDIR would come only after the data was read and in
 * Node's words.) The folder itself is created later, when there is something to write.
 * @param outDir the absolute output folder
 * @param command the command, for the usage hint
 * @throws UsageError naming the path and what is in the way
 * @example checkOutDir('/tmp/run', 'fit') // ok when /tmp/run is a folder or does not exist yet
 */
export function checkOutDir(outDir: string, command: string): void {
  for (let p = outDir; ; p = dirname(p)) {
    let st;
    try {
      st = statSync(p, { throwIfNoEntry: false });
    } catch {
      continue; // ENOTDIR: an ancestor is a file; the loop reaches it and says so
    }
    if (st !== undefined) {
      if (!st.isDirectory()) {
        throw new UsageError(p === outDir
          ? `--out ${outDir} is a file, not a folder: give a folder for the outputs (it is created if missing)`
          : `--out ${outDir} cannot be created: ${p} is a file, not a folder`, command);
      }
      return;
    }
    if (dirname(p) === p) return;
  }
}
