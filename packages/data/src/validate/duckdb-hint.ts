/**
 * A name as a DuckDB (SQL) identifier: in double quotes, quotes inside it doubled.
 * @example sqlName('tv "spend"') // '"tv ""spend"""'
 */
export function sqlName(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/**
 * A text (a file name) as a DuckDB string literal: in single quotes, quotes inside it doubled.
 * @example sqlString("o'brien.csv") // "'o''brien.csv'"
 */
export function sqlString(text: string): string {
  return `'${text.replace(/'/g, "''")}'`;
}

/**
 * A DuckDB statement that writes a copy of a CSV file with one column replaced by an expression of
 * itself, for the hints that fix a column in place (flip its sign, rescale it, rewrite its dates).
 * @param file the CSV file, as the user named it
 * @param column the column to replace
 * @param expr the new value, given the column's quoted name
 * @param outFile the file written
 * @param options allVarchar: read every cell as text (`read_csv(…, all_varchar = true)`), so the others are copied as written
 * @example duckdbReplaceHint('d.csv', 'revenue', (c) => `-${c}`, 'fixed.csv')
 * // `COPY (SELECT * REPLACE (-"revenue" AS "revenue") FROM 'd.csv') TO 'fixed.csv'`
 */
export function duckdbReplaceHint(file: string, column: string, expr: (quoted: string) => string, outFile: string, options: { allVarchar?: boolean } = {}): string {
  const q = sqlName(column);
  const from = options.allVarchar === true ? `read_csv(${sqlString(file)}, all_varchar = true)` : sqlString(file);
  return `COPY (SELECT * REPLACE (${expr(q)} AS ${q}) FROM ${from}) TO ${sqlString(outFile)}`;
}
