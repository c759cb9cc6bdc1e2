import { join } from 'node:path';
import type { GeoResult } from '@mixwise/engine';
import { writeCsvAtomic } from '@mixwise/data';

/** The per-geo results table written beside decomposition.csv by a geo-level fit. */
export const GEO_RESULTS_FILE = 'geo-results.csv';

/**
 * Writes OUT/geo-results.csv atomically: one row per geo and channel with the geo's size and fit
 * repeated on each of its rows (geo, share, kpi, fitted, r2, channel, spend, contribution, roi); a
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
    return g.channels.length === 0 ? [[...head, null, null, null, null]] : g.channels.map((c) => [...head, c.name, c.spend, c.contribution, finite(c.roi)]);
  });
  await writeCsvAtomic(file, ['geo', 'share', 'kpi', 'fitted', 'r2', 'channel', 'spend', 'contribution', 'roi'], rows);
  return file;
}
