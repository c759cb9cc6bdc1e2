import { closeSync, openSync, readSync, statSync } from 'node:fs';
import type { Issue } from '../issue.ts';
import type { CsvTable } from '../read/read-csv.ts';
import type { CsvDelimiter } from '../read/detect-delimiter.ts';
import { DataError } from '../issue.ts';
import { decodeCsvBytes } from '../read/decode-text.ts';
import { parseCsvText } from '../read/read-csv.ts';
import { detectDelimiter } from '../read/detect-delimiter.ts';
import { excelSepLine } from '../read/excel-sep-line.ts';
import { parseDate } from '../read/date.ts';
import { makeIssue } from '../validate/make-issue.ts';
import { readOutcome, type ReadOutcome } from '../validate/read-outcome.ts';
import { hash53, splitRecord, stripEnding } from './scan-record.ts';
import { COMMA_DEC, COMMA_GROUP, DECIMAL, KINDS, RecordCells, SUSPECT, hasDot, plainNumberKind, wholeKind } from './scan-cells.ts';
import { RowHashes } from './row-hashes.ts';
import { PaddedCellCounter, type PaddedCell } from '../read/padded-cells.ts';

/**
 * Source files larger than this (64 MiB, about a million rows of a long export) are checked by
 * sourceScan, a streaming pass in bounded memory, instead of being read whole into JS strings and
 * arrays (a 519 MiB file does not fit in one string, and its cells would not fit in 2 GB).
 */
export const LARGE_SOURCE_BYTES = 64 * 2 ** 20;

/** At most this many rows are kept for the checks by sourceScan (suspect rows and representatives); past it, a LARGE_FILE_SCAN_CAPPED warning. */
export const MAX_SCANNED_ROWS = 200_000;

/** Distinct values remembered per column (their first rows are kept) before the column counts as high-cardinality and is no longer tracked. */
const MAX_DISTINCT = 100_000;
const CHUNK_BYTES = 4 * 2 ** 20;
/** The leading records always kept, so that delimiter detection sees what it sees in the whole file. */
const LEADING = 21;

/** The columns of a source file the checks read, given its header (trimmed names). */
export interface SourceScanColumns {
  /** The date column. */
  date?: string;
  /** Numeric columns: each cell must read as a plain number, or its row is kept. */
  numbers: readonly string[];
  /** Text columns that must not be empty. */
  keys: readonly string[];
  /** The column the numbers' "reporting" is judged per (channel, for empty exposure cells). */
  groupBy?: string;
  /** Columns whose distinct values matter as sets (geo, product): the first row of each value is kept. Currency-like columns are always added. */
  distinct: readonly string[];
}

/** Options of readSourceOutcome. */
export interface SourceReadOptions {
  /** The file name shown in issues. */
  name: string;
  /** Files larger than this many bytes take the streaming path (default LARGE_SOURCE_BYTES). */
  largeFileBytes?: number;
  /** The columns the checks read; for a large file, the cells kept (default: none but the shape and dot-thousands checks). */
  columns?: (header: readonly string[]) => SourceScanColumns;
}

/**
 * Reads a source file for the JS checks: whole (readOutcome) when it is at most `largeFileBytes`, else
 * by sourceScan, whose table keeps only the rows the checks can flag and a few representatives (the
 * same issues, in bounded memory).
 * @param path the file
 * @param options display name, threshold and the columns the checks read
 * @returns the outcome; its csv.omittedRows says how many plain rows the scan left out
 * @example readSourceOutcome('ads.csv', { name: 'ads.csv' }).csv?.rows.length // 120
 */
export function readSourceOutcome(path: string, options: SourceReadOptions): ReadOutcome {
  let size: number;
  try {
    size = statSync(path).size;
  } catch {
    size = 0; // readOutcome words FILE_NOT_FOUND / FILE_UNREADABLE
  }
  if (size <= (options.largeFileBytes ?? LARGE_SOURCE_BYTES)) return readOutcome(path, { name: options.name });
  return sourceScan(path, options.name, options.columns ?? (() => ({ numbers: [], keys: [], distinct: [] })));
}

