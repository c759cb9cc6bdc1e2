import { basename } from 'node:path';
import { naturalCompare } from '@mixwise/engine';
import { openDatamart, queryModel, runModel, tableColumns, type Datamart } from '../datamart/datamart.ts';
import { sqlIssues, type SqlCellIssue } from '../datamart/sql-issues.ts';
import { DataError } from '../issue.ts';
import type { Issue } from '../issue.ts';
import type { PlainTable } from './wide-to-long.ts';
import { stageMeridianExtras } from './meridian-extras.ts';

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
  /** geo × week × channel, sorted by geo (natural order: Geo2 before Geo10), date, channel. */
  long: GeoMediaRow[];
  /**
   * National roll-up: date, conversions, population, revenue (Σ conversions × revenue_per_conversion,
   * only when the file has that column), `<Channel>_spend` and `<Channel>_impressions` per channel,
   * then each `*_control` column as the population-weighted mean over geos, then organic media
   * impressions (summed) and non-media treatments such as Promo (weighted mean): see stageMeridianExtras.
   */
  national: PlainTable;
  /** Geos in natural order (Geo2 before Geo10: naturalCompare). */
  geos: string[];
  /** Warnings: each column of the file left out of the national table, and why (SOURCE_COLUMN_LEFT_OUT). */
  issues: Issue[];
}

/** Columns a Meridian geo file must have. */
const REQUIRED = ['geo', 'time', 'conversions', 'population'];

/**
 * Reads Google Meridian's geo layout (columns geo, time, `<Channel>_impression`, `<Channel>_spend`,
 * `*_control`, population, conversions [, revenue_per_conversion]; see google/meridian
 * `meridian/data/simulated_data`) into a geo-level long media table and rolls it up to national with
 * DuckDB: sums over geos per week for the KPI, spend and impressions; the population-weighted mean for
 * controls (which reproduces Meridian's national_media.csv from geo_media.csv). Every cell is checked
 * first (as text), so a bad file is reported by line and column, not by a DuckDB cast error.
 * @param path the geo CSV file
 * @param database optional `.duckdb` file to keep the tables in (default in memory)
 * @returns the long table and the national wide table
 * @throws DataError MISSING_COLUMN / NO_SPEND_COLUMNS for a file without the layout's columns, or the
 *   located cell issues (EMPTY_CELL, NOT_A_NUMBER, NON_FINITE, NEGATIVE_SPEND, INVALID_DATE, DUPLICATE_DATE)
 * @example (await readMeridianGeo('geo_media.csv')).national.columns.slice(0, 4) // ['date', 'conversions', 'population', 'revenue']
 */
export async function readMeridianGeo(path: string, database?: string): Promise<MeridianGeoResult> {
  const dm = await openDatamart(database);
  try {
    const { header, hasRevenue } = await stageMeridianGeo(dm, path);
    await runModel(dm, 'mart_meridian_national');
    // DuckDB sorts geos as text (Geo0, Geo1, Geo10…); a stable re-sort puts them in natural order, date and channel kept within each.
    const long = (await queryModel(dm, 'mart_meridian_select')).map((r) => ({
      geo: String(r.geo), date: String(r.date), channel: String(r.channel), spend: Number(r.spend), impressions: Number(r.impressions),
    })).sort((a, b) => naturalCompare(a.geo, b.geo));
    const records = await queryModel(dm, 'mart_meridian_national_select');
    const controls = header.filter((c) => c.endsWith('_control'));
    const controlValue = new Map<string, number>();
    if (controls.length > 0) {
      await runModel(dm, 'int_meridian_geo_controls');
      for (const r of await queryModel(dm, 'mart_meridian_controls_select')) controlValue.set(`${String(r.date)}|${String(r.control)}`, Number(r.value));
    }
    const channels = [...new Set(long.map((r) => r.channel))].sort();
    // Organic media and non-media treatments are kept; reach/frequency and unreadable columns are listed.
    const extras = await stageMeridianExtras(dm, header, basename(path));
    const extraNames = new Set(extras.kept.map((k) => k.name));
    const columns = ['date', 'conversions', 'population', ...(hasRevenue ? ['revenue'] : []), ...channels.flatMap((c) => [`${c}_spend`, `${c}_impressions`]), ...controls, ...extraNames];
    const rows = records.map((r) => columns.map((c) => {
      if (c === 'date') return String(r[c]);
      if (extraNames.has(c)) return extras.values.get(`${String(r.date)}|${c}`) ?? NaN;
      if (c.endsWith('_control')) return controlValue.get(`${String(r.date)}|${c}`) ?? NaN;
      return Number(r[c]);
    }));
    return { long, national: { columns, rows }, geos: [...new Set(long.map((r) => r.geo))].sort(naturalCompare), issues: extras.issues };
  } finally {
    dm.close();
  }
}

/**
 * Runs the Meridian staging and intermediate models (stg_meridian_geo_raw, stg_meridian_geo,
 * int_meridian_geo_long, int_meridian_geo_kpi) in an open datamart, checking the layout and every
 * cell first. The marts (national roll-up, mart_meridian_geo) read the tables this leaves behind.
 * @param dm an open datamart
 * @param path the geo CSV file
 * @returns the file's header and whether it has revenue_per_conversion (so int_meridian_geo_kpi has revenue)
 * @throws DataError as readMeridianGeo
 * @example (await stageMeridianGeo(dm, 'geo_media.csv')).hasRevenue // true
 */
export async function stageMeridianGeo(dm: Datamart, path: string): Promise<{ header: string[]; hasRevenue: boolean }> {
  const file = basename(path);
  await runModel(dm, 'stg_meridian_geo_raw', { path });
  const header = await tableColumns(dm, 'stg_meridian_geo_raw');
  const missing = REQUIRED.filter((c) => !header.includes(c));
  const spendColumns = header.filter((c) => c.endsWith('_spend'));
  if (missing.length > 0 || spendColumns.length === 0) {
    throw new DataError([
      ...missing.map((c) => ({ code: 'MISSING_COLUMN', severity: 'error' as const, message: `the Meridian geo layout needs a column "${c}"`,
        hint: `columns found: ${header.filter((h) => h !== '_line').join(', ')}; Meridian's layout is geo, time, <Channel>_spend, <Channel>_impression, *_control, population, conversions`,
        at: { file, row: 1, column: c } })),
      ...(spendColumns.length === 0 ? [{ code: 'NO_SPEND_COLUMNS', severity: 'error' as const, message: 'no <Channel>_spend column',
        hint: 'name each channel\'s spend column <Channel>_spend', at: { file, row: 1 } }] : []),
    ]);
  }
  const bad = (await queryModel(dm, 'stg_meridian_geo_issues_select')) as unknown as SqlCellIssue[];
  if (bad.length > 0) throw new DataError(sqlIssues(file, bad));
  await runModel(dm, 'stg_meridian_geo');
  const hasRevenue = header.includes('revenue_per_conversion');
  await runModel(dm, 'int_meridian_geo_long', { rpc: hasRevenue ? 'revenue_per_conversion' : 'NULL' });
  return { header, hasRevenue };
}
