import type { CsvTable } from '../../read/read-csv.ts';
import type { Change, CleaningRoles, StepResult } from '../change.ts';
import { changeRow } from '../change.ts';
import { tableDays } from '../table-days.ts';

/**
 * Cleaning step 'sort-dates': orders the rows by date, oldest first (a stable sort: rows with the same
 * date keep their order; duplicates are not removed). Every row that moves is one change on the date
 * column, before → after its 1-based position in the data rows. Rows keep their file line numbers, so
 * later issues still point into the file.
 * @param table the cells
 * @param options roles: the date column
 * @returns the sorted table and one change per moved row
 * @throws DataError when a date cannot be read
 * @example sortDates(csv, { roles }).changes[0]
 * // { step: 'sort-dates', column: 'date', row: 4, date: '2024-01-08', before: '3', after: '2', reason: 'row moved from position 3 to 2 to put dates in increasing order' }
 */
export function sortDates(table: CsvTable, options: { roles: CleaningRoles }): StepResult {
  const { days, iso } = tableDays(table, options.roles.date);
  const order = days.map((_, i) => i).sort((a, b) => days[a] - days[b] || a - b);
  const changes: Change[] = [];
  order.forEach((from, to) => {
    if (from === to) return;
    changes.push({
      step: 'sort-dates', column: options.roles.date, row: changeRow(table, from), date: iso[from],
      before: String(from + 1), after: String(to + 1),
      reason: `row moved from position ${from + 1} to ${to + 1} to put dates in increasing order`,
    });
  });
  changes.sort((a, b) => Number(a.after) - Number(b.after));
  return {
    table: { ...table, rows: order.map((i) => [...table.rows[i]]), rowNumbers: order.map((i) => table.rowNumbers[i]) },
    changes,
  };
}
