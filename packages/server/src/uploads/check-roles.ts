import type { Issue, Roles, RoleMappingResponse } from '@mixwise/contracts';
import type { ModelingTable } from '@mixwise/engine';
import type { TableRoles } from '@mixwise/data';
import { DataError, checkAndClean, readOutcome, tableFromCsv } from '@mixwise/data';
import { plainIssue } from './inspect-csv.ts';

/** The roles of a fit as @mixwise/data takes them (explicit: no automatic events or controls; the column table shows the suggestions). */
export function tableRoles(roles: Roles): TableRoles {
  return { target: roles.target, date: roles.date, channels: roles.channels, controls: roles.controls, events: roles.events, autoEvents: false, autoControls: false };
}

/** The outcome of checking roles: the modeling table when usable, and every issue. */
export interface RolesCheck {
  readonly response: RoleMappingResponse;
  readonly table?: ModelingTable;
}

/**
 * Checks column roles against an uploaded file the way `mixwise fit` does before fitting: every
 * validation rule on these roles (checkAndClean; its only cleaning step is sum_panel, when a column
 * has the panel role), then tableFromCsv.
 * @param csvPath the upload's data.csv
 * @param fileName the name shown in issues
 * @param roles the chosen roles
 * @returns ok, issues and a table summary (plus the table itself, for a fit)
 * @example checkRoles('/data/u/data.csv', 'd.csv', roles).response.ok // true
 */
export function checkRoles(csvPath: string, fileName: string, roles: Roles): RolesCheck {
  const r = tableRoles(roles);
  try {
    const steps = roles.panel === undefined ? [] : [{ type: 'sum-panel' as const, column: roles.panel }];
    const checked = checkAndClean(readOutcome(csvPath, { name: fileName }), r, { steps, hints: 'none' });
    const built = tableFromCsv(checked.csv, r);
    const t = built.table;
    const issues = merge(built.warnings.map(plainIssue), checked.validation.issues.map(plainIssue));
    return {
      table: t,
      response: {
        ok: true, issues,
        table: { periods: t.dates.length, frequency: t.frequency, firstDate: t.dates[0], lastDate: t.dates[t.dates.length - 1], channels: t.channels.map((c) => c.name) },
      },
    };
  } catch (err) {
    if (!(err instanceof DataError)) throw err;
    return { response: { ok: false, issues: err.issues.map((i) => plainIssue(i.code === 'PANEL_DATA' ? { ...i, hint: PANEL_HINT(i.at.column ?? 'geo') } : i)), table: null } };
  }
}

/** The fix for a panel in the dashboard: a role, not the command line's query or flag. */
const PANEL_HINT = (column: string): string => `set the role of "${column}" to Panel: the rows of each date are then added up into one (spend and the KPI summed, controls averaged, events by their largest value)`;

function merge(first: Issue[], more: Issue[]): Issue[] {
  const key = (i: Issue): string => `${i.code}|${i.at.row ?? ''}|${i.at.column ?? ''}`;
  const seen = new Set(first.map(key));
  return [...first, ...more.filter((i) => !seen.has(key(i)))];
}
