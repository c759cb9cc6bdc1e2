import type { PlainTable } from '../reshape/wide-to-long.ts';
import type { B2bMartRow } from './b2b-datamart.ts';

/**
 * The national weekly modeling table of a B2B datamart: date (week start), pipeline, revenue, then
 * `<channel>_spend`, `<channel>_impressions`, `<channel>_clicks` per channel (alphabetical). Money is
 * converted from integer cents to currency units (cents / 100); a week with no opportunity or
 * booking gets 0.
 * @param rows the rows of buildB2bDatamart
 * @returns the wide table, one row per week in date order
 * @example b2bWideTable(await buildB2bDatamart(b2bSourcesIn('examples/b2b'))).columns.slice(0, 4) // ['date', 'pipeline', 'revenue', 'display_spend']
 */
export function b2bWideTable(rows: readonly B2bMartRow[]): PlainTable {
  const national = rows.filter((r) => r.level === 'national');
  const weeks = [...new Set(national.filter((r) => r.kind === 'spend').map((r) => r.week))].sort();
  const channels = [...new Set(national.filter((r) => r.kind === 'spend').map((r) => r.name))].sort();
  const byKey = new Map(national.map((r) => [`${r.kind}|${r.week}|${r.name}`, r]));
  const columns = ['date', 'pipeline', 'revenue', ...channels.flatMap((c) => [`${c}_spend`, `${c}_impressions`, `${c}_clicks`])];
  const out = weeks.map((week) => [
    week,
    (byKey.get(`pipeline|${week}|`)?.cents ?? 0) / 100,
    (byKey.get(`revenue|${week}|`)?.cents ?? 0) / 100,
    ...channels.flatMap((c) => {
      const r = byKey.get(`spend|${week}|${c}`);
      return [(r?.cents ?? 0) / 100, r?.impressions ?? 0, r?.clicks ?? 0];
    }),
  ]);
  return { columns, rows: out };
}
