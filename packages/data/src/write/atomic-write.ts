import { open, rename, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { randomBytes } from 'node:crypto';

/**
 * Writes a file atomically: the data goes to a temporary file in the same folder, is flushed to disk
 * (fsync), then renamed over the target, so readers see either the old file or the complete new one,
 * never a half-written file. On failure the temporary file is removed and the error rethrown. The
 * folder must exist.
 * @param path destination file
 * @param data text (written as UTF-8) or bytes
 * @throws the file-system error (e.g. ENOENT when the folder does not exist, EACCES)
 * @example await writeFileAtomic('out/summary.json', '{}\n') // out/summary.json now holds '{}\n'
 */
export async function writeFileAtomic(path: string, data: string | Uint8Array): Promise<void> {
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
  let renamed = false;
  try {
    const handle = await open(temp, 'wx');
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, path);
    renamed = true;
    await syncFolder(dirname(path));
  } finally {
    if (!renamed) await unlink(temp).catch(() => undefined);
  }
}

/**
 * Writes a value as pretty-printed JSON (2-space indent, trailing newline) atomically. Typed arrays
 * (Float64Array…) are written as plain JSON arrays rather than JSON.stringify's index-keyed objects.
 * @param path destination file
 * @param value any JSON-serialisable value
 * @throws the file-system error; TypeError for values JSON cannot hold (cycles, BigInt)
 * @example await writeJsonAtomic('out/truth.json', { beta: new Float64Array([1, 2]) }) // '{\n  "beta": [\n    1,\n    2\n  ]\n}\n'
 */
export async function writeJsonAtomic(path: string, value: unknown): Promise<void> {
  await writeFileAtomic(path, toJson(value));
}

/**
 * The JSON text writeJsonAtomic writes: 2-space indent, typed arrays as arrays, trailing newline.
 * @example toJson({ a: new Float64Array([0.5]) }) // '{\n  "a": [\n    0.5\n  ]\n}\n'
 */
export function toJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => (ArrayBuffer.isView(v) && !(v instanceof DataView) ? Array.from(v as Float64Array) : v), 2) + '\n';
}

/** fsync a folder so the rename itself survives a crash; best effort (not possible on every platform). */
async function syncFolder(folder: string): Promise<void> {
  try {
    const handle = await open(folder, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // Some platforms (Windows) cannot open or fsync a directory; the data itself was already synced.
  }
}
