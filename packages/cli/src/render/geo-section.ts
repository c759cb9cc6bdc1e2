import { geoShareName, geosNote, type GeoResult } from '@mixwise/engine';
import { renderTable, type TableColumn } from './table.ts';
import { wrap } from '../commands/optimize-report.ts';
import { escapeControls } from './terminal-text.ts';

/** Geos listed in full up to this many; beyond, the largest and smallest GEO_ENDS by size. */
const MAX_LISTED = 12;
const GEO_ENDS = 5;

/**
 * The per-geo section of the fit report: a table of geos (size s_g, R², each channel's ROI), all of
 * them when few, else the largest and smallest by size with a line saying where the full list is, and
 * under it what s_g is (the share of the KPI, or of the size column: sizeNote) and what the figures can
 * say (engine geosNote: pooled curves, fitted totals that reconcile).
 * @param geos summary.json `geos`
 * @param options column: the panel's geo column; file: where the full list is (geo-results.csv); note:
 *   summary.json `geos_note` (it names channels modelled on exposure), default geosNote of the size column
 * @example renderGeoSection(geos, { column: 'region', file: 'out/geo-results.csv' }).split('\n')[0] // 'By region (6 geos; full figures in out/geo-results.csv):'
 */
export function renderGeoSection(geos: readonly GeoResult[], options: { column: string; file: string; note?: string }): string {
  const bySize = [...geos].sort((a, b) => b.share - a.share);
  const cut = bySize.length > MAX_LISTED;
  const channels = geos[0]?.channels.map((c) => c.name) ?? [];
  const sizeColumn = geos[0]?.size_column;
  const shareHeader = geoShareName(sizeColumn);
  const columns: TableColumn<GeoResult | undefined>[] = [
    { header: options.column, value: (g) => (g === undefined ? '…' : g.name) },
    { header: escapeControls(shareHeader), value: (g) => g?.share, format: 'share' },
    { header: 'R²', value: (g) => (g === undefined ? undefined : Number.isFinite(g.r2) ? g.r2 : null), format: 'decimal' },
    ...channels.map((name, c): TableColumn<GeoResult | undefined> => ({ header: `${name} ROI`, value: (g) => g?.channels[c]?.roi, format: 'roi' })),
  ];
  const rows = cut ? [...bySize.slice(0, GEO_ENDS), undefined, ...bySize.slice(-GEO_ENDS)] : bySize;
  const table = renderTable(columns, rows).replace(/^(…)\s+[–\s]*$/m, '$1');
  const shown = cut ? `${geos.length} geos, the ${GEO_ENDS} largest and ${GEO_ENDS} smallest by ${escapeControls(shareHeader)} shown` : `${geos.length} geos`;
  return `By ${escapeControls(options.column)} (${shown}; full figures in ${escapeControls(options.file)}):\n${table.trimEnd()}\n${wrap(`${sizeNote(sizeColumn)} ${escapeControls(options.note ?? geosNote(sizeColumn))}`, 100)}\n`;
}

/**
 * What a geo's size s_g is in a fit: its share of the KPI (no size column), or of the size column.
 * @example sizeNote('population') // "Each geo's size s_g is its share of population (the size column): it scales the geo's KPI and spend to national units and weights its rows."
 */
export function sizeNote(sizeColumn: string | undefined): string {
  return sizeColumn === undefined
    ? "Each geo's size s_g is its share of the KPI (no size column given: --geo-size or columns.geo_size names one, e.g. population): it scales the geo's KPI and spend to national units and weights its rows."
    : `Each geo's size s_g is its share of ${escapeControls(sizeColumn)} (the size column): it scales the geo's KPI and spend to national units and weights its rows.`;
}
