import { join } from 'node:path';
import type { CleaningResult } from './run-cleaning.ts';
import { writeCsvAtomic } from '../write/write-csv.ts';
import { writeJsonAtomic } from '../write/atomic-write.ts';

/** The columns of changes.csv, in order. */
export const CHANGE_LOG_COLUMNS = ['step', 'column', 'row', 'date', 'before', 'after', 'reason'] as const;

/** The summary saved as changes.json. */
export interface ChangeLogSummary {
  /** Every cell changed, all steps together. */
  total: number;
  /** Per step in the order run: its name as configured (snake_case), its count, and its count per column. */
  steps: { step: string; changes: number; columns: Record<string, number> }[];
}

/**
 * A cleaning step's name as the user writes it (`--clean` and mixwise.yaml): snake_case.
 * @example cleaningStepName('fill-gaps') // 'fill_gaps'
 */
export function cleaningStepName(type: string): string {
  return type.replace(/-/g, '_');
}

/**
 * The changes.json summary of a cleaning result.
 * @example changeLogSummary(result) // { total: 3, steps: [{ step: 'fill_gaps', changes: 3, columns: { tv_spend: 3 } }] }
 */
export function changeLogSummary(result: CleaningResult): ChangeLogSummary {
  const steps = result.summary.map((s) => {
    const columns: Record<string, number> = {};
    for (const c of result.changes) if (c.step === s.step) columns[c.column] = (columns[c.column] ?? 0) + 1;
    return { step: cleaningStepName(s.step), changes: s.changes, columns };
  });
  return { total: result.changes.length, steps };
}

/** The change log's files in a run or output folder: the rows, then the summary by step. */
export const CHANGE_LOG_FILES = ['changes.csv', 'changes.json'] as const;

/**
 * Saves a cleaning change log with a run: `changes.csv` (one row per changed cell: step, column, row
 * (the file line; empty for a period inserted by cleaning), date, before, after, reason; a cell that
 * did not exist before, or no longer exists, is empty) and `changes.json` (changeLogSummary), each
 * written atomically (temporary file, then rename).
 * @param outDir an existing folder
 * @param result the result of runCleaning
 * @returns the two paths
 * @throws file-system errors
 * @example await writeChangeLog('out', result) // { csv: 'out/changes.csv', json: 'out/changes.json' }
 */
export async function writeChangeLog(outDir: string, result: CleaningResult): Promise<{ csv: string; json: string }> {
  const csv = join(outDir, CHANGE_LOG_FILES[0]);
  const json = join(outDir, CHANGE_LOG_FILES[1]);
  const rows = result.changes.map((c) => [cleaningStepName(c.step), c.column, c.row, c.date, c.before, c.after, c.reason]);
  await writeCsvAtomic(csv, [...CHANGE_LOG_COLUMNS], rows);
  await writeJsonAtomic(json, changeLogSummary(result));
  return { csv, json };
}
