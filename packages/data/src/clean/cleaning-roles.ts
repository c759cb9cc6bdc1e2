import type { ResolvedRoles, TableRoles } from '../build/resolve-roles.ts';
import type { CsvTable } from '../read/read-csv.ts';
import type { Issue } from '../issue.ts';
import type { RuleRoles, ValidationRoles } from '../validate/rule-types.ts';
import type { CleaningRoles } from './change.ts';
import { insertsPeriods } from './cleaning-hints.ts';
import { autoRoles } from '../build/auto-roles.ts';

/**
 * The cleaning roles of resolved table roles.
 * @param roles roles as tableFromCsv reports them
 * @example cleaningRoles({ target: 'y', date: 'date', channels: [{ name: 'tv', column: 'tv_spend' }], controls: [], events: [] })
 * // { date: 'date', target: 'y', spend: ['tv_spend'], controls: [], events: [] }
 */
export function cleaningRoles(roles: ResolvedRoles): CleaningRoles {
  return {
    date: roles.date, target: roles.target, spend: roles.channels.map((c) => c.column), controls: roles.controls, events: roles.events,
    ...(roles.organic !== undefined && roles.organic.length > 0 ? { organic: roles.organic } : {}),
  };
}

/**
 * The roles the cleaning steps work with, and so the roles a panel roll-up combines the columns by
 * (panelRule): the resolved roles, with the controls and events a fit takes from the file when none
 * were given (autoRoles; no automatic controls while no channel is known, as a fit refuses such a file
 * and a spare number may be spend under a name not recognised). The one source of roles of
 * the sum_panel step run before a fit (checkAndClean) and of the DuckDB query the PANEL_DATA hint
 * suggests (rollUpQuery), so both give the same series.
 * @param csv the panel's cells
 * @param requested the roles as asked (the target may be left out)
 * @param resolved the roles resolved from them (resolveRuleRoles)
 * @param date the date column
 * @param options imputing: impute_controls is a step, so a column with a few empty cells is an automatic control (autoRoles)
 * @example panelRollUpRoles(csv, { target: 'y' }, resolved, 'date').controls // ['price']
 */
export function panelRollUpRoles(csv: CsvTable, requested: Omit<TableRoles, 'target'>, resolved: Partial<ResolvedRoles>, date: string, options: { readonly imputing?: boolean } = {}): CleaningRoles {
  const spend = (resolved.channels ?? []).map((c) => c.column);
  const controls = resolved.controls ?? [];
  // With no channel known, a spare number may be spend under a name not recognised (x1): not a control.
  const auto = autoRoles(csv, spend.length > 0 ? requested : { ...requested, autoControls: false }, { ...resolved, date }, options);
  return {
    date, target: resolved.target, spend, controls: auto.controls ?? controls, events: auto.events ?? resolved.events ?? [],
    ...(resolved.organic !== undefined && resolved.organic.length > 0 ? { organic: resolved.organic } : {}),
  };
}

/**
 * The roles the cleaning hints of some issues are chosen by: the resolved roles, with the controls a
 * fit takes from the file when none were given (panelRollUpRoles), as soon as one issue is fixed by
 * inserting periods (insertsPeriods): their controls are empty, so the hint then names impute_controls.
 * Otherwise the resolved roles as they are (the automatic controls are not worked out for nothing).
 * @param csv the cells the issues were found in
 * @param requested the roles as asked
 * @param resolved the roles resolved from them
 * @param issues the issues to hint
 * @example hintRoles(csv, { target: 'y' }, resolved, [gap]).controls // ['price']
 */
export function hintRoles(csv: CsvTable, requested: ValidationRoles, resolved: RuleRoles, issues: readonly Issue[]): RuleRoles {
  if (resolved.date === undefined || requested.controls !== undefined || !issues.some(insertsPeriods)) return resolved;
  return { ...resolved, controls: [...panelRollUpRoles(csv, requested, resolved, resolved.date).controls] };
}
