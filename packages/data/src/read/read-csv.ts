import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import type { Issue } from '../issue.ts';
import { DataError } from '../issue.ts';
import { IssueCollector } from '../issue-collector.ts';
import { decodeCsvBytes } from './decode-text.ts';
import type { CsvDelimiter } from './detect-delimiter.ts';
import { detectDelimiter } from './detect-delimiter.ts';
import { checkHeader } from './check-header.ts';
import { excelSepLine } from './excel-sep-line.ts';
import { mixedLineEndings } from './line-endings.ts';
import { unneutralizeFormula } from '../write/write-csv.ts';
import { paddedCells, type PaddedCell } from './padded-cells.ts';

/** A CSV file read as text cells: the raw material for building a modeling table. */
export interface CsvTable {
  /** The file name as given, used in issue locations. */
  file: string;
  /** Column names, trimmed; unique and non-empty. */
  header: string[];
  /** Data rows, each with exactly header.length trimmed cells. */
  rows: string[][];
  /** rowNumbers[i] is the file line on which rows[i] starts (the header is line 1 unless headerLine says otherwise). */
  rowNumbers: number[];
  /** The file line of the header when it is not line 1: after Excel's `sep=` line, or blank lines. */
  headerLine?: number;
  /** The delimiter that was used (detected unless given). */
  delimiter: CsvDelimiter;
  /** Warnings found while reading (the run goes on). */
  warnings: Issue[];
  /**
   * Data rows of the file left out of `rows` by the large-file scan (sourceScan keeps only the rows a
   * check can flag and a few representatives): each has a valid yyyy-mm-dd date and plain numbers, so
   * rules that count rows or dates add them. Absent when `rows` holds every row.
   */
  omittedRows?: number;
  /**
   * With omittedRows: the lines whose cells (trimmed) hash like another line's, found by the scan —
   * exact duplicate rows and, rarely, hash collisions, which source_duplicates_select tells apart.
   */
  duplicateCandidateLines?: number[];
  /**
   * Rows that sum_panel made by adding up several file rows, by the line in rowNumbers (their first
   * row's): the date and every line added up. An issue on such a row names them (summedRowName), since
   * the line alone is one geo's row, not the values checked. Absent when no row was summed.
   */
  summedRows?: ReadonlyMap<number, SummedRow>;
  /**
   * The dates (yyyy-mm-dd) of the periods whose KPI is missing and left out of the fit, set by the
   * skip_missing_kpi cleaning step: their KPI cell is empty, no rule checks it, and the modeling
   * table has NaN there (see observed-rows in the engine). Absent when that step did not run.
   */
  kpiNotObserved?: ReadonlySet<string>;
  /**
   * The columns whose decimal commas the decimal_comma cleaning step rewrote as decimal points: every
   * '.' in them is a decimal point, so the dot-grouping reading of a semicolon file (9.388 beside 950
   * as thousands) does not apply to them (parseTableColumn). Absent when that step did not run.
   */
  decimalPointColumns?: ReadonlySet<string>;
  /**
   * The cells read without the spaces around them (every cell is trimmed), by column name: each text as
   * written, as used and its lines (paddedCells), so a check on names can say what was changed (a geo
   * "north " read as "north"). Absent when no cell had any.
   */
  paddedCells?: ReadonlyMap<string, readonly PaddedCell[]>;
}

/** A row of a rolled-up panel: its date (yyyy-mm-dd) and the file lines of the rows added up, in file order. */
export interface SummedRow {
  readonly date: string;
  readonly lines: readonly number[];
  /**
   * The rows added up whose KPI is blank (so is the total, which skip_missing_kpi leaves out of the
   * fit), each by its panel key and line: `geo=EMEA (line 123)`. Absent when every row has a KPI.
   */
  readonly kpiMissingIn?: readonly string[];
}

