import type { Issue } from '../../issue.ts';
import type { CsvTable } from '../../read/read-csv.ts';
import type { RuleRoles } from '../rule-types.ts';
import { MIN_PERIODS_HARD, minimumPeriods, parameterCount } from '../../build/minimum-periods.ts';
import { makeIssue } from '../make-issue.ts';

/**
 * Rule: enough periods for the number of parameters. The rule, stated in the messages: fewer than
 * 12 periods is a TOO_FEW_ROWS error; fewer than max(2 × parameters, 26) a FEW_ROWS warning, with
 * parameters = 1 + 3 per channel + 1 per control + 1 per event dummy (see parameterCount,
 * minimumPeriods: at least two observations per estimated parameter).
 * @param csv the parsed cells (one row per period)
 * @param roles resolved roles, for the parameter count
 * @param options nEvents: event dummies after categorical columns are expanded (default: one per event column);
 *   rowsUntil: the rows were cut at this date (a window's end), so the messages count the rows up to it
 * @example tooFewPeriods(csvWith11Rows, roles)[0].message
 * // 'the file has 11 data rows; at least 12 periods are needed to fit a model (rule: error below 12 periods, warning below max(2 × parameters, 26))'
 */
export function tooFewPeriods(csv: CsvTable, roles: RuleRoles, options: { nEvents?: number; rowsUntil?: string } = {}): Issue[] {
  const n = csv.rows.length;
  const until = options.rowsUntil === undefined ? '' : ` up to the window's end ${options.rowsUntil}`;
  const nParameters = parameterCount(roles.channels?.length ?? 0, roles.controls?.length ?? 0, options.nEvents ?? roles.events?.length ?? 0);
  const recommended = minimumPeriods(nParameters);
  if (n < MIN_PERIODS_HARD) {
    return [makeIssue('TOO_FEW_ROWS', 'error',
      `the file has ${n} data rows${until}; at least ${MIN_PERIODS_HARD} periods are needed to fit a model (rule: error below ${MIN_PERIODS_HARD} periods, warning below max(2 × parameters, 26))`,
      `provide more history: with about ${nParameters} parameters, max(2 × ${nParameters}, 26) = ${recommended} periods are recommended`,
      { file: csv.file })];
  }
  if (n >= recommended) return [];
  return [makeIssue('FEW_ROWS', 'warning',
    `${n} periods${until} for about ${nParameters} parameters; at least max(2 × ${nParameters}, 26) = ${recommended} are recommended`,
    'add history or use fewer channels, controls and events; estimates will be unstable', { file: csv.file })];
}