const CURRENCY_NAME = /^(currency|currency_code|currencycode|ccy|cur|iso_currency)$/i;
const PLAIN_DATE = /^\d{4}-\d{2}-\d{2}$/;
const INTEGER = /^[+-]?\d+$/;
const DOT_GROUPED = /^[+-]?[1-9]\d{0,2}(?:\.\d{3}){2,}$/;
const ONE_GROUP = /^[+-]?[1-9]\d{0,2}\.\d{3}$/;
const COMMA_DECIMAL = /^[+-]?(?:\d+|\d{1,3}(?:\.\d{3})+),\d+$/;
const COMMA_GROUPED = /^[+-]?[1-9]\d{0,2}(?:,\d{3})+(?:\.\d+)?$/;

/**
 * The streaming check of a large source file: reads it in 4 MiB chunks (each decoded and checked as
 * decodeCsvBytes checks a whole file), splits records (quotes honoured) and keeps, as text, only the
 * rows a check can flag: a ragged row, the first line ending unlike line 1's, a date that is not a
 * valid yyyy-mm-dd, a number that is not plain (currency symbols, decimal commas, dot thousands,
 * empty…), an empty key; plus representatives whose presence the column-wide rules read (the first
 * row of each distinct date, geo, product and currency value; the first small, large and decimal
 * number per column and per group; the first 21 records). Those rows are then read by the ordinary
 * reader (parseCsvText) and renumbered to their file lines, so every check sees the same suspect
 * cells and context as on the whole file; `csv.omittedRows` counts the plain rows left out (each with
 * a valid yyyy-mm-dd date), which the counting rules add. Memory is O(suspect rows + distinct values).
 * Set-level checks needing every row (exact duplicate rows) are DuckDB's (stg_spend_duplicates).
 * @param path the file
 * @param file the name used in issues
 * @param columnsOf the columns the checks read, given the header
 * @returns the outcome, as readOutcome's
 * @example sourceScan('big.csv', 'big.csv', () => ({ numbers: ['spend'], keys: ['channel'], distinct: [] })).csv?.omittedRows // 9999990
 */
export function sourceScan(path: string, file: string, columnsOf: (header: readonly string[]) => SourceScanColumns): ReadOutcome {
  const fd = openSync(path, 'r');
  try {
    return new Scan(file, columnsOf).run(fd);
  } finally {
    closeSync(fd);
  }
}

/** Which cells of a record sourceScan reads, by column index. */
interface Plan {
  date: number;
  numbers: boolean[];
  keys: boolean[];
  group: number;
  currency: Set<number>;
  /** Per numeric column (when grouped): the group values whose first plain cell was kept. */
  groupFirsts: (Set<string> | undefined)[];
  /** Per distinct column: the values whose first row was kept. */
  distinct: [number, Set<string>][];
}

class Scan {
  private readonly kept: string[] = [];
  private readonly lineMap: number[] = [0];
  private line = 0;
  private firstEnding: string | undefined;
  private endingFound = false;
  private records = 0;
  private dataRows = 0;
  private keptData = 0;
  private skipped = 0;
  private skippedLine = 0;
  private header: string[] | undefined;
  private delimiter: CsvDelimiter = ',';
  private plan: Plan | undefined;
  private readonly hashes = new RowHashes();
  private readonly cells = new RecordCells();
  /** The distinct columns' (geo, product) cells written with spaces around them, counted on every row (csv.paddedCells). */
  private readonly padded = new PaddedCellCounter();
  private delimiterCode = 44;
  /** flags[j * KINDS + kind]: whether column j's first cell of a kind (small/large whole number, decimal, comma grouping, decimal comma) was kept. */
  private flags = new Uint8Array(0);
  private readonly dates = new Map<string, boolean>();
  /** The previous row's date cell and whether it was valid, and its cells of the distinct columns: a repeat needs no lookup. */
  private lastDate: string | undefined;
  private lastDateOk = false;
  private readonly lastDistinct = new Map<number, string>();
  private pending = '';
  private pendingStart = 0;
  private quoted = false;

