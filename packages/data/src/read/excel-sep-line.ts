import type { CsvDelimiter } from './detect-delimiter.ts';
import { CSV_DELIMITERS } from './detect-delimiter.ts';

/** Excel's delimiter directive: `sep=;` alone on the first line (any case, optional spaces). */
const SEP_LINE = /^[ \t]*sep=(.)[ \t]*(?:\r\n|\n|\r|$)/i;

/** The directive found on line 1: the delimiter it names and the text after that line. */
export interface ExcelSepLine {
  /** The line as written, e.g. 'sep=,'. */
  readonly line: string;
  readonly delimiter: CsvDelimiter;
  /** The text from line 2 on. */
  readonly rest: string;
}

/**
 * Excel's `sep=X` first line, which Excel writes (and reads) to name a CSV file's delimiter, when X is
 * one Mixwise reads (comma, semicolon or tab); undefined otherwise (the line is then read as the header).
 * @param text CSV text (BOM already removed)
 * @example excelSepLine('sep=;\r\ndate;y\n')?.delimiter // ';'
 */
export function excelSepLine(text: string): ExcelSepLine | undefined {
  const found = sepDirective(text);
  const delimiter = CSV_DELIMITERS.find((d) => d === found?.char);
  if (found === undefined || delimiter === undefined) return undefined;
  return { line: found.line, delimiter, rest: found.rest };
}

/** A `sep=X` first line, whatever X is. */
export interface SepDirective {
  /** The line as written, e.g. 'sep=|'. */
  readonly line: string;
  /** The character it names. */
  readonly char: string;
  /** The text from line 2 on. */
  readonly rest: string;
}

/**
 * Excel's `sep=X` first line naming any character X, including one Mixwise does not read (`sep=|`,
 * which the reader leaves as the header and WRONG_DELIMITER reports); undefined without one.
 * @param text CSV text (BOM already removed)
 * @example sepDirective('sep=|\ndate|y\n')?.char // '|'
 */
export function sepDirective(text: string): SepDirective | undefined {
  const m = SEP_LINE.exec(text);
  return m === null ? undefined : { line: m[0].trim(), char: m[1], rest: text.slice(m[0].length) };
}
