import type { ChannelColumn } from '@mixwise/engine';
import type { CsvTable } from '../read/read-csv.ts';
import type { IssueCollector } from '../issue-collector.ts';
import { exposureColumns } from '../detect/exposure-columns.ts';
import { readNumericColumn } from './read-numeric-column.ts';

/**
 * The channels with an exposure series each where the file has a column named for it, found as
 * `mixwise init` finds them (exposureColumns: `<name>_impressions`, `<name>_impression`, `<name>_clicks`,
 * Robyn's `<name>_I`…; the first of several), for `fit --media exposure` without a config. A column
 * already used for another role is not taken; a channel with none stays without exposure (on spend).
 * Cells are read like spend (numbers ≥ 0), problems added to `issues`.
 * @param used columns already given a role (date, KPI, spend, controls, events, organic)
 * @param chosen receives every column paired, also one whose cells cannot be read (it is used, not unused)
 * @param pins spend column → the exposure column to pair it with, tried before the names (a refresh pairs the previous run's columns, renamed ones too)
 * @example pairedExposure(csv, channels, used, issues).map((c) => c.exposureColumn) // ['Channel0_impression', undefined]
 */
export function pairedExposure(csv: CsvTable, channels: readonly ChannelColumn[], used: ReadonlySet<string>, issues: IssueCollector, chosen: string[] = [],
  pins: Readonly<Record<string, string>> = {}): ChannelColumn[] {
  const taken = new Set(used);
  return channels.map((c) => {
    const column = pairCandidates(csv.header, c, pins).find((h) => !taken.has(h));
    if (column === undefined) return c;
    taken.add(column);
    chosen.push(column);
    const exposure = readNumericColumn(csv, column, 'exposure', issues);
    return exposure === undefined ? c : { ...c, exposure, exposureColumn: column };
  });
}

/**
 * The exposure columns a channel may be paired with, best first: its pinned column (when the file has
 * it), then those named for it (exposureColumns).
 * @example pairCandidates(['tv_spend', 'tv_imps'], { name: 'tv', column: 'tv_spend' }, { tv_spend: 'tv_imps' }) // ['tv_imps']
 */
export function pairCandidates(header: readonly string[], c: Pick<ChannelColumn, 'name' | 'column'>, pins: Readonly<Record<string, string>> = {}): string[] {
  const pin = pins[c.column];
  return [...(pin !== undefined && header.includes(pin) ? [pin] : []), ...exposureColumns(header, c.name, c.column)];
}
