import type { CsvTable } from '../../read/read-csv.ts';
import type { Change, CleaningRoles, StepResult } from '../change.ts';
import { changeRow } from '../change.ts';
import { parseNumber } from '../../read/parse-number.ts';
import { sampleQuantile } from '../../validate/sample-quantile.ts';
import { copyTable } from '../copy-table.ts';
import { tableDays } from '../table-days.ts';
import { DataError } from '../../issue.ts';
import { makeIssue } from '../../validate/make-issue.ts';

/** Options of winsorize. */
export interface WinsorizeOptions {
  roles: CleaningRoles;
  /** Lower quantile, in [0, upper) (default 0 for spend columns, i.e. only the upper tail; 0.01 for others). */
  lower?: number;
  /** Upper quantile, in (lower, 1] (default 0.99). */
  upper?: number;
  /** Columns to winsorise (default: the spend columns; the KPI only when named here). */
  columns?: readonly string[];
}

/**
 * Cleaning step 'winsorize': caps each column at its lower and upper sample quantiles (Hyndman & Fan
 * definition 7, see sampleQuantile, over the column's readable values): a value below Q(lower)
 * becomes Q(lower), one above Q(upper) becomes Q(upper). One change per capped cell; unreadable cells
 * are left as they are. Spend columns are capped only from above by default, and a zero spend is
 * never raised: a week without spend is real (or filled by fill_gaps), not an outlier.
 * @param table the cells
 * @param options roles, quantiles, columns
 * @throws RangeError when the quantiles are not 0 ≤ lower < upper ≤ 1; DataError when a date cannot be read or a named column is not in the table (MISSING_COLUMN)
 * @example winsorize(csv, { roles, lower: 0, upper: 0.9 }).changes[0]
 * // { step: 'winsorize', column: 'tv_spend', row: 11, date: '2024-03-04', before: '1000', after: '109', reason: 'above the 0.9 quantile (109): capped' }
 */
export function winsorize(table: CsvTable, options: WinsorizeOptions): StepResult {
  const upper = options.upper ?? 0.99;
  const given = options.lower ?? 0.01;
  if (!(given >= 0 && given < upper && upper <= 1)) throw new RangeError(`winsorize: need 0 ≤ lower < upper ≤ 1, got ${given} and ${upper}`);
  const unknown = (options.columns ?? []).filter((c) => !table.header.includes(c));
  if (unknown.length > 0) {
    // A misspelled column would otherwise be capped nowhere, without a word.
    throw new DataError(unknown.map((c) => makeIssue('MISSING_COLUMN', 'error', `winsorize: the column "${c}" is not in the table`,
      `name columns of the file (${table.header.map((h) => `"${h}"`).join(', ')})`, { file: table.file, column: c })));
  }
  const spend = new Set(options.roles.spend);
  const { iso } = tableDays(table, options.roles.date);
  const out = copyTable(table);
  const changes: Change[] = [];
  for (const column of options.columns ?? options.roles.spend) {
    const j = table.header.indexOf(column);
    if (j < 0) continue;
    const values = table.rows.map((r) => parseNumber(r[j], table.delimiter));
    const sorted = Float64Array.from(values.flatMap((p) => (p.ok ? [p.value] : []))).sort();
    if (sorted.length === 0) continue;
    const isSpend = spend.has(column);
    const lower = isSpend && options.lower === undefined ? 0 : given;
    const lo = sampleQuantile(sorted, lower);
    const hi = sampleQuantile(sorted, upper);
    values.forEach((p, i) => {
      if (!p.ok || (p.value >= lo && p.value <= hi) || (isSpend && p.value === 0)) return;
      const [cap, side, q] = p.value < lo ? [lo, 'below', lower] : [hi, 'above', upper];
      changes.push({ step: 'winsorize', column, row: changeRow(table, i), date: iso[i], before: table.rows[i][j], after: String(cap),
        reason: `${side} the ${q} quantile (${cap}): capped` });
      out.rows[i][j] = String(cap);
    });
  }
  return { table: out, changes };
}
