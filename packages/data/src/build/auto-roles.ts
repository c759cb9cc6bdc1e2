import type { CsvTable } from '../read/read-csv.ts';
import type { ResolvedRoles, TableRoles } from './resolve-roles.ts';
import type { LeftOutColumn } from '../detect/candidate-controls.ts';
import { candidateControls, imputableControls } from '../detect/candidate-controls.ts';
import { isDummyColumn, unusedNumericColumns } from './unused-numeric-columns.ts';

/** Roles taken from the file because the user left them out. */
export interface AutoRoles {
  /** Events: set when `roles.events` was left out and automatic events are on. */
  readonly events?: string[];
  /** Controls: set when `roles.controls` was left out and automatic controls are on. */
  readonly controls?: string[];
  /** Spare numeric columns that were not made controls, with the reason (empty without automatic controls). */
  readonly leftOut: LeftOutColumn[];
}

/** Whether the controls come from the file: none were given and automatic controls are not off. */
export function automaticControls(roles: Pick<TableRoles, 'controls' | 'autoControls'>): boolean {
  return roles.controls === undefined && roles.autoControls !== false;
}

/**
 * The roles a fit takes from the file when the user does not name them: every spare column holding
 * only 0 and 1 in every row is an event (unless `autoEvents` is false), and every spare numeric column
 * that candidateControls accepts is a control (unless `autoControls` is false), as is every spare
 * column given a sign. Other 0/1 columns are never automatic controls, even with automatic events off.
 * With `imputing` (impute_controls is among the cleaning steps), a column left out only for a few
 * empty cells (imputableControls) is a control too: the step interpolates them, as it does a named control's.
 * @param csv the file as read
 * @param roles what the user asked for
 * @param resolved the roles resolved so far (date, target, channels, and the controls and events given)
 * @param options imputing: impute_controls will fill the controls' empty cells
 * @returns the automatic events and controls, and the columns left out of the controls
 * @example autoRoles(csv, { target: 'revenue' }, resolved) // { events: ['promo'], controls: ['price'], leftOut: [{ column: 'orders', reason: 'kpi' }] }
 */
export function autoRoles(csv: CsvTable, roles: Omit<TableRoles, 'target'>, resolved: Partial<ResolvedRoles>, options: { readonly imputing?: boolean } = {}): AutoRoles {
  const spend = (resolved.channels ?? []).map((c) => c.column);
  const taken = new Set<string>([
    ...[resolved.date, resolved.target].filter((c): c is string => c !== undefined),
    ...spend, ...(resolved.controls ?? []), ...(resolved.events ?? []), ...(resolved.organic ?? []), ...(roles.reserved ?? []),
  ]);
  const spare = unusedNumericColumns(csv, taken);
  const automatic = automaticControls(roles);
  // A column the user gave a sign is a control when the controls are automatic.
  const signed = new Set(automatic ? Object.keys(roles.controlSigns ?? {}) : []);
  const dummies = new Set(spare.filter((name) => !signed.has(name) && isDummyColumn(csv, name, { complete: true })));
  const events = roles.events === undefined && roles.autoEvents !== false ? spare.filter((name) => dummies.has(name)) : undefined;
  if (!automatic) return { ...(events === undefined ? {} : { events }), leftOut: [] };
  const picked = candidateControls(csv, spare.filter((name) => !dummies.has(name) && !signed.has(name)), { target: resolved.target, spend });
  const imputed = options.imputing === true ? imputableControls(picked.leftOut) : [];
  const controls = spare.filter((name) => signed.has(name) || picked.controls.includes(name) || imputed.includes(name));
  const leftOut = picked.leftOut.filter((l) => !imputed.includes(l.column));
  return { ...(events === undefined ? {} : { events }), controls, leftOut };
}
