import { readFile } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { basename } from 'node:path';
import type { ModelSource } from '@mixwise/engine';

/**
 * What a model records about the file it was fitted on (MmmModel.source): the name a person knows it
 * by, and a SHA-256 of its bytes.
 * @param path where the file is
 * @param name the name to record when it is not the path's own (an upload is stored under an id)
 * @returns file name, hash and size
 * @throws file-system errors
 * @example (await modelSource('data/sales.csv')).file // 'sales.csv'
 */
export async function modelSource(path: string, name: string = path): Promise<ModelSource> {
  const bytes = await readFile(path);
  // Only the base name: a model is shared, and a path says where it was made, not what it is.
  return { file: basename(name.replace(/\\/g, '/')), sha256: createHash('sha256').update(bytes).digest('hex'), bytes: bytes.length };
}
