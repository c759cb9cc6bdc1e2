import { realpath, lstat } from 'node:fs/promises';
import { isAbsolute, join, relative, sep } from 'node:path';

/**
 * Resolves `name` inside the folder `root` for reading, refusing anything that could leave it: an
 * absolute name, `..` or a separator or NUL in any segment, and a file whose real path (symlinks
 * followed) is not inside the root's real path. Only regular files are returned.
 * @param root the folder (absolute)
 * @param segments path segments below the root, each one plain name (e.g. ['exports', 'csv', 'x.csv'])
 * @returns the real absolute path of the file, or undefined when it is missing, not a regular file, or outside
 * @example await resolveInside('/runs/demo', ['summary.json']) // '/runs/demo/summary.json'
 */
export async function resolveInside(root: string, segments: readonly string[]): Promise<string | undefined> {
  for (const s of segments) {
    if (s === '' || s === '.' || s === '..' || s.includes('/') || s.includes('\\') || s.includes('\0') || isAbsolute(s)) return undefined;
  }
  let realRoot: string;
  let real: string;
  try {
    realRoot = await realpath(root);
    real = await realpath(join(root, ...segments));
  } catch {
    return undefined;
  }
  const rel = relative(realRoot, real);
  if (rel === '' || rel.startsWith('..') || isAbsolute(rel) || rel.split(sep).includes('..')) return undefined;
  const info = await lstat(real).catch(() => undefined);
  return info?.isFile() === true ? real : undefined;
}