  constructor(private readonly file: string, private readonly columnsOf: (header: readonly string[]) => SourceScanColumns) {}

  run(fd: number): ReadOutcome {
    const buffer = Buffer.allocUnsafe(CHUNK_BYTES);
    let carry: Buffer = Buffer.alloc(0);
    let offsetLines = 0;
    let first = true;
    for (;;) {
      const n = readSync(fd, buffer, 0, CHUNK_BYTES, null);
      const bytes = n === 0 ? carry : Buffer.concat([carry, buffer.subarray(0, n)]);
      const cut = n === 0 ? bytes.length : bytes.lastIndexOf(0x0a) + 1;
      if (cut === 0 && n > 0) {
        carry = bytes;
        continue;
      }
      const piece = bytes.subarray(0, cut);
      carry = Buffer.from(bytes.subarray(cut));
      if (piece.length > 0 || first) {
        let text: string;
        try {
          text = decodeCsvBytes(piece, this.file);
        } catch (err) {
          if (!(err instanceof DataError)) throw err;
          // A later piece of blank lines is not an empty file, nor are its first bytes a file signature.
          const real = err.issues.filter((i) => first || (i.code !== 'EMPTY_FILE' && i.at.row !== undefined));
          if (real.length > 0) return { file: this.file, issues: real.map((i) => (i.at.row === undefined ? i : { ...i, at: { ...i.at, row: i.at.row + offsetLines } })) };
          text = first ? '' : new TextDecoder().decode(piece);
        }
        first = false;
        offsetLines += this.lines(text);
      }
      if (n === 0) break;
    }
    if (this.pending !== '') this.record(this.pending, this.pendingStart);
    return this.outcome();
  }

  /** Feeds decoded text (whole lines); returns the number of '\n' in it. */
  private lines(text: string): number {
    let start = 0;
    let count = 0;
    while (start < text.length) {
      let end = text.indexOf('\n', start);
      const last = end < 0;
      if (last) end = text.length;
      const raw = text.slice(start, end + (last ? 0 : 1));
      start = end + 1;
      if (!last) count++;
      this.physical(raw);
    }
    return count;
  }

  /** One physical line with its ending. */
  private physical(raw: string): void {
    this.line++;
    const body = raw.endsWith('\r\n') ? raw.slice(0, -2) : raw.endsWith('\n') ? raw.slice(0, -1) : raw;
    const ending = raw.endsWith('\r\n') ? 'CRLF' : raw.endsWith('\n') ? 'LF' : '';
    let differs = false;
    if (!this.quoted && ending !== '') {
      if (this.firstEnding === undefined) this.firstEnding = ending;
      else if (!this.endingFound && ending !== this.firstEnding) differs = this.endingFound = true;
    }
    if (this.pending === '' && !this.quoted) this.pendingStart = this.line;
    this.pending += raw;
    if (body.includes('"')) for (let i = 0; i < body.length; i++) if (body.charCodeAt(i) === 34) this.quoted = !this.quoted;
    if (this.quoted) return;
    const record = this.pending;
    this.pending = '';
    if (stripEnding(record) === '') {
      if (differs) this.keep(record, this.pendingStart);
      return;
    }
    this.record(record, this.pendingStart, differs);
  }

  private record(record: string, start: number, force = false): void {
    this.records++;
    if (this.header === undefined) {
      const sep = this.records === 1 ? excelSepLine(record) : undefined;
      if (sep !== undefined) {
        this.delimiter = sep.delimiter;
        this.keep(record, start);
        return;
      }
      this.keep(record, start);
      this.delimiter = this.records > 1 ? this.delimiter : detectDelimiter(record);
      this.header = (splitRecord(stripEnding(record), this.delimiter) ?? []).map((h) => h.trim());
      this.delimiterCode = this.delimiter.charCodeAt(0);
      this.plan = this.planFor(this.header);
      this.flags = new Uint8Array(this.header.length * KINDS);
      return;
    }
    this.dataRows++;
    if (this.suspect(stripEnding(record), start) || force || this.dataRows <= LEADING) {
      if (this.keptData >= MAX_SCANNED_ROWS) {
        if (this.skipped++ === 0) this.skippedLine = start;
        return;
      }
      this.keptData++;
      this.keep(record, start);
    }
  }

