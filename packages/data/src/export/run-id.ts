import { createHash } from 'node:crypto';
import type { MmmModel } from '@mixwise/engine';
import { toJson } from '../write/atomic-write.ts';

/**
 * The version of the export layout (tables, columns, the run_id key), stored as SQLite's
 * `PRAGMA user_version` and in `run_info.schema_version`. Raised when a table or column is added or
 * changed; docs/exports.md lists what each version added.
 */
export const EXPORT_SCHEMA_VERSION = 5;

/**
 * A stable identifier of a fitted model: the first 16 hex digits of the SHA-256 of its model.json
 * text (toJson, as writeRunFiles writes it). The model read back from model.json gives the same id as
 * the model in memory that was written, so re-exporting a run (e.g. by `mixwise optimize`) keeps its
 * run_id, and two different fits get different ones.
 * @param model the fitted model
 * @returns 16 lowercase hex digits
 * @example runId(readModel('out/run')) === runId(modelThatWasWritten) // true
 */
export function runId(model: MmmModel): string {
  return createHash('sha256').update(toJson(model)).digest('hex').slice(0, 16);
}
