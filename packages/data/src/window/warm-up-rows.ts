import type { CsvTable } from '../read/read-csv.ts';
import { parseDate } from '../read/date.ts';

/**
 * Which rows only warm up carryover: those whose date is before `kpiFrom` (a modeling window's
 * start). Their KPI is never fitted, so it may be blank; a row whose date cannot be read counts as
 * fitted, so its KPI is still checked (the date error is reported anyway).
 * @param csv the parsed cells
 * @param dateColumn the date column (undefined: no row is warm-up)
 * @param kpiFrom first date whose KPI is fitted, yyyy-mm-dd (undefined: no row is warm-up)
 * @returns one flag per row of csv.rows, or undefined when no row can be warm-up
 * @example warmUpRows(csv, 'date', '2024-01-08') // [true, false, false]
 */
export function warmUpRows(csv: CsvTable, dateColumn: string | undefined, kpiFrom: string | undefined): boolean[] | undefined {
  if (dateColumn === undefined || kpiFrom === undefined) return undefined;
  const j = csv.header.indexOf(dateColumn);
  if (j < 0) return undefined;
  return csv.rows.map((r) => {
    const p = parseDate(r[j]);
    return p.ok && p.iso < kpiFrom;
  });
}
