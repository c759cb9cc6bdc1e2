import type { ModelingTable } from '@mixwise/engine';
import type { Issue } from '../issue.ts';
import { makeIssue } from './make-issue.ts';

/**
 * Channels whose spend does not vary over the fitted rows (the window without the holdout): with no
 * variation the model cannot attribute anything to them, and the fit's quadratic program fails (not
 * positive definite). Evaluated on the rows fitted, since a channel may vary only outside --start/--end.
 * @param table the modeling table
 * @param rows the fitted rows [start, end)
 * @param file the data file, for the issue location
 * @returns one NO_SPEND_VARIATION error per such channel
 * @example spendVariationIssues(table, { start: 0, end: 52 }, 'data.csv').map((i) => i.at.column) // ['ooh_spend']
 */
export function spendVariationIssues(table: ModelingTable, rows: { start: number; end: number }, file: string): Issue[] {
  const from = table.dates[rows.start];
  const to = table.dates[rows.end - 1];
  const out: Issue[] = [];
  for (const c of table.channels) {
    const first = c.spend[rows.start];
    let varies = false;
    for (let t = rows.start + 1; t < rows.end && !varies; t++) varies = c.spend[t] !== first;
    if (varies) continue;
    out.push(makeIssue('NO_SPEND_VARIATION', 'error',
      `channel "${c.name}" spends the same amount (${first}) in every fitted period (${from} … ${to}): without variation its effect cannot be attributed`,
      'remove it from the channels (--channels, or columns.channels in the config), or widen the modeling window (--start/--end, --holdout) to periods where its spend varies',
      { file, column: c.column }));
  }
  return out;
}
