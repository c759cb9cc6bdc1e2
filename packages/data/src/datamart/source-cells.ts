import type { Issue } from '../issue.ts';
import type { CsvTable } from '../read/read-csv.ts';
import type { NumericRole } from '../build/read-numeric-column.ts';
import type { NumberParse } from '../read/parse-number.ts';
import { IssueCollector } from '../issue-collector.ts';
import { parseTableColumn } from '../read/dot-thousands.ts';
import { describeFailure } from '../build/read-numeric-column.ts';
import { unparseableDates } from '../validate/rules/unparseable-dates.ts';
import { makeIssue } from '../validate/make-issue.ts';
import { isoWeekIssue } from './iso-week.ts';

/** A numeric column of a source file and how its empty cells are judged. */
export interface SourceNumber {
  column: string;
  /** Role named in messages and hints (spend, target…). */
  role: NumericRole;
  /** 'error': an empty cell is an EMPTY_CELL error (spend, KPI); 'exposure': see sourceCellIssues. */
  empty: 'error' | 'exposure';
  /** When set, a column with no number at all is one NOT_A_NUMBER error with this fix (a text column read as a KPI) instead of one per cell. */
  textHint?: string;
}

/**
 * The cell errors of a long source file, read the way the wide path reads a table, so both paths give
 * the same coded messages: the date column through unparseableDates (NON_ISO_DATES, MIXED_DATE_FORMAT,
 * UNSUPPORTED_DATE_FORMAT for UTC offsets and times of day, INVALID_DATE…; ISO week labels such as
 * 2021-W01 get one ISO_WEEK_DATES error with the Monday they stand for), numbers through parseTableColumn
 * and describeFailure (CURRENCY_SYMBOL, DECIMAL_COMMA, DOT_THOUSANDS, NOT_A_NUMBER, NON_FINITE…), an
 * empty text key (channel) as EMPTY_CELL. Negative numbers are not errors here: spend is checked per
 * period once summed (a credit line may net out). At most 10 issues of one code are listed, the rest
 * counted in one MORE_ISSUES summary. A column with `textHint` and no number at all (an id, stage or
 * region column of a KPI file) is one error for the column.
 * An empty exposure cell (impressions, clicks) is an error on a row whose key (channel) has exposure
 * values on other rows, since summing would read it as 0; a key with no value at all in the column
 * (a channel that reports none) is fine, and its exposure column is all zero.
 * @param csv the parsed file
 * @param spec date column, text key columns that must not be empty, numeric columns
 * @returns the errors (capped per code), [] when every cell reads
 * @example sourceCellIssues(csv, { date: 'date', keys: ['channel'], numbers: [{ column: 'spend', role: 'spend', empty: 'error' }] })[0].code // 'CURRENCY_SYMBOL'
 */
export function sourceCellIssues(csv: CsvTable, spec: { date: string; keys: readonly string[]; numbers: readonly SourceNumber[]; groupBy?: string }): Issue[] {
  const issues = new IssueCollector(csv.file);
  const week = isoWeekIssue(csv, spec.date);
  for (const i of week === undefined ? unparseableDates(csv, { date: spec.date }) : [week]) issues.add(i);
  for (const key of spec.keys) {
    const j = csv.header.indexOf(key);
    if (j < 0) continue;
    csv.rows.forEach((r, i) => {
      if ((r[j] ?? '').trim() === '') issues.error('EMPTY_CELL', `the ${key} is empty`, `every row needs a ${key}`, { row: csv.rowNumbers[i], column: key });
    });
  }
  const g = spec.groupBy === undefined ? -1 : csv.header.indexOf(spec.groupBy);
  for (const n of spec.numbers) {
    const j = csv.header.indexOf(n.column);
    if (j < 0) continue;
    const parses = parseTableColumn(csv, j);
    const text = n.textHint === undefined ? -1 : textColumnRow(parses);
    if (text >= 0) {
      issues.add(makeIssue('NOT_A_NUMBER', 'error', `column "${n.column}" holds text, not numbers (no value is a number, e.g. "${csv.rows[text][j]}")`,
        n.textHint ?? '', { file: csv.file, row: csv.rowNumbers[text], column: n.column }));
      continue;
    }
    const reporting = new Set<string>();
    if (n.empty === 'exposure') parses.forEach((p, i) => { if (p.ok) reporting.add(csv.rows[i][g] ?? ''); });
    parses.forEach((p, i) => {
      if (p.ok) return;
      const cell = csv.rows[i][j] ?? '';
      const at = { file: csv.file, row: csv.rowNumbers[i], column: n.column };
      if (n.empty === 'exposure' && (p.reason === 'empty' || p.reason === 'missing')) {
        const key = csv.rows[i][g] ?? '';
        if (!reporting.has(key)) return;
        issues.add(makeIssue('EMPTY_CELL', 'error', `the ${n.column} value is empty, while other rows of ${spec.groupBy ?? 'the file'} "${key}" have ${n.column}: summed, it would count as 0`,
          `fill in the ${n.column} (0 only if there truly were none), or leave ${n.column} empty on every row of "${key}" if it does not report them`, at));
        return;
      }
      const [code, message, hint] = describeFailure(p.reason, cell, n.role);
      issues.add(makeIssue(code, 'error', message, hint, at));
    });
  }
  // In file order, as the staging models list them; the MORE_ISSUES summaries (no row) last.
  return issues.list().sort((a, b) => (a.at.row ?? Infinity) - (b.at.row ?? Infinity) || (a.at.column ?? '').localeCompare(b.at.column ?? ''));
}

/** The first row of a column without a single number (a text column), or -1 when some cell is a number or all are empty. */
function textColumnRow(parses: readonly NumberParse[]): number {
  if (parses.some((p) => p.ok)) return -1;
  return parses.findIndex((p) => !p.ok && p.reason !== 'empty');
}
