// The files a geo-level fit writes beside the run (`mixwise fit --geo` and the server's fit worker):
// geo.json, the panel's KPI and spend by geo, and geo-results.csv, the model's per-geo results.
import { join } from 'node:path';
import type { GeoResult, ModelingTable } from '@mixwise/engine';
import type { GeoBreakdown } from '../datamart/geo-breakdown.ts';
import { writeCsvAtomic } from '../write/write-csv.ts';
import { writeJsonAtomic } from '../write/atomic-write.ts';

/** The KPI by geography beside a run (the report and the dashboard map it). */
export const GEO_FILE = 'geo.json';

/**
 * The panel's KPI and spend by geo over the modeling window, as the geo.json the report and the
 * dashboard map (GeoBreakdown, level 'geo': named areas, not shapes): data as recorded; the model's
 * per-geo numbers are in summary.json `geos` and geo-results.csv.
 * @param table a panel table (table.panel set)
 * @param window the modeling window's rows [start, end)
 * @example panelGeoBreakdown(table, { start: 0, end: 104 }).rows[0] // { geo: 'north', kpi: 104000, spend: 52000 }
 */
export function panelGeoBreakdown(table: ModelingTable, window: { start: number; end: number }): GeoBreakdown {
  const panel = table.panel;
  if (panel === undefined) throw new Error('panelGeoBreakdown: the table has no panel');
  const total = (v: Float64Array): number => {
    let s = 0;
    for (let t = window.start; t < window.end; t++) s += v[t];
    return s;
  };
  return {
    level: 'geo',
    kpi: table.target.name,
    window: { start: table.dates[window.start], end: table.dates[window.end - 1] },
    rows: panel.geos.map((geo, g) => ({ geo, kpi: total(panel.target[g]), spend: panel.spend.reduce((s, ch) => s + total(ch[g]), 0) })),
  };
}

/** Writes OUT/geo.json (atomically) from a panel table; see panelGeoBreakdown. */
export async function writePanelGeo(table: ModelingTable, outDir: string, window: { start: number; end: number }): Promise<{ file: string; geo: GeoBreakdown }> {
  const file = join(outDir, GEO_FILE);
  const geo = panelGeoBreakdown(table, window);
  await writeJsonAtomic(file, geo);
  return { file, geo };
}

/** The per-geo results table written beside decomposition.csv by a geo-level fit. */
export const GEO_RESULTS_FILE = 'geo-results.csv';

/**
 * Writes OUT/geo-results.csv atomically: one row per geo and channel with the geo's size and fit
 * repeated on each of its rows (geo, share, kpi, fitted, r2, channel, spend, contribution, roi, then
 * size_column: the size column `share` is a share of, empty when it is the share of the KPI, and size:
 * the geo's value of that column, empty without one); a
 * geo without channels gets one row with the channel cells empty. A non-finite R² or ROI (a constant
 * KPI, a geo that spent nothing) is an empty cell.
 * @param outDir the output folder (exists)
 * @param geos the per-geo results
 * @returns the file written
 * @example await writeGeoResults('/tmp/run', summary.geos ?? []) // '/tmp/run/geo-results.csv'
 */
export async function writeGeoResults(outDir: string, geos: readonly GeoResult[]): Promise<string> {
  const file = join(outDir, GEO_RESULTS_FILE);
  const finite = (v: number): number | null => (Number.isFinite(v) ? v : null);
  const rows = geos.flatMap((g) => {
    const head = [g.name, g.share, g.kpi, g.fitted, finite(g.r2)];
    const basis = [g.size_column ?? null, g.size ?? null];
    return g.channels.length === 0 ? [[...head, null, null, null, null, ...basis]] : g.channels.map((c) => [...head, c.name, c.spend, c.contribution, finite(c.roi), ...basis]);
  });
  await writeCsvAtomic(file, ['geo', 'share', 'kpi', 'fitted', 'r2', 'channel', 'spend', 'contribution', 'roi', 'size_column', 'size'], rows);
  return file;
}
