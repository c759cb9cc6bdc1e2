import type { ColumnRole, RolesInput } from '@mixwise/contracts';

/** A column and the role the user picked for it. */
export interface ColumnChoice {
  readonly name: string;
  readonly role: ColumnRole;
}

/** What the role picker shows for a role: its name, but for organic media and a geo's size, which say what sets them apart. */
export function roleLabel(role: ColumnRole): string {
  if (role === 'organic') return 'Organic media (no spend)';
  if (role === 'geo_size') return 'Geo size (population)';
  return role;
}

/**
 * Turn per-column role choices into the API's Roles, or explain what is missing: exactly one date
 * and one target column, at least one channel, and at most one panel column. Organic media (exposure
 * without spend) are passed on only when some column has that role. A geo size column (population…)
 * goes with the geo-level model only: a Panel column and "Model each geo" (`panelMode` 'geo').
 * @param choices one per column, in file order
 * @param panelMode what the fit does with the Panel column (default 'sum', add the geos up)
 * @returns roles when usable, and the problems in plain language (empty when none)
 * @example rolesFromChoices([{ name: 'date', role: 'date' }, { name: 'sales', role: 'target' }, { name: 'tv_spend', role: 'channel' }]).roles // { date: 'date', target: 'sales', channels: ['tv_spend'], controls: [], events: [] }
 */
export function rolesFromChoices(choices: readonly ColumnChoice[], panelMode: 'sum' | 'geo' = 'sum'): { roles: RolesInput | null; problems: string[] } {
  const of = (role: ColumnRole) => choices.filter((c) => c.role === role).map((c) => c.name);
  const dates = of('date'), targets = of('target'), channels = of('channel'), panels = of('panel'), sizes = of('geo_size');
  const problems: string[] = [];
  if (dates.length !== 1) problems.push(dates.length === 0 ? 'Pick the date column.' : `Only one date column, please (now: ${dates.join(', ')}).`);
  if (targets.length !== 1) problems.push(targets.length === 0 ? 'Pick the KPI (target) column.' : `Only one target column, please (now: ${targets.join(', ')}).`);
  if (channels.length === 0) problems.push('Mark at least one spend column as a channel.');
  if (panels.length > 1) problems.push(`Only one panel column (geo, product…), please (now: ${panels.join(', ')}).`);
  if (sizes.length > 1) problems.push(`Only one geo size column, please (now: ${sizes.join(', ')}).`);
  else if (sizes.length === 1 && (panels.length === 0 || panelMode !== 'geo')) {
    problems.push(`The geo size column ${sizes[0]} sizes the geos of the geo-level model: give the geo column the Panel role and choose "Model each geo", or set ${sizes[0]} to Ignore.`);
  }
  if (problems.length > 0) return { roles: null, problems };
  const organic = of('organic');
  const roles: RolesInput = { date: dates[0], target: targets[0], channels, controls: of('control'), events: of('event'), ...(organic.length > 0 ? { organic } : {}) };
  return { roles: panels.length === 1 ? { ...roles, panel: panels[0], ...(sizes.length === 1 ? { geoSize: sizes[0] } : {}) } : roles, problems };
}
