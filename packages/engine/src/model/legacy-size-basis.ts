/**
 * model.json files written before `panel.sizeColumn` recorded the geos' size basis as
 * `panel.sizeBasis`: 'kpi_share' (a sentinel for the KPI shares) or the size column's name. That
 * sentinel made a size column literally named kpi_share read as the KPI shares; the field is now
 * `sizeColumn`, absent for the KPI shares.
 */

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * The parsed model.json with an older `panel.sizeBasis` read as `panel.sizeColumn`: 'kpi_share' without
 * sizes → absent, any other value (or 'kpi_share' with sizes: a column of that name) → sizeColumn (checked as such afterwards). A file with `sizeColumn` (or no
 * panel, or neither field) is returned as is; `sizeBasis` never survives.
 * @example withSizeColumn({ panel: { sizeBasis: 'population', sizes: [1, 2] } }).panel // { sizes: [1, 2], sizeColumn: 'population' }
 * @example withSizeColumn({ panel: { sizeBasis: 'kpi_share' } }).panel // {}
 */
export function withSizeColumn(json: Record<string, unknown>): Record<string, unknown> {
  const panel = json.panel;
  if (!isRecord(panel) || !('sizeBasis' in panel)) return json;
  const { sizeBasis, ...rest } = panel;
  // 'kpi_share' with sizes can only be a real column of that name: the KPI shares store no sizes.
  const kpiShares = sizeBasis === 'kpi_share' && !Array.isArray(rest.sizes);
  const column = rest.sizeColumn !== undefined || sizeBasis === undefined || kpiShares ? {} : { sizeColumn: sizeBasis };
  return { ...json, panel: { ...rest, ...column } };
}
