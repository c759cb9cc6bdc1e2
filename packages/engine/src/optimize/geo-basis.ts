/**
 * How texts name what each geo's size s_g is (model.panel.sizeColumn): its share of the KPI (no size
 * column: the field is absent), or its share of the size column (population…) the fit was given.
 */

/**
 * The split's short name: 'KPI share', or '<column> share' with a size column.
 * @example geoShareName('population') // 'population share'
 * @example geoShareName(undefined) // 'KPI share'
 */
export function geoShareName(sizeColumn: string | undefined): string {
  return sizeColumn === undefined ? 'KPI share' : `${sizeColumn} share`;
}

/**
 * What each geo's share is of: 'the KPI', or '<column> (the geos' size column)'.
 * @example geoShareOf(undefined) // 'the KPI'
 */
export function geoShareOf(sizeColumn: string | undefined): string {
  return sizeColumn === undefined ? 'the KPI' : `${sizeColumn} (the geos' size column)`;
}
