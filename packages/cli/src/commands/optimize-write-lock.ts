// optimize reads model.json, computes (seconds to minutes) and then writes its results beside it. A fit
// into the same folder meanwhile replaces model.json, so the results would describe a model that is no
// longer there. The folder's lock is taken for the write only (a long optimize must not block a fit),
// and under it the model is checked to be the one that was read.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkRunComplete, DataError, MODEL_FILE } from '@mixwise/data';
import { withOutDirLock } from './out-dir-lock.ts';

/**
 * The identity of a run folder's model.json: the SHA-256 of its bytes, or null when it cannot be read
 * (readModel then says why). Taken before the model is read, so a fit that replaces it between this
 * and the read makes the write-time check refuse rather than pass.
 * @example modelFingerprint('/w/out/demo') // 'a3f1…' (64 hex digits)
 */
export function modelFingerprint(dir: string): string | null {
  try {
    return createHash('sha256').update(readFileSync(join(dir, MODEL_FILE))).digest('hex');
  } catch {
    return null;
  }
}

/**
 * Runs optimize's `write` holding the run folder's lock (withOutDirLock, command 'optimize'), once the
 * folder is checked: not marked incomplete, and model.json still the bytes fingerprinted before the
 * model was read. Otherwise nothing is written.
 * @param dir the run folder (absolute)
 * @param shown the folder as the user gave it (--model), for messages
 * @param read modelFingerprint(dir) taken before the model was read
 * @param write writes every optimize file (the exports, optimization.json, …)
 * @throws DataError MODEL_REPLACED (another fit replaced the model), RUN_INCOMPLETE, OUTPUT_LOCKED (a fit is writing the folder)
 * @example await writeUnderModelLock(dir, 'out/demo', fingerprint, () => writeJsonAtomic(file, out))
 */
export async function writeUnderModelLock<T>(dir: string, shown: string, read: string | null, write: () => Promise<T>): Promise<T> {
  const unchanged = `optimize wrote nothing; previous results in ${shown} left unchanged`;
  return withOutDirLock(dir, shown, 'optimize', async () => {
    checkRunComplete(dir);
    if (read === null || modelFingerprint(dir) !== read) {
      throw new DataError([{ code: 'MODEL_REPLACED', severity: 'error',
        message: `the model in ${shown} was replaced by another fit while this optimize ran; run optimize again (${unchanged})`,
        hint: `run mixwise optimize --model ${shown} again: it will optimise the new model`, at: { file: join(shown, MODEL_FILE) } }]);
    }
    return write();
  }, { outcome: unchanged, hint: `wait for it to finish, then run optimize again (a fit replaces the model, so this optimize's results would describe the old one)` });
}
