import { duckdbReplaceHint } from './duckdb-hint.ts';

/**
 * A DuckDB statement that rewrites a file's date column as yyyy-mm-dd and keeps every other cell as
 * written (all_varchar), to a copy named `<file>_iso.csv`.
 * @param file the CSV file
 * @param column the date column
 * @param toDate a DuckDB expression turning the quoted column into a DATE or TIMESTAMP
 * @example rewriteDatesQuery('d.csv', 'date', (q) => `strptime(${q}, '%Y%m%d')`)
 * // `COPY (SELECT * REPLACE (strftime(strptime("date", '%Y%m%d'), '%Y-%m-%d') AS "date") FROM read_csv('d.csv', all_varchar = true)) TO 'd_iso.csv'`
 */
export function rewriteDatesQuery(file: string, column: string, toDate: (quoted: string) => string): string {
  const out = file.replace(/(\.[^./\\]*)?$/, '_iso.csv');
  return duckdbReplaceHint(file, column, (q) => `strftime(${toDate(q)}, '%Y-%m-%d')`, out, { allVarchar: true });
}