/** Options for reading CSV text. */
export interface ReadCsvOptions {
  /** Force a delimiter instead of detecting it among `,` `;` and tab. */
  delimiter?: CsvDelimiter;
  /** The file name shown in issues (default: the path as given), e.g. the path the user typed. */
  name?: string;
  /**
   * Called on each row whose number of fields differs from the header's: true leaves the row out
   * (the caller accounts for it, e.g. a row dated after a modeling window's end) instead of a
   * RAGGED_ROW error. `header` is the header as parsed (before checkHeader drops any column).
   */
  skipRagged?: (cells: readonly string[], header: readonly string[], line: number) => boolean;
}

/**
 * Reads a CSV file into text cells. UTF-8 with or without BOM; LF or CRLF line endings; the delimiter
 * is detected among comma, semicolon and tab (see detectDelimiter), or named by Excel's `sep=;` first
 * line (excelSepLine: skipped, with an EXCEL_SEP_LINE warning). Blank lines are skipped.
 * @param path the file to read
 * @param options optional forced delimiter and display name
 * @returns header, rows and the line number of each row
 * @throws DataError (never a raw exception) with FILE_NOT_FOUND, FILE_UNREADABLE, EMPTY_FILE, BINARY_FILE,
 *   BAD_ENCODING, CSV_SYNTAX, HEADER_ONLY, RAGGED_ROW, EMPTY_HEADER, DUPLICATE_HEADER issues
 * @example readCsvFile('data.csv') // { file: 'data.csv', header: ['date', 'sales', 'tv_spend'], rows: [...], ... }
 */
export function readCsvFile(path: string, options: ReadCsvOptions = {}): CsvTable {
  const name = options.name ?? path;
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(path);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const issues = new IssueCollector(name);
    if (code === 'ENOENT') {
      issues.error('FILE_NOT_FOUND', `file not found: ${name}`, `check the path (relative paths start from ${process.cwd()})`);
    } else {
      const why = code === 'EISDIR' ? 'it is a folder' : code === 'EACCES' ? 'permission denied' : String(code ?? err);
      issues.error('FILE_UNREADABLE', `cannot read ${name}: ${why}`, 'give the path of a readable .csv file');
    }
    throw new DataError(issues.list());
  }
  return parseCsvText(decodeCsvBytes(bytes, name), name, options);
}

/**
 * Parses CSV text into text cells; the same rules as readCsvFile, for text already in memory.
 * @param text CSV text (a leading BOM is removed)
 * @param file name used in issue locations
 * @param options optional forced delimiter
 * @throws DataError as readCsvFile (except the file-system codes)
 * @example parseCsvText('date;y\n2024-01-01;3\n', 'x.csv').rows // [['2024-01-01', '3']]
 */
export function parseCsvText(text: string, file: string, options: ReadCsvOptions = {}): CsvTable {
  const whole = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const issues = new IssueCollector(file);
  // Excel's "sep=;" first line names the delimiter: used, and the line skipped, with a note.
  const sep = excelSepLine(whole);
  const source = sep?.rest ?? whole;
  const delimiter = options.delimiter ?? sep?.delimiter ?? detectDelimiter(source);
  if (sep !== undefined) {
    // A delimiter given by the caller wins over the line's: the message names the one used.
    const used = delimiter === sep.delimiter
      ? `"${describe(delimiter)}" was used as the delimiter`
      : `the delimiter given, "${describe(delimiter)}", was used rather than the "${describe(sep.delimiter)}" it names,`;
    issues.warning('EXCEL_SEP_LINE', `line 1 "${sep.line}" is Excel's delimiter directive, not the header: ${used} and the line skipped (the header is line 2)`,
      'nothing to fix; to silence this, export without the sep= line', { row: 1 });
  }
  if (source.trim() === '') {
    issues.error('EMPTY_FILE', 'the file is empty', 'export the data again with a header row and one row per period');
    throw new DataError(issues.list());
  }
  // CRLF and LF lines in one file (rows appended by another tool) misalign the records: said as such.
  const endings = mixedLineEndings(source, file);
  if (endings !== undefined) {
    issues.add(sep === undefined ? endings : { ...endings, at: { ...endings.at, row: (endings.at.row ?? 0) + 1 } });
    throw new DataError(issues.list());
  }
  const records = parseRecords(source, delimiter, issues, sep === undefined ? 0 : 1);
  const [headerRecord, ...all] = records;
  // Header names our CSV writer protected from formula injection ('=tv_spend) read back as written.
  const header = headerRecord.cells.map(unneutralizeFormula);
  const width = header.length;
  const skip = options.skipRagged;
  const body = skip === undefined ? all : all.filter((r) => r.cells.length === width || !skip(r.cells, header, r.line));
  for (const r of body) {
    if (r.cells.length !== width) {
      issues.error('RAGGED_ROW', `this row has ${r.cells.length} fields but the header has ${width}`,
        `a value is missing, or a value contains the delimiter "${describe(delimiter)}" without quotes; put such values in double quotes`,
        { row: r.line });
    }
  }
  if (body.length === 0) {
    issues.error('HEADER_ONLY', 'the file has a header row but no data rows', 'add one row per period below the header', { row: 1 });
  }
  issues.throwIfErrors();
  const checked = checkHeader(header, body.map((r) => r.cells), issues);
  issues.throwIfErrors();
  const padded = paddedCells(header, body);
  return {
    file,
    header: checked.header,
    rows: checked.rows,
    rowNumbers: body.map((r) => r.line),
    ...(headerRecord.line === 1 ? {} : { headerLine: headerRecord.line }),
    delimiter,
    warnings: issues.list(),
    ...(padded.size === 0 ? {} : { paddedCells: padded }),
  };
}

