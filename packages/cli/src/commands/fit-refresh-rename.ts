import { InvalidArgumentError } from 'commander';
import type { TableRoles } from '@mixwise/data';
import { UsageError } from '../usage-error.ts';
import type { RefreshSource } from './fit-refresh.ts';

/** `--rename OLD=NEW` entries: a column of the previous run → its name in the new data. */
export type Renames = Readonly<Record<string, string>>;

/**
 * commander's reducer of the repeatable `--rename OLD=NEW` (comma-separated pairs also accepted).
 * @throws InvalidArgumentError for an entry that is not OLD=NEW, or an OLD renamed twice
 * @example parseRename('tv_spend=linear_tv_spend', {}) // { tv_spend: 'linear_tv_spend' }
 */
export function parseRename(value: string, previous: Renames | undefined): Renames {
  const out: Record<string, string> = { ...previous };
  for (const entry of value.split(',').map((e) => e.trim()).filter((e) => e !== '')) {
    const m = /^([^=]+)=([^=]+)$/.exec(entry);
    if (m === null) throw new InvalidArgumentError(`"${entry}" should look like OLD_COLUMN=NEW_COLUMN (the previous run's column, then its name in the new data).`);
    const [from, to] = [m[1].trim(), m[2].trim()];
    if (out[from] !== undefined && out[from] !== to) throw new InvalidArgumentError(`${from} is renamed twice (to ${out[from]} and ${to}).`);
    out[from] = to;
  }
  return out;
}

/**
 * The previous run's roles with renamed columns under their new names (control signs follow their
 * control). An OLD may also be a channel's exposure column (refreshExposurePins renames it). Refuses an
 * OLD that is no column of the previous run (fit.ts refuses --rename without --refresh).
 * @throws UsageError (exit 2)
 */
export function renamedRoles(roles: TableRoles, renames: Renames | undefined, source: RefreshSource): TableRoles {
  if (renames === undefined || Object.keys(renames).length === 0) return roles;
  const exposure = source.run.model.channels.flatMap((c) => (c.media === undefined ? [] : [c.media.column]));
  const had = [...(roles.channels ?? []), ...exposure, ...(roles.controls ?? []), ...(roles.events ?? []), ...(roles.organic ?? [])];
  const unknown = Object.keys(renames).filter((c) => !had.includes(c));
  if (unknown.length > 0) {
    throw new UsageError(`--rename ${unknown.join(', ')}: not a column of the previous run ${source.shown} (its columns: ${had.join(', ')}); give OLD as the previous run's column`, 'fit');
  }
  const to = (c: string): string => renames[c] ?? c;
  const list = (l: readonly string[] | undefined): string[] | undefined => l?.map(to);
  return {
    ...roles,
    ...(roles.channels === undefined ? {} : { channels: list(roles.channels) }),
    ...(roles.controls === undefined ? {} : { controls: list(roles.controls) }),
    ...(roles.events === undefined ? {} : { events: list(roles.events) }),
    ...(roles.organic === undefined ? {} : { organic: list(roles.organic) }),
    ...(roles.controlSigns === undefined ? {} : { controlSigns: Object.fromEntries(Object.entries(roles.controlSigns).map(([c, s]) => [to(c), s])) }),
  };
}

/** The previous run's column a column of the new data was renamed from (itself when not renamed). */
export function previousColumn(column: string, renames: Renames | undefined): string {
  return Object.entries(renames ?? {}).find(([, to]) => to === column)?.[0] ?? column;
}
