import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { completeSummary, summarizeModel, type MmmModel, type StoredSummary, type SummaryResult } from '@mixwise/engine';
import { DataError, readModel } from '@mixwise/data';

/** The working folder under which `shown` resolves to `dir`, or '' when shown is absolute or does not. */
function dirname0(dir: string, shown: string): string {
  return resolve(shown) === dir ? process.cwd() : '';
}

/** The summary file of a run folder. */
const SUMMARY_FILE = 'summary.json';

/** A run folder read for a comparison or a refresh. */
export interface ComparedRunFiles {
  readonly model: MmmModel;
  readonly summary: SummaryResult;
}

/**
 * Reads a run folder's model.json (readModel: the folder exists, the run is complete, the schemaVersion
 * is readable) and summary.json (completed from the model when it predates a field; recomputed from the
 * model when missing).
 * @param dir the run folder (absolute)
 * @param shown the folder as the user gave it (named in messages)
 * @throws DataError FILE_NOT_FOUND, RUN_INCOMPLETE, NOT_A_MODEL … (readModel); MODEL_JSON_SYNTAX for a summary.json that is not JSON
 */
export function readRunFiles(dir: string, shown: string): ComparedRunFiles {
  // readModel names the folder by the path it reads: as the user typed it when that path resolves the same (as optimize does).
  const model = readModel(process.cwd() === dirname0(dir, shown) ? shown : dir);
  const file = join(dir, SUMMARY_FILE);
  if (!existsSync(file)) return { model, summary: summarizeModel(model) };
  let stored: StoredSummary;
  try {
    stored = JSON.parse(readFileSync(file, 'utf8')) as StoredSummary;
  } catch (err) {
    throw new DataError([{
      code: 'MODEL_JSON_SYNTAX', severity: 'error', message: `${SUMMARY_FILE} is not valid JSON: ${err instanceof Error ? err.message : String(err)}`,
      hint: `delete it (it is recomputed from model.json) or fit again into ${shown}`, at: { file: join(shown, SUMMARY_FILE) },
    }]);
  }
  return { model, summary: completeSummary(stored, model) };
}