  private planFor(header: string[]): Plan {
    const spec = this.columnsOf(header);
    const at = (c: string | undefined): number => (c === undefined ? -1 : header.indexOf(c));
    const currency = new Set(header.flatMap((h, j) => (CURRENCY_NAME.test(h) ? [j] : [])));
    const numbers = header.map((h) => spec.numbers.includes(h));
    const group = at(spec.groupBy);
    const distinct = [...new Set([...spec.distinct.map(at), ...currency])].filter((j) => j >= 0 && j !== at(spec.date));
    return {
      date: at(spec.date), numbers, keys: header.map((h) => spec.keys.includes(h)), group, currency,
      groupFirsts: numbers.map((n) => (n && group >= 0 ? new Set<string>() : undefined)),
      distinct: distinct.map((j) => [j, new Set<string>()]),
    };
  }

  /** Whether a data record must be kept: a check may flag it, or it is the first of a kind a column-wide rule reads. */
  private suspect(record: string, line: number): boolean {
    const plan = this.plan;
    const header = this.header;
    if (plan === undefined || header === undefined) return true;
    const cells = this.cells;
    // The common record (no quotes, CR or padding) is read by char codes; the rest as before, by strings.
    if (!cells.read(record, this.delimiterCode)) {
      if (record.includes('\r')) return true; // a lone CR: the reader's to judge
      const quoted = record.includes('"');
      const split = quoted ? splitRecord(record, this.delimiter) : record.split(this.delimiter);
      if (split === undefined || split.length !== header.length) return true;
      cells.fromCells(split, hash53(quoted || record.includes(' ') || record.includes('\t') ? split.map((c) => c.trim()).join('\u0000') : record, this.delimiterCode));
    } else if (cells.count !== header.length) {
      return true;
    }
    this.hashes.set(this.dataRows - 1, cells.hash, line); // for exact duplicates (RowHashes.candidates)
    const { text, starts, ends } = cells;
    let keep = false;
    let group: string | undefined;
    const flags = this.flags;
    for (let j = 0; j < cells.count; j++) {
      const s = starts[j], e = ends[j];
      let kind = -1;
      if (j === plan.date) {
        // The first row of each distinct date is kept (week labels, the dates' count); a plain date has no spaces to trim.
        // A repeat of the previous row's date was looked up then (it is in the map, or the map is full).
        if (!cells.equals(j, this.lastDate)) {
          const raw = text.slice(s, e);
          let ok = this.dates.get(raw);
          if (ok === undefined) {
            ok = PLAIN_DATE.test(raw) && parseDate(raw).ok;
            if (this.dates.size < MAX_DISTINCT) {
              this.dates.set(raw, ok);
              keep = true;
            }
          }
          this.lastDate = raw;
          this.lastDateOk = ok;
        }
        if (!this.lastDateOk) return true;
      } else if (plan.numbers[j]) {
        kind = plainNumberKind(text, s, e);
        if (kind === SUSPECT) return true;
        const seen = plan.groupFirsts[j];
        if (seen !== undefined) {
          const g = (group ??= cells.cell(plan.group)); // untrimmed: a padded spelling is one more row kept, no harm
          if (!seen.has(g) && seen.size < MAX_DISTINCT) {
            seen.add(g);
            keep = true;
          }
        }
      } else {
        const c = s < e ? text.charCodeAt(s) : NaN;
        const plainText = c > 57 || (c < 48 && c !== 43 && c !== 45 && c !== 32 && c !== 9);
        if (plainText && text.charCodeAt(e - 1) > 32) {
          if (hasDot(text, s, e)) kind = DECIMAL;
        } else {
          kind = textKind(text.slice(s, e).trim(), plan.keys[j]);
          if (kind === SUSPECT) return true;
        }
      }
      if (kind >= 0 && flags[j * KINDS + kind] === 0) {
        flags[j * KINDS + kind] = 1;
        keep = true;
      }
    }
    for (const [j, seen] of plan.distinct) {
      // A name padded with spaces is counted on every row, so the warning on it gives the lines and count the whole-file reader gives.
      if (ends[j] > starts[j] && (text.charCodeAt(starts[j]) <= 32 || text.charCodeAt(ends[j] - 1) <= 32)) this.padded.add(header[j], cells.cell(j), line);
      if (cells.equals(j, this.lastDistinct.get(j))) continue; // seen (or the set was full) on the previous row
      const raw = cells.cell(j);
      this.lastDistinct.set(j, raw);
      const t = raw.trim();
      const v = plan.currency.has(j) ? t.toUpperCase() : t;
      if (seen.has(v) || seen.size >= MAX_DISTINCT) continue;
      seen.add(v);
      keep = true;
    }
    return keep;
  }

