import type { Frequency } from '@mixwise/engine';
import type { CsvTable } from '../read/read-csv.ts';
import { detectFrequency } from '../detect/detect-frequency.ts';
import { IssueCollector } from '../issue-collector.ts';
import { datedRows } from '../validate/dated-rows.ts';
import { unparseableDates } from '../validate/rules/unparseable-dates.ts';
import { implausibleDates } from '../validate/rules/implausible-dates.ts';
import { duplicateDates } from '../validate/rules/duplicate-dates.ts';
import { unsortedDates } from '../validate/rules/unsorted-dates.ts';
import { irregularSteps } from '../validate/rules/irregular-steps.ts';

/**
 * Reads the date column with the date validation rules, in stages so that one cause gives one
 * report: unreadable dates and probable typos (unparseableDates, implausibleDates) first; when all are readable, duplicates and order
 * (duplicateDates, unsortedDates); when those are fine, evenly spaced steps (irregularSteps). Nothing
 * is sorted or dropped.
 * @param csv the parsed cells
 * @param column the date column (in csv.header)
 * @param issues receives every issue found
 * @returns ISO dates and the frequency, both undefined when any date issue was found
 * @example readDateColumn(csv, 'date', issues) // { dates: ['2024-01-01', '2024-01-08', …], frequency: 'weekly' }
 */
export function readDateColumn(
  csv: CsvTable,
  column: string,
  issues: IssueCollector,
): { dates?: string[]; frequency?: Frequency } {
  const roles = { date: column };
  let found = [...unparseableDates(csv, roles), ...implausibleDates(csv, roles)];
  if (found.length === 0) found = [...duplicateDates(csv, roles), ...unsortedDates(csv, roles)];
  if (found.length === 0) found = irregularSteps(csv, roles);
  for (const issue of found) issues.add(issue);
  if (found.length > 0) return {};
  const rows = datedRows(csv, column);
  const frequency = detectFrequency(rows.map((d) => d.days), new IssueCollector(csv.file), { column, rowNumbers: csv.rowNumbers });
  return { dates: rows.map((d) => d.iso), frequency };
}
