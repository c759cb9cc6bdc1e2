import type { ReadOutcome } from '../validate/read-outcome.ts';
import type { ValidationRoles } from '../validate/rule-types.ts';
import { resolveRuleRoles } from '../validate/resolve-rule-roles.ts';
import { dropRowsAfter } from './drop-rows-after.ts';
import { withoutRaggedAfter } from './ragged-after-end.ts';

/**
 * A read file without its rows dated after a modeling window's end (see dropRowsAfter), before any
 * validation or cleaning: later rows are ignored, so nothing in them can stop the run. The date
 * column is the one the roles name or the one detected. A file refused only for ragged rows is read
 * again without those dated after the end (withoutRaggedAfter). Unchanged without an end, when the
 * file could not be parsed (a ragged row inside the window…), or when no date column is found.
 * @param read the file as readOutcome read it
 * @param roles column roles (for the date column)
 * @param end last date of the window, yyyy-mm-dd
 * @returns the outcome to validate and the file lines left out
 * @example outcomeUntil(readOutcome('d.csv'), { target: 'sales' }, '2024-06-24').ignored // [30, 31]
 */
export function outcomeUntil(outcome: ReadOutcome, roles: ValidationRoles, end: string | undefined): { read: ReadOutcome; ignored: number[] } {
  const { read, ignored: ragged } = withoutRaggedAfter(outcome, roles, end);
  if (end === undefined || read.csv === undefined) return { read, ignored: [] };
  const date = resolveRuleRoles(read.csv, roles).date;
  if (date === undefined) return { read, ignored: ragged };
  const dropped = dropRowsAfter(read.csv, date, end);
  return { read: { ...read, csv: dropped.csv }, ignored: [...ragged, ...dropped.lines].sort((a, b) => a - b) };
}
