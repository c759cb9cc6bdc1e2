import type { ResolvedRoles } from '../build/resolve-roles.ts';
import type { CleaningRoles } from './change.ts';

/**
 * The cleaning roles of resolved table roles.
 * @param roles roles as tableFromCsv reports them
 * @example cleaningRoles({ target: 'y', date: 'date', channels: [{ name: 'tv', column: 'tv_spend' }], controls: [], events: [] })
 * // { date: 'date', target: 'y', spend: ['tv_spend'], controls: [], events: [] }
 */
export function cleaningRoles(roles: ResolvedRoles): CleaningRoles {
  return { date: roles.date, target: roles.target, spend: roles.channels.map((c) => c.column), controls: roles.controls, events: roles.events };
}
