import type { Issue } from '../issue.ts';
import type { CsvTable } from '../read/read-csv.ts';
import { parseDate } from '../read/date.ts';
import { makeIssue } from './make-issue.ts';
import { rewriteDatesQuery } from './rewrite-dates-query.ts';

/**
 * What is true of a date column's day-month dates (`17/01/2022`, `03/14/2022`), which Mixwise does
 * not read (parseDate: 'ambiguous'), judged on the whole column rather than on one cell:
 * - a few such rows among yyyy-mm-dd dates: MIXED_DATE_FORMAT at each, "written differently from the
 *   rest of the column", with the yyyy-mm-dd it stands for when a part above 12 shows the order;
 * - a column of them whose order a value shows (a first part above 12: dd/mm/yyyy; a second: mm/dd/yyyy):
 *   one NON_ISO_DATES error naming that value, with a DuckDB strptime statement that rewrites the column;
 * - otherwise (no part above 12, or both orders in one column): one AMBIGUOUS_DATE error, saying why.
 * Nothing is converted: the user rewrites the dates.
 * @param csv the parsed cells
 * @param column the date column
 * @returns the issues, located at rows of the column
 * @example dateFormatIssues(csv, 'date')[0].code // 'NON_ISO_DATES'
 */
export function dateFormatIssues(csv: CsvTable, column: string): Issue[] {
  const j = csv.header.indexOf(column);
  if (j < 0) return [];
  const odd: DayMonthDate[] = [];
  let iso = csv.omittedRows ?? 0; // rows a large-file scan left out are yyyy-mm-dd
  csv.rows.forEach((r, i) => {
    const p = parseDate(r[j] ?? '');
    if (p.ok) iso++;
    else if (p.reason === 'ambiguous') {
      const d = dayMonthDate(r[j], i);
      if (d !== undefined) odd.push(d);
    }
  });
  if (odd.length === 0) return [];
  const at = (d: DayMonthDate): { file: string; row: number; column: string } => ({ file: csv.file, row: csv.rowNumbers[d.index], column });
  if (iso >= odd.length) {
    return odd.map((d) => makeIssue('MIXED_DATE_FORMAT', 'error',
      `"${d.text}" is written differently from the rest of the column, whose dates are yyyy-mm-dd (${iso} of ${csv.rows.length + (csv.omittedRows ?? 0)} rows)`,
      `write it as yyyy-mm-dd like the other rows: ${oddRowFix(d)}`, at(d)));
  }
  const dayFirst = odd.find((d) => d.first > 12);
  const monthFirst = odd.find((d) => d.second > 12);
  const shown = (d: DayMonthDate): string => `"${d.text}" on row ${csv.rowNumbers[d.index]}`;
  if (dayFirst !== undefined && monthFirst !== undefined) {
    return [makeIssue('AMBIGUOUS_DATE', 'error',
      `the column mixes day-first dates (${shown(dayFirst)}: no month 13 or above) and month-first dates (${shown(monthFirst)})`,
      'write every date as yyyy-mm-dd, checking at the source which order each row was written in', at(odd[0]))];
  }
  const known = dayFirst ?? monthFirst;
  if (known === undefined) {
    return [makeIssue('AMBIGUOUS_DATE', 'error',
      `dates like "${odd[0].text}" are ambiguous: no date in the column has a number above 12 in the first or second place, so the day and month order cannot be told from the data`,
      `write dates as yyyy-mm-dd (e.g. 2024-01-31); if you know the order, e.g. with DuckDB: ${convertQuery(csv, column, odd[0], 'day', iso > 0)} `
      + `for day-first dates (${orderFormat(odd[0], 'day')}), or with '${strptimeFormat(odd[0], 'month')}' for month-first ones; in a spreadsheet, read the column in its order and format it as yyyy-mm-dd before exporting`,
      at(odd[0]))];
  }
  const order = known === dayFirst ? 'day' : 'month';
  const why = order === 'day' ? 'a day above 12 in the first place shows it' : 'a day above 12 in the second place shows it';
  const also = iso > 0 ? ` (${iso} other rows are yyyy-mm-dd already)` : '';
  return [makeIssue('NON_ISO_DATES', 'error',
    `the dates are written ${orderFormat(known, order)} (${why}: ${shown(known)})${also}, and Mixwise reads yyyy-mm-dd only`,
    `rewrite the column as yyyy-mm-dd, e.g. with DuckDB: ${convertQuery(csv, column, known, order, iso > 0)}; or in a spreadsheet, read the column as ${orderFormat(known, order)} dates and format it as yyyy-mm-dd before exporting`,
    at(known))];
}

/** A dd/mm/yyyy or mm/dd/yyyy cell, split. */
interface DayMonthDate {
  readonly index: number;
  readonly text: string;
  readonly first: number;
  readonly second: number;
  readonly year: string;
  readonly separator: string;
}

const DAY_MONTH = /^(\d{1,2})([/.-])(\d{1,2})[/.-](\d{2}|\d{4})$/;

function dayMonthDate(cell: string, index: number): DayMonthDate | undefined {
  const text = cell.trim();
  const m = DAY_MONTH.exec(text);
  return m === null ? undefined : { index, text, first: Number(m[1]), second: Number(m[3]), year: m[4], separator: m[2] };
}

/** The format of a cell in an order, e.g. 'dd/mm/yyyy' or 'mm.dd.yy'. */
function orderFormat(d: DayMonthDate, order: 'day' | 'month'): string {
  const y = d.year.length === 2 ? 'yy' : 'yyyy';
  return order === 'day' ? `dd${d.separator}mm${d.separator}${y}` : `mm${d.separator}dd${d.separator}${y}`;
}

/** DuckDB's strptime format of a cell in an order, e.g. '%d/%m/%Y'. */
function strptimeFormat(d: DayMonthDate, order: 'day' | 'month'): string {
  const y = d.year.length === 2 ? '%y' : '%Y';
  return order === 'day' ? `%d${d.separator}%m${d.separator}${y}` : `%m${d.separator}%d${d.separator}${y}`;
}

/** A DuckDB statement that rewrites the date column as yyyy-mm-dd, every other cell as written (all_varchar). */
function convertQuery(csv: CsvTable, column: string, d: DayMonthDate, order: 'day' | 'month', keepIso: boolean): string {
  return rewriteDatesQuery(csv.file, column, (q) => (keepIso
    ? `coalesce(try_strptime(${q}, '${strptimeFormat(d, order)}'), try_strptime(${q}, '%Y-%m-%d'))`
    : `strptime(${q}, '${strptimeFormat(d, order)}')`));
}

/** The yyyy-mm-dd an odd row stands for: one reading when a part above 12 shows the order, else both. */
function oddRowFix(d: DayMonthDate): string {
  const year = d.year.length === 2 ? `20${d.year}` : d.year;
  const iso = (month: number, day: number): string => `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  if (d.first > 12) return `"${iso(d.second, d.first)}" (day first: ${d.first} cannot be a month)`;
  if (d.second > 12) return `"${iso(d.first, d.second)}" (month first: ${d.second} cannot be a month)`;
  return `"${iso(d.second, d.first)}" if it is day-first, "${iso(d.first, d.second)}" if month-first (the dates of the rows around it tell which)`;
}