  private keep(record: string, start: number): void {
    this.kept.push(record.endsWith('\n') ? record : `${record}\n`);
    const n = (record.match(/\n/g) ?? []).length || 1;
    for (let k = 0; k < n; k++) this.lineMap.push(start + k);
  }

  private outcome(): ReadOutcome {
    const text = this.kept.join('');
    this.kept.length = 0;
    const map = (row: number | undefined): number | undefined => (row === undefined ? undefined : this.lineMap[row] ?? row);
    const located = (i: Issue): Issue => (i.at.row === undefined ? i : { ...i, at: { ...i.at, row: map(i.at.row) } });
    const capped = this.skipped === 0 ? [] : [makeIssue('LARGE_FILE_SCAN_CAPPED', 'warning',
      `${this.skipped} more rows from line ${this.skippedLine} on have cells the checks would look at (${MAX_SCANNED_ROWS} rows were checked): their issues are not listed, and counts in the messages leave them out`,
      'fix the issues listed, then build again to see the rest', { file: this.file, row: this.skippedLine })];
    let csv: CsvTable;
    try {
      csv = parseCsvText(text, this.file);
    } catch (err) {
      if (err instanceof DataError) return { file: this.file, issues: [...err.issues.map(located), ...capped] };
      throw err;
    }
    // The kept rows' padded cells on their file lines, the distinct columns' counted over every row instead.
    const padded = new Map<string, readonly PaddedCell[]>([...(csv.paddedCells ?? [])].map(([c, list]) => [c, list.map((p) => ({ ...p, lines: p.lines.map((l) => map(l) ?? l) }))]));
    const distinct = new Set((this.plan?.distinct ?? []).map(([j]) => this.header?.[j]));
    for (const c of distinct) if (c !== undefined) padded.delete(c);
    for (const [c, list] of this.padded.result()) padded.set(c, list);
    const { paddedCells: _kept, ...parsed } = csv;
    const table: CsvTable = {
      ...parsed, rowNumbers: csv.rowNumbers.map((r) => map(r) ?? r), warnings: [...csv.warnings.map(located), ...capped],
      ...(padded.size === 0 ? {} : { paddedCells: padded }),
      omittedRows: this.dataRows - csv.rows.length, duplicateCandidateLines: this.hashes.candidates(this.dataRows),
      ...(csv.headerLine === undefined ? {} : { headerLine: map(csv.headerLine) }),
    };
    return { file: this.file, csv: table, issues: table.warnings };
  }
}

/** The kind of a trimmed non-numeric-column cell that does not plainly read as text: SUSPECT (an empty key, dot thousands), a number kind, or -1. */
function textKind(t: string, key: boolean): number {
  if (t === '') return key ? SUSPECT : -1;
  if (DOT_GROUPED.test(t) || ONE_GROUP.test(t)) return SUSPECT;
  return INTEGER.test(t) ? wholeKind(t) : COMMA_GROUPED.test(t) ? COMMA_GROUP : COMMA_DECIMAL.test(t) ? COMMA_DEC : t.includes('.') ? DECIMAL : -1;
}
