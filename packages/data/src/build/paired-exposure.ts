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
 * @example pairedExposure(csv, channels, used, issues).map((c) => c.exposureColumn) // ['Channel0_impression', undefined]
 */
export function pairedExposure(csv: CsvTable, channels: readonly ChannelColumn[], used: ReadonlySet<string>, issues: IssueCollector, chosen: string[] = []): ChannelColumn[] {
  const taken = new Set(used);
  return channels.map((c) => {
    const column = exposureColumns(csv.header, c.name, c.column).find((h) => !taken.has(h));
    if (column === undefined) return c;
    taken.add(column);
    chosen.push(column);
    const exposure = readNumericColumn(csv, column, 'exposure', issues);
    return exposure === undefined ? c : { ...c, exposure, exposureColumn: column };
  });
}
