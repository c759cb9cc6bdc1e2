import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { MmmModel } from '@mixwise/engine';
import { EngineError, MODEL_SCHEMA_VERSION, parseModel } from '@mixwise/engine';
import { DataError } from '../issue.ts';
import type { Issue } from '../issue.ts';
import type { DataIssueCode } from '../issue-codes.ts';
import { checkRunComplete } from '../write/incomplete-marker.ts';

/** The file a fitted run keeps its model in. */
export const MODEL_FILE = 'model.json';

const REFIT = 'fit the data again with `mixwise fit … --out DIR` (or `mixwise demo`) to write a fresh model.json';

function fail(code: DataIssueCode, message: string, hint: string, at: Issue['at']): never {
  throw new DataError([{ code, severity: 'error', message, hint, at }]);
}

/** 1-based line and column of a character offset in a text. */
function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1, lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) { line++; lineStart = i + 1; }
  return { line, column: offset - lineStart + 1 };
}

/**
 * Reads the fitted model of a run folder, `DIR/model.json` (written by `mixwise fit` and `mixwise demo`),
 * and checks it can be used: the folder and the file exist, the text is JSON, it is a mixwise model
 * (schemaVersion and the fields the optimizer and reports need), and its schemaVersion is one this
 * version reads (1 … MODEL_SCHEMA_VERSION). A model without `bootstrapRoi` gets an empty list. The KPI
 * of a period left out of the fit (skip_missing_kpi) is written as null: it is read back as NaN (reviveActual).
 * @param dir the run folder (as given by the user; it is named in the messages)
 * @returns the model
 * @throws DataError with one located issue: FILE_NOT_FOUND (no folder, or no model.json in it),
 *   FILE_UNREADABLE (not a folder, no permission), MODEL_JSON_SYNTAX (with line and column),
 *   NOT_A_MODEL, MODEL_SCHEMA_VERSION (written by a newer mixwise, or an invalid version), RUN_INCOMPLETE (marked incomplete: checkRunComplete)
 * @example readModel('out/demo').channels.map((c) => c.name) // ['tv', 'ooh', 'search', 'social', 'display']
 */
export function readModel(dir: string): MmmModel {
  const file = join(dir, MODEL_FILE);
  try {
    if (!statSync(dir).isDirectory()) fail('FILE_UNREADABLE', `${dir} is not a folder`, `give --model the run folder that holds ${MODEL_FILE} (the --out folder of mixwise fit)`, { file: dir });
  } catch (err) {
    if (err instanceof DataError) throw err;
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') fail('FILE_NOT_FOUND', 'model folder not found', `check the path, or ${REFIT}`, { file: dir });
    fail('FILE_UNREADABLE', `cannot open the model folder ${dir}: ${code ?? String(err)}`, 'check the path and its permissions', { file: dir });
  }
  // A fit interrupted while moving its files in may have left model.json of another fit than the rest.
  checkRunComplete(dir);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') fail('FILE_NOT_FOUND', `no ${MODEL_FILE} in the folder ${dir}`, `is it the --out folder of a finished fit? Otherwise ${REFIT}`, { file });
    fail('FILE_UNREADABLE', `cannot read ${file}: ${code === 'EISDIR' ? 'it is a folder' : code ?? String(err)}`, 'check the file and its permissions', { file });
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    const pos = /position (\d+)/.exec(reason);
    const where = pos ? lineColumn(text, Number(pos[1])) : null;
    fail('MODEL_JSON_SYNTAX', `${MODEL_FILE} is not valid JSON${where ? ` (line ${where.line}, character ${where.column})` : ''}: ${reason.replace(/ in JSON at position \d+.*$/, '')}`,
      `the file may be truncated or edited by hand; ${REFIT}`, where ? { file, row: where.line } : { file });
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value) || !('schemaVersion' in value)) {
    fail('NOT_A_MODEL', `${MODEL_FILE} is not a mixwise model: it has no schemaVersion`, `point --model at the --out folder of mixwise fit; ${REFIT}`, { file });
  }
  const m = value as Record<string, unknown>;
  const version = m.schemaVersion;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    fail('MODEL_SCHEMA_VERSION', `${MODEL_FILE} has an invalid schemaVersion ${JSON.stringify(version)}`, REFIT, { file });
  }
  if (version > MODEL_SCHEMA_VERSION) {
    fail('MODEL_SCHEMA_VERSION', `${MODEL_FILE} has schemaVersion ${version}, newer than the ${MODEL_SCHEMA_VERSION} this mixwise reads`,
      'upgrade mixwise to the version that wrote the model, or refit with this version', { file });
  }
  // The shape checks and null → NaN in the KPI are the engine's (parseModel), shared with apps.
  try {
    return parseModel(m);
  } catch (err) {
    if (!(err instanceof EngineError)) throw err;
    fail('NOT_A_MODEL', `${MODEL_FILE} is ${err.message}`, REFIT, { file });
  }
}
