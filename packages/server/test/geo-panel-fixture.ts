// A small long-format geo panel (date, region, revenue, <channel>_spend) from the engine's geo simulator,
// for the server's and the dashboard's geo-level tests: few geos and weeks, so a fit takes seconds.
import { writeFile } from 'node:fs/promises';
import { simulateGeoPanel } from '@mixwise/engine';

/**
 * Writes the panel to `path`: one row per date and geo, the geo column named `region`.
 * @param options geos, weeks, seed (defaults 3, 60, 1)
 * @returns the header and data lines written
 */
export async function writeGeoPanelCsv(path: string, options: { geos?: number; weeks?: number; seed?: number } = {}): Promise<{ header: string[]; lines: string[] }> {
  const { table } = simulateGeoPanel({ seed: options.seed ?? 1, nGeos: options.geos ?? 3, weeks: options.weeks ?? 60 });
  const panel = table.panel;
  if (panel === undefined) throw new Error('simulateGeoPanel gave no panel');
  const header = ['date', 'region', 'revenue', ...table.channels.map((c) => `${c.name}_spend`)];
  const lines = table.dates.flatMap((date, t) => panel.geos.map((geo, g) => [date, geo, panel.target[g][t].toFixed(2), ...panel.spend.map((s) => s[g][t].toFixed(2))].join(',')));
  await writeFile(path, [header.join(','), ...lines].join('\n') + '\n');
  return { header, lines };
}
