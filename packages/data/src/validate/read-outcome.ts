import type { Issue } from '../issue.ts';
import type { CsvTable, ReadCsvOptions } from '../read/read-csv.ts';
import { readFileSync } from 'node:fs';
import { DataError } from '../issue.ts';
import { parseCsvText, readCsvFile } from '../read/read-csv.ts';
import { decodeCsvBytes } from '../read/decode-text.ts';

/** What reading a file gave: the cells when they could be read, and the reader's issues either way. */
export interface ReadOutcome {
  /** The file name shown in issues. */
  file: string;
  /** The parsed cells; undefined when the reader refused the file (its errors are in `issues`). */
  csv?: CsvTable;
  /** The reader's errors (when it refused the file) or warnings (when it read it). */
  issues: Issue[];
  /** The decoded text (without a leading BOM), when the bytes could be decoded. */
  text?: string;
}

/**
 * Reads a CSV file without throwing on bad data: the reader's DataError becomes `issues`, so that
 * validation can report the reader's findings (encoding, binary data, ragged rows…) like any other rule.
 * @param path the file to read
 * @param options display name and forced delimiter (see readCsvFile)
 * @returns the outcome; never throws a DataError
 * @example readOutcome('missing.csv').issues[0].code // 'FILE_NOT_FOUND'
 */
export function readOutcome(path: string, options: ReadCsvOptions = {}): ReadOutcome {
  const file = options.name ?? path;
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(path);
  } catch {
    return capture(file, () => readCsvFile(path, options)); // the reader words FILE_NOT_FOUND / FILE_UNREADABLE
  }
  let text: string;
  try {
    text = decodeCsvBytes(bytes, file);
  } catch (err) {
    if (err instanceof DataError) return { file, issues: err.issues };
    throw err;
  }
  return readOutcomeFromText(text, file, options);
}

/**
 * As readOutcome, for CSV text already in memory.
 * @param text CSV text
 * @param file the name used in issues
 * @example readOutcomeFromText('', 'x.csv').issues[0].code // 'EMPTY_FILE'
 */
export function readOutcomeFromText(text: string, file: string, options: ReadCsvOptions = {}): ReadOutcome {
  const withoutBom = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  return { ...capture(file, () => parseCsvText(text, file, options)), text: withoutBom };
}

function capture(file: string, read: () => CsvTable): ReadOutcome {
  try {
    const csv = read();
    return { file, csv, issues: csv.warnings };
  } catch (err) {
    if (err instanceof DataError) return { file, issues: err.issues };
    throw err;
  }
}
