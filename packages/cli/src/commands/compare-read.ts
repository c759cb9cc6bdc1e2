import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { completeSummary, summarizeModel, type MmmModel, type StoredSummary, type SummaryResult } from '@mixwise/engine';
import { DataError, MODEL_FILE, readModel } from '@mixwise/data';

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
  const model = readRunModel(process.cwd() === dirname0(dir, shown) ? shown : dir, shown);
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

/**
 * readModel, with readModel's "give --model …" fix of a path that is not a folder worded for compare
 * and --refresh, which take run folders as arguments (no --model option).
 * @throws DataError as readModel
 */
function readRunModel(path: string, shown: string): MmmModel {
  try {
    return readModel(path);
  } catch (err) {
    if (!(err instanceof DataError) || !err.issues.some((i) => i.code === 'FILE_UNREADABLE' && /is not a folder$/.test(i.message))) throw err;
    throw new DataError(err.issues.map((i) => (i.code === 'FILE_UNREADABLE' ? {
      ...i, message: `${shown} is not a run folder (it is a file)`,
      hint: `give the run folder that holds ${MODEL_FILE} (the --out folder of mixwise fit), not a data file: e.g. mixwise compare runs/jan runs/feb, or fit NEW.csv --refresh runs/jan`,
    } : i)));
  }
}

/**
 * Refuses two runs of different frequencies (weekly, daily): their spend per period and curves are in
 * different periods, so side by side they would mislead (ROIs could be compared, but are refused with them).
 * @throws DataError RUN_MISMATCH naming both frequencies and folders
 */
export function checkSameFrequency(a: ComparedRunFiles, aShown: string, b: ComparedRunFiles, bShown: string): void {
  const fa = a.model.frequency, fb = b.model.frequency;
  if (fa === fb) return;
  throw new DataError([{
    code: 'RUN_MISMATCH', severity: 'error',
    message: `${aShown} is a ${fa} model and ${bShown} a ${fb} one: their spend per period, carryover and lags are in different periods and cannot be put side by side`,
    hint: `compare two runs fitted on data of the same frequency (refit one of them on ${fa} or ${fb} data)`, at: { file: bShown },
  }]);
}
