import type { Issue } from '../../issue.ts';
import type { CsvTable } from '../../read/read-csv.ts';
import type { RuleRoles } from '../rule-types.ts';
import { makeIssue } from '../make-issue.ts';
import { strayDateRows, type StrayDateRow } from '../stray-date-rows.ts';

/**
 * Rule: each date fits the sequence of its neighbours and a plausible year (strayDateRows). One
 * IMPLAUSIBLE_DATE error per stray row, naming the date the rows around it imply ("probably a typo for
 * 2022-07-25") when they keep the file's step, or the plausible years; the gap and order errors such a row
 * would cause are not reported (the other date rules leave it out: datedRows).
 * @param csv the parsed cells
 * @param roles resolved roles; nothing is checked without a date column
 * @param thisYear the current year (for tests)
 * @example implausibleDates(csv, roles)[0].message
 * // 'the date 2202-07-25 breaks the sequence of the rows around it (2022-07-18 on row 30, 2022-08-01 on row 32): it is probably a typo for 2022-07-25, the date they imply'
 */
export function implausibleDates(csv: CsvTable, roles: RuleRoles, thisYear?: number): Issue[] {
  const column = roles.date;
  if (column === undefined) return [];
  const j = csv.header.indexOf(column);
  return strayDateRows(csv, column, thisYear).map((s) => {
    const at = { file: csv.file, row: csv.rowNumbers[s.index], column };
    const written = csv.rows[s.index][j].trim();
    const range = s.outOfRange === undefined ? '' : ` is outside the plausible years (${s.outOfRange}) and`;
    if (s.implied === undefined) {
      return makeIssue('IMPLAUSIBLE_DATE', 'error', `the date ${written} is outside the plausible years (${s.outOfRange ?? ''})`,
        'correct the year (a digit typed wrong or swapped); if the row does not belong to the data, remove it', at);
    }
    return makeIssue('IMPLAUSIBLE_DATE', 'error',
      `the date ${written}${range} breaks the sequence of the rows around it (${neighbours(csv, j, s)}): it is probably a typo for ${s.implied}, the date they imply`,
      `correct it to ${s.implied} if that is the period the row holds (the gap and order errors it causes are not listed separately); if the row does not belong to the data, remove it`, at);
  });
}

function neighbours(csv: CsvTable, j: number, s: StrayDateRow): string {
  return (s.neighbours ?? []).map((i) => `${csv.rows[i][j].trim()} on row ${csv.rowNumbers[i]}`).join(', ');
}
