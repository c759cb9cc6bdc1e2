import type { CsvTable } from '../../read/read-csv.ts';
import type { Change, CleaningRoles, StepResult } from '../change.ts';
import { changeRow } from '../change.ts';
import { rowName } from '../inserted-rows.ts';
import { DataError } from '../../issue.ts';
import { parseNumber } from '../../read/parse-number.ts';
import { makeIssue } from '../../validate/make-issue.ts';
import { copyTable } from '../copy-table.ts';
import { tableDays } from '../table-days.ts';

/** Options of imputeControls. */
export interface ImputeControlsOptions {
  roles: CleaningRoles;
  /** Columns to impute (default: the controls). */
  columns?: readonly string[];
}

/**
 * Cleaning step 'impute-controls': fills empty, NA and NaN cells of control columns by linear
 * interpolation in time between the nearest known values before (d₀, v₀) and after (d₁, v₁):
 * v = v₀ + (v₁ − v₀)·(d − d₀)/(d₁ − d₀), d in days. Before the first or after the last known value the
 * nearest known value is carried (no extrapolation). Text that is not a number is left for the
 * validation to report. One change per filled cell.
 * @param table the cells, dates in increasing order (see sortDates)
 * @param options roles and columns
 * @throws DataError when a control has no known value at all (EMPTY_CELL), or on unreadable/unsorted dates
 * @example imputeControls(csv, { roles }).changes[0]
 * // { step: 'impute-controls', column: 'price', row: 4, date: '2024-01-15', before: '', after: '10.5', reason: 'interpolated between rows 3 and 5' }
 */
export function imputeControls(table: CsvTable, options: ImputeControlsOptions): StepResult {
  const { days, iso } = tableDays(table, options.roles.date, { sorted: true, step: 'impute-controls' });
  const out = copyTable(table);
  const changes: Change[] = [];
  const where = (i: number): string => rowName(table, i);
  for (const column of options.columns ?? options.roles.controls) {
    const j = table.header.indexOf(column);
    if (j < 0) continue;
    const parsed = table.rows.map((r) => parseNumber(r[j], table.delimiter));
    const missing = (k: number): boolean => {
      const p = parsed[k];
      return !p.ok && (p.reason === 'empty' || p.reason === 'missing' || p.reason === 'non-finite');
    };
    const known = parsed.flatMap((p, k) => (p.ok ? [k] : []));
    if (known.length === 0) {
      if (!parsed.some((_, k) => missing(k))) continue;
      throw new DataError([makeIssue('EMPTY_CELL', 'error', `control "${column}" has no value in any period, so none can be interpolated`,
        'fill in the control or leave it out of the controls', { file: table.file, column })]);
    }
    let next = 0;
    parsed.forEach((_, i) => {
      while (next < known.length && known[next] < i) next++;
      if (!missing(i)) return;
      const after = known[next];
      const before = next > 0 ? known[next - 1] : undefined;
      const value = (k: number): number => (parsed[k] as { value: number }).value;
      let v: number;
      let reason: string;
      if (before !== undefined && after !== undefined) {
        v = value(before) + (value(after) - value(before)) * (days[i] - days[before]) / (days[after] - days[before]);
        reason = `interpolated between ${where(before)} and ${where(after)}`;
      } else {
        const nearest = before ?? after;
        v = value(nearest);
        reason = `carried from the nearest known value (${where(nearest)})`;
      }
      changes.push({ step: 'impute-controls', column, row: changeRow(table, i), date: iso[i], before: table.rows[i][j], after: String(v), reason });
      out.rows[i][j] = String(v);
    });
  }
  return { table: out, changes };
}