interface ParsedRecord {
  cells: string[];
  line: number;
  /** The cells that had spaces around them, untrimmed: [column index, text as written]. */
  padded?: [number, string][];
}

/** The records of `source`, numbered by file line (`skipped` lines come before it: a sep= line). */
function parseRecords(source: string, delimiter: CsvDelimiter, issues: IssueCollector, skipped: number): ParsedRecord[] {
  const shared = new CellInterner();
  // Each record is made a ParsedRecord as it is parsed (on_record), so the parser's per-record info is never kept.
  const toRecord = (record: string[], info: { lines: number }): ParsedRecord | undefined => {
    // A blank line, or a line of delimiters only (",,,," as spreadsheets write below the data): no cell holds anything.
    if (record.every((c) => c.trim() === '')) return undefined;
    let newlines = 0;
    for (const cell of record) for (let i = 0; i < cell.length; i++) if (cell.charCodeAt(i) === 10) newlines++;
    const cells = record.map((c, j) => shared.intern(j, c.trim()));
    const padded = cells.flatMap((c, j): [number, string][] => (c.length === record[j].length ? [] : [[j, record[j]]]));
    return { cells, line: info.lines - newlines + skipped, ...(padded.length === 0 ? {} : { padded }) };
  };
  try {
    return parse(source, { delimiter, relax_column_count: true, skip_empty_lines: true, on_record: toRecord as unknown as (record: string[]) => string[] }) as unknown as ParsedRecord[];
  } catch (err) {
    const e = err as { code?: string; message?: string; lines?: number };
    issues.error('CSV_SYNTAX', `the CSV cannot be parsed: ${e.message ?? String(err)}`,
      'check the quotes on this line: a field that starts with " must end with " followed by the delimiter or the end of the line, and quotes inside it are written twice ("")',
      e.lines === undefined ? {} : { row: e.lines + skipped });
    throw new DataError(issues.list());
  }
}

function describe(delimiter: CsvDelimiter): string {
  return delimiter === '\t' ? 'tab' : delimiter;
}

/** Distinct texts remembered per column by CellInterner: enough for dates, geos and flags, bounded for ids. */
const MAX_SHARED = 4096;

/**
 * One string per repeated cell text of a column (a long panel repeats its dates, geo names, 0/1 flags and
 * national controls on every row): the table keeps one copy of each instead of one per row, which is most
 * of a long file's memory. Columns with more distinct texts stop being tracked past MAX_SHARED.
 */
class CellInterner {
  private readonly byColumn: Map<string, string>[] = [];

  intern(j: number, text: string): string {
    const seen = (this.byColumn[j] ??= new Map<string, string>());
    const kept = seen.get(text);
    if (kept !== undefined) return kept;
    if (seen.size < MAX_SHARED) seen.set(text, text);
    return text;
  }
}
