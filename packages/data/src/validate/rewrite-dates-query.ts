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
  const q = quoteColumn(column);
  const source = file.replace(/'/g, "''");
  const out = source.replace(/(\.[^./\\]*)?$/, '_iso.csv');
  return `COPY (SELECT * REPLACE (strftime(${toDate(q)}, '%Y-%m-%d') AS ${q}) FROM read_csv('${source}', all_varchar = true)) TO '${out}'`;
}

/**
 * A column name quoted for DuckDB.
 * @example quoteColumn('my "date"') // '"my ""date"""'
 */
export function quoteColumn(column: string): string {
  return `"${column.replace(/"/g, '""')}"`;
}
