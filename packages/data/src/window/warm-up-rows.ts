import type { CsvTable } from '../read/read-csv.ts';
import { parseDate } from '../read/date.ts';

/**
 * Which rows' KPI is not fitted, so that no rule checks it and the table reads it as NaN: rows that
 * only warm up carryover (dated before `kpiFrom`, a modeling window's start), and periods whose KPI
 * is missing that the skip_missing_kpi cleaning step left out of the fit (csv.kpiNotObserved). A
 * row whose date cannot be read counts as fitted, so its KPI is still checked (the date error is
 * reported anyway).
 * @param csv the parsed cells
 * @param dateColumn the date column (undefined: no row is warm-up)
 * @param kpiFrom first date whose KPI is fitted, yyyy-mm-dd (undefined: no row is warm-up)
 * @returns one flag per row of csv.rows, or undefined when no row can be left out
 * @example warmUpRows(csv, 'date', '2024-01-08') // [true, false, false]
 */
export function warmUpRows(csv: CsvTable, dateColumn: string | undefined, kpiFrom: string | undefined): boolean[] | undefined {
  const skipped = csv.kpiNotObserved;
  if (dateColumn === undefined || (kpiFrom === undefined && (skipped === undefined || skipped.size === 0))) return undefined;
  const j = csv.header.indexOf(dateColumn);
  if (j < 0) return undefined;
  return csv.rows.map((r) => {
    const p = parseDate(r[j]);
    return p.ok && ((kpiFrom !== undefined && p.iso < kpiFrom) || skipped?.has(p.iso) === true);
  });
}
