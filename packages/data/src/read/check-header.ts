import type { IssueCollector } from '../issue-collector.ts';
import { parseDate } from './date.ts';

/**
 * Checks column names: every column needs a name and names must be unique. An unnamed column whose
 * cells are all empty (a trailing delimiter on every line, common in exports) is dropped with an
 * EMPTY_COLUMN_DROPPED warning, and so is an unnamed first column that counts the rows 0, 1, 2… or
 * 1, 2, 3… (the index pandas' to_csv writes by default: ROW_INDEX_DROPPED); any other unnamed column
 * with data is an EMPTY_HEADER error. A column named `Unnamed: N` (pandas' name for a column read
 * without a header, most often a stale row index written back) is dropped with an
 * UNNAMED_COLUMN_DROPPED warning: it is never data to model, so it must not become a channel or control.
 * @param header trimmed column names
 * @param rows data rows, each of header.length cells
 * @param issues where EMPTY_HEADER, DUPLICATE_HEADER, EMPTY_COLUMN_DROPPED, ROW_INDEX_DROPPED and UNNAMED_COLUMN_DROPPED are added (row 1)
 * @returns the header and rows without the dropped columns
 * @example checkHeader(['a', ''], [['1', '']], issues) // { header: ['a'], rows: [['1']] } and one warning
 */
export function checkHeader(
  header: string[],
  rows: string[][],
  issues: IssueCollector,
): { header: string[]; rows: string[][] } {
  const keep: number[] = [];
  const firstSeen = new Map<string, number>();
  header.forEach((name, j) => {
    const place = `column ${j + 1} (${spreadsheetLetter(j)})`;
    if (PANDAS_UNNAMED.test(name) && !holdsData(rows, j)) {
      issues.warning('UNNAMED_COLUMN_DROPPED',
        `${place} has pandas' name for a column without a header (often a row index written back with the data): ignored, so it is never a channel, control or KPI`,
        'export without the index to silence this warning, e.g. pandas to_csv(index=False); give the column a real name if it holds data', { row: 1, column: name });
      return;
    }
    if (name === '') {
      if (rows.every((r) => r[j] === '')) {
        issues.warning('EMPTY_COLUMN_DROPPED', `${place} has no name and no values; it was ignored`,
          'remove the trailing delimiter from the lines of the file to silence this warning', { row: 1 });
      } else if (j === 0 && isRowIndex(rows)) {
        issues.warning('ROW_INDEX_DROPPED', `${place} has no name and counts the rows (${rows[0][0]}, ${rows[1]?.[0] ?? '…'}, …): a row index, ignored`,
          'export without the index to silence this warning, e.g. pandas to_csv(index=False)', { row: 1 });
      } else {
        issues.error('EMPTY_HEADER', `${place} has values but no name`, j === 0
          ? 'give every column a name in the header row (a nameless first column is often a row index: export without it, e.g. pandas to_csv(index=False))'
          : 'give every column a name in the header row', { row: 1 });
      }
      return;
    }
    const seen = firstSeen.get(name);
    if (seen !== undefined) {
      issues.error('DUPLICATE_HEADER', `the column name "${name}" is used twice (columns ${seen + 1} and ${j + 1})`,
        'rename or remove one of the two columns', { row: 1, column: name });
      return;
    }
    firstSeen.set(name, j);
    keep.push(j);
  });
  if (keep.length === header.length) return { header, rows };
  return { header: keep.map((j) => header[j]), rows: rows.map((r) => keep.map((j) => r[j])) };
}

/** pandas' name for a column without a header: `Unnamed: 0`, `Unnamed: 3`… */
const PANDAS_UNNAMED = /^Unnamed: \d+$/;

/**
 * Whether an `Unnamed: N` column is data whose header was lost (kept under that name) rather than an
 * index pandas wrote back (dropped): every cell a date, or every cell a number that is not a set of
 * distinct whole numbers (an index, in order or shuffled after a sort). A date column saved from a
 * date-indexed frame is the common case.
 */
function holdsData(rows: readonly string[][], j: number): boolean {
  if (rows.length === 0) return false;
  const cells = rows.map((r) => (r[j] ?? '').trim());
  if (cells.every((v) => parseDate(v).ok)) return true;
  if (!cells.every((v) => v !== '' && Number.isFinite(Number(v)))) return false;
  const index = cells.every((v) => /^\d+$/.test(v)) && new Set(cells).size === cells.length;
  return !index;
}

/** Whether the first cells count the rows from 0 or from 1, as written (no other value can be one). */
function isRowIndex(rows: readonly string[][]): boolean {
  const start = rows[0]?.[0] === '1' ? 1 : 0;
  return rows.length > 0 && rows.every((r, i) => r[0] === String(start + i));
}

/**
 * The spreadsheet letter of a 0-based column index.
 * @example spreadsheetLetter(0) // 'A'
 * @example spreadsheetLetter(27) // 'AB'
 */
export function spreadsheetLetter(index: number): string {
  let n = index + 1;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}
