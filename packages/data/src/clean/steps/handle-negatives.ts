import type { CsvTable } from '../../read/read-csv.ts';
import type { Change, CleaningRoles, StepResult } from '../change.ts';
import { changeRow } from '../change.ts';
import { DataError } from '../../issue.ts';
import { parseNumber } from '../../read/parse-number.ts';
import { negativeSpend } from '../../validate/rules/negative-spend.ts';
import { copyTable } from '../copy-table.ts';
import { tableDays } from '../table-days.ts';

/** Options of handleNegatives. */
export interface NegativesOptions {
  roles: CleaningRoles;
  /** 'clip': negative values become 0; 'reject': any negative value is an error (nothing changes). */
  mode: 'clip' | 'reject';
  /** Columns to check (default: the spend columns and the organic media exposure columns). */
  columns?: readonly string[];
}

/**
 * Cleaning step 'negatives': clips negative values to 0 (one change per cell, before → '0') or
 * rejects the table with one NEGATIVE_SPEND error per negative cell.
 * @param table the cells
 * @param options roles, mode, columns
 * @returns the table and its changes ([] in 'reject' mode)
 * @throws DataError in 'reject' mode when a value is negative, or when a date cannot be read
 * @example handleNegatives(csv, { roles, mode: 'clip' }).changes[0]
 * // { step: 'negatives', column: 'tv_spend', row: 6, date: '2024-02-05', before: '-10', after: '0', reason: 'negative value clipped to 0' }
 */
export function handleNegatives(table: CsvTable, options: NegativesOptions): StepResult {
  const organic = options.roles.organic ?? [];
  const columns = options.columns ?? [...options.roles.spend, ...organic];
  if (options.mode === 'reject') {
    const found = negativeSpend(table, {
      channels: columns.filter((c) => !organic.includes(c)).map((c) => ({ name: c, column: c })),
      organic: columns.filter((c) => organic.includes(c)),
    });
    if (found.length > 0) throw new DataError(found);
    return { table, changes: [] };
  }
  const { iso } = tableDays(table, options.roles.date);
  const out = copyTable(table);
  const changes: Change[] = [];
  for (const column of columns) {
    const j = table.header.indexOf(column);
    if (j < 0) continue;
    out.rows.forEach((r, i) => {
      const p = parseNumber(r[j], table.delimiter);
      if (!p.ok || p.value >= 0) return;
      changes.push({ step: 'negatives', column, row: changeRow(table, i), date: iso[i], before: r[j], after: '0', reason: 'negative value clipped to 0' });
      r[j] = '0';
    });
  }
  return { table: out, changes };
}
