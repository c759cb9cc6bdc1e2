import type { CsvTable } from '../read/read-csv.ts';
import { parseNumber } from '../read/parse-number.ts';

/**
 * The columns of a long geo panel file (one row per date and geo) that read like each geo's size
 * (population, households): a number above zero on every row, the same on all rows of a geo, not the
 * same for every geo. Summed over the geos, as the national table a panel is checked on is, such a
 * column is constant, which alone would hide what it is (the UNUSED_COLUMNS warning names these).
 * @param csv the long file's cells
 * @param geoColumn the geo column (fit --geo, columns.geo)
 * @returns the columns in file order ([] when the geo column is not in the file)
 * @example geoSizeColumns(csv, 'geo') // ['population']
 */
export function geoSizeColumns(csv: CsvTable, geoColumn: string): string[] {
  const g = csv.header.indexOf(geoColumn);
  if (g < 0) return [];
  return csv.header.filter((name, j) => j !== g && !ID_LIKE.test(name) && isGeoSize(csv, g, j));
}

/**
 * Names of per-geo attributes that are constant within each geo but are no size: numeric geo ids and codes
 * (a DMA code 501, a FIPS or ZIP code) and coordinates. Offering --geo-size for them would weight geos by a label.
 */
const ID_LIKE = /(^|[^a-z])(id|ids|code|codes|dma|fips|zip|zipcode|postcode|postal|plz|lat|latitude|lon|lng|longitude)([^a-z]|$)/i;

function isGeoSize(csv: CsvTable, g: number, j: number): boolean {
  const sizeOf = new Map<string, number>();
  for (const row of csv.rows) {
    const p = parseNumber(row[j] ?? '', csv.delimiter);
    if (!p.ok || !Number.isFinite(p.value) || !(p.value > 0)) return false;
    const geo = row[g] ?? '';
    const seen = sizeOf.get(geo);
    if (seen === undefined) sizeOf.set(geo, p.value);
    else if (seen !== p.value) return false;
  }
  return new Set(sizeOf.values()).size > 1;
}
