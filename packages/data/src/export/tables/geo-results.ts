import type { SummaryResult } from '@mixwise/engine';
import { exportTable, type ExportTable } from '../export-table.ts';

/**
 * `geo_results`: one row per geo and channel of a geo-level model, summary.json's `geos` (the engine's
 * geoResults): the geo's size s_g (`share`: its share of the size column named in `size_column`, or of
 * the KPI when that is NULL), the size column's value (`size`, NULL without one), its KPI, fitted KPI and R² (repeated on each of its channel
 * rows), and the channel's spend, contribution and ROI in the geo over the modeling window. The ROI of a
 * geo that spent nothing on the channel and an undefined R² are NULL (NaN in the engine). Exported only for
 * a geo-level model (summary `geos`); a national model has no such table.
 * @param summary summarizeModel's result (with geos)
 * @returns columns geo, share, kpi, fitted, r2, channel, spend, contribution, roi, size_column, size; rows in the geos' and channels' order
 * @example geoResultsTable(summary).rows[0].slice(0, 2) // ['geo_01', 0.124]
 */
export function geoResultsTable(summary: SummaryResult): ExportTable {
  return exportTable('geo_results', [
    { name: 'geo', type: 'text' },
    ...['share', 'kpi', 'fitted', 'r2'].map((name) => ({ name, type: 'real' as const })),
    { name: 'channel', type: 'text' },
    ...['spend', 'contribution', 'roi'].map((name) => ({ name, type: 'real' as const })),
    { name: 'size_column', type: 'text' },
    { name: 'size', type: 'real' },
  ], (summary.geos ?? []).flatMap((g) => g.channels.map((c) => [g.name, g.share, g.kpi, g.fitted, g.r2, c.name, c.spend, c.contribution, c.roi,
    g.size_column ?? null, g.size ?? null])));
}
