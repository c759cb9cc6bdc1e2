/**
 * How texts name what each geo's size s_g is (model.panel.sizeBasis): its share of the KPI (no size
 * column, or 'kpi_share'), or its share of the size column (population…) the fit was given.
 */

/** The size column's name, or undefined for the KPI shares ('kpi_share', absent). */
export function sizeColumnOf(sizeBasis: string | undefined): string | undefined {
  return sizeBasis === undefined || sizeBasis === 'kpi_share' ? undefined : sizeBasis;
}

/**
 * The split's short name: 'KPI share', or '<column> share' with a size column.
 * @example geoShareName('population') // 'population share'
 */
export function geoShareName(sizeBasis: string | undefined): string {
  const column = sizeColumnOf(sizeBasis);
  return column === undefined ? 'KPI share' : `${column} share`;
}

/**
 * What each geo's share is of: 'the KPI', or '"<column>" (the size column)'.
 * @example geoShareOf(undefined) // 'the KPI'
 */
export function geoShareOf(sizeBasis: string | undefined): string {
  const column = sizeColumnOf(sizeBasis);
  return column === undefined ? 'the KPI' : `${column} (the geos' size column)`;
}
