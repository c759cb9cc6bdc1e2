import type { Issue } from '../issue.ts';
import type { CsvTable } from '../read/read-csv.ts';
import { makeIssue } from '../validate/make-issue.ts';

/** The rows of a file that repeat an earlier row in every column. */
export interface ExactDuplicates {
  /** [first line, repeating line] pairs, in file order of the repeat. */
  pairs: [number, number][];
  /** One issue for the file: an EXACT_DUPLICATE_ROWS error, or (when dropped) a DUPLICATE_ROWS_DROPPED warning; [] when there are none. */
  issues: Issue[];
}

const SHOWN = 5;

/**
 * Finds rows identical in every column to an earlier row (cells compared trimmed). Summed, such a copy
 * (an export run twice, a file pasted into itself) doubles that line's spend or KPI without a word;
 * rows that differ in any column (two campaigns of a channel on one day) are not duplicates.
 * @param csv the parsed file
 * @param drop true when the config accepts them (sources.drop_duplicate_rows): a warning instead of the error, and the repeats are left out
 * @returns the repeated lines and the file's issue
 * @example exactDuplicates(csv, false).issues[0].message // '2 rows repeat an earlier row in every column: line 7 = line 3, line 9 = line 4'
 */
export function exactDuplicates(csv: CsvTable, drop: boolean): ExactDuplicates {
  const seen = new Map<string, number>();
  const pairs: [number, number][] = [];
  csv.rows.forEach((r, i) => {
    const key = JSON.stringify(r.map((c) => c.trim()));
    const first = seen.get(key);
    if (first === undefined) seen.set(key, csv.rowNumbers[i]);
    else pairs.push([first, csv.rowNumbers[i]]);
  });
  return duplicatePairs(pairs, csv.file, drop);
}

/**
 * exactDuplicates' result for repeated lines found elsewhere (by DuckDB, source_duplicates_select, for a
 * large file): the same issue for the same pairs.
 * @param pairs [first line, repeating line] pairs, in file order of the repeat
 * @param file the file name used in the issue
 * @param drop whether the config accepts them (see exactDuplicates)
 * @example duplicatePairs([[3, 7]], 'ads.csv', false).issues[0].message // '1 row repeats an earlier row in every column (line 7 = line 3): summed, each copy would count twice'
 */
export function duplicatePairs(pairs: [number, number][], file: string, drop: boolean): ExactDuplicates {
  if (pairs.length === 0) return { pairs, issues: [] };
  const listed = pairs.slice(0, SHOWN).map(([a, b]) => `line ${b} = line ${a}`).join(', ') + (pairs.length > SHOWN ? ', …' : '');
  const n = `${pairs.length} row${pairs.length === 1 ? '' : 's'}`;
  const at = { file, row: pairs[0][1] };
  if (drop) {
    return { pairs, issues: [makeIssue('DUPLICATE_ROWS_DROPPED', 'warning', `${n} repeating an earlier row in every column ${pairs.length === 1 ? 'was' : 'were'} left out (${listed})`,
      'drop_duplicate_rows: true under sources: in mixwise.yaml; remove the setting to be told about copies as errors', at)] };
  }
  return { pairs, issues: [makeIssue('EXACT_DUPLICATE_ROWS', 'error', `${n} repeat${pairs.length === 1 ? 's' : ''} an earlier row in every column (${listed}): summed, each copy would count twice`,
    'remove the repeated lines (an export run twice or pasted in twice?); if the copies are known to be redundant, set drop_duplicate_rows: true under sources: in mixwise.yaml to leave them out (logged as a warning). Rows that differ in any column, such as two campaigns, are summed as before', at)] };
}

/**
 * DUPLICATE_ID errors for an id column (invoice_id, opportunity_id) whose value repeats: each record
 * must appear once, or its amount is counted twice.
 * @param csv the parsed file
 * @param column the id column (nothing is checked when the file lacks it)
 * @returns one error per repeated id (at most 10, then a count), at the repeating line
 * @example duplicateIds(csv, 'invoice_id')[0].message // 'invoice_id "INV-000042" repeats line 43'
 */
export function duplicateIds(csv: CsvTable, column: string): Issue[] {
  const j = csv.header.indexOf(column);
  if (j < 0) return [];
  const seen = new Map<string, number>();
  const repeats: RepeatedId[] = [];
  let total = 0;
  csv.rows.forEach((r, i) => {
    const id = (r[j] ?? '').trim();
    if (id === '') return;
    const first = seen.get(id);
    if (first === undefined) {
      seen.set(id, csv.rowNumbers[i]);
      return;
    }
    total++;
    if (repeats.length < SHOWN_IDS) repeats.push({ id, first, line: csv.rowNumbers[i] });
  });
  return duplicateIdIssues(repeats, total, csv.file, column);
}

/** At most this many DUPLICATE_ID errors are listed per column; the rest are counted. */
export const SHOWN_IDS = 10;

/** A repeated id: the line that repeats it and the id's first line. */
export interface RepeatedId {
  id: string;
  first: number;
  line: number;
}

/**
 * duplicateIds' issues for repeated ids found elsewhere (by DuckDB, source_duplicate_ids_select, for a
 * large file): one error per listed repeat, then a MORE_ISSUES count.
 * @param repeats the first SHOWN_IDS repeats, in file order
 * @param total how many lines repeat an id in all
 * @param file the file name used in the issues
 * @param column the id column
 * @example duplicateIdIssues([{ id: 'INV-1', first: 2, line: 9 }], 1, 'erp.csv', 'invoice_id')[0].message // 'invoice_id "INV-1" repeats line 2: its amount would be counted twice'
 */
export function duplicateIdIssues(repeats: readonly RepeatedId[], total: number, file: string, column: string): Issue[] {
  const out = repeats.map((r) => makeIssue('DUPLICATE_ID', 'error', `${column} "${r.id}" repeats line ${r.first}: its amount would be counted twice`,
    `keep one line per ${column} (remove the copy, or merge the two records at the source)`, { file, row: r.line, column }));
  const more = total - repeats.length;
  if (more > 0) {
    out.push(makeIssue('MORE_ISSUES', 'error', `and ${more} more DUPLICATE_ID errors like the ones above (not listed)`,
      'fix the listed ones first; the same fix usually applies to the rest', { file }));
  }
  return out;
}
