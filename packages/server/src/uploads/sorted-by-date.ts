import type { CsvTable } from '@mixwise/data';
import { DataError, detectDateColumn, sortDates } from '@mixwise/data';

/**
 * The table with its rows in date order, for role detection only: detection (dates, frequency,
 * channels, KPI) must not depend on the order of the rows, since a row out of order is a warning the
 * "Sort rows by date" cleaning step fixes. The upload itself is never changed: the preview and the
 * issues keep the file's order and line numbers. A table whose date column is not found or holds an
 * unreadable date is returned as it is (its issues come from validation and detection).
 * @param csv the table read from the upload
 * @returns the same rows sorted by date (stable), or csv itself
 * @example sortedByDate(csv).rows.map((r) => r[0]) // ['2024-01-01', '2024-01-08', '2024-01-15']
 */
export function sortedByDate(csv: CsvTable): CsvTable {
  const date = detectDateColumn(csv.header, csv.rows);
  if (date === undefined) return csv;
  try {
    const sorted = sortDates(csv, { roles: { date, spend: [], controls: [], events: [] } });
    return sorted.changes.length === 0 ? csv : sorted.table;
  } catch (err) {
    if (err instanceof DataError) return csv;
    throw err;
  }
}
