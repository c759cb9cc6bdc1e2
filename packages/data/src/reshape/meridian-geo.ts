import { openDatamart, queryModel, runModel } from '../datamart/datamart.ts';
import type { PlainTable } from './wide-to-long.ts';

/** One row of a Meridian geo file in long form. */
export interface GeoMediaRow {
  geo: string;
  date: string;
  channel: string;
  spend: number;
  impressions: number;
}

/** A Meridian geo file read into the datamart. */
export interface MeridianGeoResult {
  /** geo × week × channel, sorted by geo, date, channel. */
  long: GeoMediaRow[];
  /** National roll-up: date, conversions, population, then `<Channel>_spend`, `<Channel>_impressions` per channel. */
  national: PlainTable;
  /** Geos in sorted order. */
  geos: string[];
}

/**
 * Reads Google Meridian's geo layout (columns geo, time, `<Channel>_impression`, `<Channel>_spend`,
 * `*_control`, population, conversions; see google/meridian `meridian/data/simulated_data`) into a
 * geo-level long media table and rolls it up to national (Σ over geos per week) with DuckDB.
 * @param path the geo CSV file
 * @param database optional `.duckdb` file to keep the tables in (default in memory)
 * @returns the long table and the national wide table
 * @throws the DuckDB error when the file cannot be read or lacks geo/time/conversions/population
 * @example (await readMeridianGeo('geo_media.csv')).national.columns.slice(0, 4) // ['date', 'conversions', 'population', 'Channel0_spend']
 */
export async function readMeridianGeo(path: string, database?: string): Promise<MeridianGeoResult> {
  const dm = await openDatamart(database);
  try {
    for (const m of ['stg_meridian_geo', 'int_meridian_geo_long', 'mart_meridian_national']) await runModel(dm, m, { path });
    const long = (await queryModel(dm, 'mart_meridian_select')).map((r) => ({
      geo: String(r.geo), date: String(r.date), channel: String(r.channel), spend: Number(r.spend), impressions: Number(r.impressions),
    }));
    const records = await queryModel(dm, 'mart_meridian_national_select');
    const channels = [...new Set(long.map((r) => r.channel))].sort();
    const columns = ['date', 'conversions', 'population', ...channels.flatMap((c) => [`${c}_spend`, `${c}_impressions`])];
    const rows = records.map((r) => columns.map((c) => (c === 'date' ? String(r[c]) : Number(r[c]))));
    return { long, national: { columns, rows }, geos: [...new Set(long.map((r) => r.geo))].sort() };
  } finally {
    dm.close();
  }
}
