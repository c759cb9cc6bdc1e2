import { writeFileAtomic } from './atomic-write.ts';

/** A CSV cell: text, a number, or null for an empty cell. */
export type CsvCell = string | number | null;

/**
 * Formats a table as CSV text (RFC 4180 quoting): comma-separated, `\n` line endings, a trailing
 * newline. A field is quoted when it contains a comma, a double quote, a line break, or leading or
 * trailing spaces; quotes inside are doubled. Numbers are written in JavaScript's shortest
 * round-trip form (so reading them back gives the same double); null is an empty cell. Text (header
 * names included) that a spreadsheet would run as a formula gets a leading single quote
 * (neutralizeFormula); numbers never do.
 * @param columns header names
 * @param rows rows of cells, each of columns.length cells
 * @returns the CSV text
 * @throws RangeError for a row of the wrong length or a non-finite number (NaN/Infinity have no CSV form here)
 * @example toCsv(['name', 'value'], [['a,b', 1.5], ['say "hi"', null]]) // 'name,value\n"a,b",1.5\n"say ""hi""",\n'
 * @example toCsv(['=tv', 'x'], [['@SUM(1)', -5]]) // "'=tv,x\n'@SUM(1),-5\n"
 */
export function toCsv(columns: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  const lines = [columns.map(textField).join(',')];
  rows.forEach((row, i) => {
    if (row.length !== columns.length) {
      throw new RangeError(`toCsv: row ${i} has ${row.length} cells, expected ${columns.length}`);
    }
    lines.push(row.map((cell, j) => formatCell(cell, i, columns[j])).join(','));
  });
  return lines.join('\n') + '\n';
}

/**
 * Writes a table as CSV (see toCsv) atomically (see writeFileAtomic).
 * @param path destination file; its folder must exist
 * @throws as toCsv and writeFileAtomic
 * @example await writeCsvAtomic('out/decomposition.csv', ['date', 'tv'], [['2024-01-01', 12.5]])
 */
export async function writeCsvAtomic(path: string, columns: readonly string[], rows: readonly (readonly CsvCell[])[]): Promise<void> {
  await writeFileAtomic(path, toCsv(columns, rows));
}

function formatCell(cell: CsvCell, row: number, column: string): string {
  if (cell === null) return '';
  if (typeof cell === 'number') {
    if (!Number.isFinite(cell)) throw new RangeError(`toCsv: row ${row} column "${column}" is ${cell}`);
    return String(Object.is(cell, -0) ? 0 : cell);
  }
  return textField(cell);
}

function textField(text: string): string {
  return quote(neutralizeFormula(text));
}

/** What a spreadsheet (Excel, LibreOffice, Google Sheets) runs as a formula when a cell starts with it. */
const FORMULA_START = /^[=+\-@\t\r]/;
/** Text that is a plain number ("-5", "+1.5e3"): a spreadsheet reads it as that number, not a formula. */
const NUMBER_TEXT = /^[-+]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?$/;

/**
 * Neutralises CSV formula injection (OWASP "CSV Injection"): text starting with =, +, -, @, a tab or a
 * carriage return gets a leading single quote, so a spreadsheet shows it as text instead of running it
 * (a channel named `=HYPERLINK(…)_spend` would otherwise run in every export opened in Excel). Text that
 * is a plain number ("-5") is left alone. unneutralizeFormula undoes it when our tools read a CSV back.
 * @example neutralizeFormula('=HYPERLINK("http://x")') // '\'=HYPERLINK("http://x")'
 * @example neutralizeFormula('-5') // '-5'
 */
export function neutralizeFormula(text: string): string {
  return FORMULA_START.test(text) && !NUMBER_TEXT.test(text) ? `'${text}` : text;
}

/**
 * Undoes neutralizeFormula: a single quote followed by =, +, -, @, a tab or a carriage return is dropped.
 * @example unneutralizeFormula("'=tv") // '=tv'
 * @example unneutralizeFormula("'tv") // "'tv"
 */
export function unneutralizeFormula(text: string): string {
  return /^'[=+\-@\t\r]/.test(text) ? text.slice(1) : text;
}

function quote(text: string): string {
  return /[",\r\n]|^\s|\s$/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}
