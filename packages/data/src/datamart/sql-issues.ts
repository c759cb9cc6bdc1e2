import type { Issue } from '../issue.ts';

/** One bad cell as the staging models report it. */
export interface SqlCellIssue {
  row: number;
  column_name: string;
  value: string;
  code: string;
}

const HINTS: Readonly<Record<string, [string, string]>> = {
  EMPTY_CELL: ['the cell is empty', 'fill in a value (0 for no spend)'],
  INVALID_DATE: ['is not a date', 'write dates as YYYY-MM-DD, e.g. 2024-01-31'],
  NOT_A_NUMBER: ['is not a number', 'write plain numbers such as 1234.5, without currency signs or thousands separators'],
  NON_FINITE: ['is not a finite number', 'replace NaN/Infinity with a real value'],
  NEGATIVE_SPEND: ['is a negative spend', 'spend cannot be below zero: correct the value or book refunds separately'],
  DUPLICATE_DATE: ['repeats a date already in the file', 'keep one line per date (× geo × product)'],
};

/**
 * Turns the rows of a staging issues table into located Issues (all errors).
 * @param file the file name the rows came from
 * @param rows rows of stg_*_issues
 * @returns one Issue per row, in row then column order
 * @example sqlIssues('spend.csv', [{ row: 3, column_name: 'spend', value: 'abc', code: 'NOT_A_NUMBER' }])[0].message
 * // 'value "abc" is not a number'
 */
export function sqlIssues(file: string, rows: readonly SqlCellIssue[]): Issue[] {
  return [...rows]
    .sort((a, b) => a.row - b.row || a.column_name.localeCompare(b.column_name))
    .map((r) => {
      const [what, hint] = HINTS[r.code] ?? ['is invalid', 'correct the value'];
      const message = r.code === 'EMPTY_CELL' ? what : `value "${r.value}" ${what}`;
      return { code: r.code, severity: 'error' as const, message, hint, at: { file, row: Number(r.row), column: r.column_name } };
    });
}
