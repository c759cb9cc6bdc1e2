import { isAbsolute, resolve } from 'node:path';
import { naturalCompare } from '@mixwise/engine';
import { stageMeridianGeo } from '../reshape/meridian-geo.ts';
import { stageB2bDatamart, type B2bSources } from './b2b-datamart.ts';
import { openDatamart, queryModel, runModel } from './datamart.ts';
import type { SourcesConfig } from './sources-schema.ts';

/** One geography's totals over the modeling window, in the KPI's and spend's own units. */
export interface GeoBreakdownRow {
  /** ISO 3166-1 alpha-2 code (level 'country') or the file's geo name (level 'geo'). */
  geo: string;
  /** Region of the country (B2B ref_countries). */
  region?: string;
  /** The KPI summed over the window. */
  kpi: number;
  /** B2B: pipeline created in the window. */
  pipeline?: number;
  /** Meridian: media spend over every channel in the window. */
  spend?: number;
}

/** A run's KPI by geography (geo.json): data as recorded, not modelled per geography. */
export interface GeoBreakdown {
  /** 'country': real countries (ISO codes, mappable); 'geo': named areas without shapes (Meridian's Geo0 …). */
  level: 'country' | 'geo';
  /** Name of the KPI in `rows[].kpi` ('revenue' or 'conversions'). */
  kpi: string;
  /** First and last date (week start) included. */
  window?: { start: string; end: string };
  rows: GeoBreakdownRow[];
}

/** Knobs of geoBreakdown. */
export interface GeoBreakdownOptions {
  /** First date of the modeling window (ISO; default: the data's first). */
  from?: string;
  /** Last date of the modeling window, inclusive (ISO; default: the data's last). */
  to?: string;
  /** The run's KPI column: a Meridian breakdown shows conversions when it is 'conversions', else revenue when the file has it. */
  target?: string;
}

const cents = (v: unknown): number => Number(v) / 100;

/**
 * The geography breakdown of a config's `sources` over the modeling window, built by the DuckDB
 * datamart (mart_b2b_geo.sql, mart_meridian_geo.sql) from the same staged tables as the national
 * table, so the rows add up to it: B2B files give booked revenue (by invoice week) and pipeline (by
 * created week) per country with its region (level 'country'; Σ revenue = Σ of the national revenue
 * column to the cent); a Meridian geo file gives the KPI and total media spend per geo (level 'geo').
 * Long spend + KPI files carry no geography: undefined.
 * @param sources the validated `sources` key of a config
 * @param dir absolute folder of the config file (relative paths start there)
 * @param options the window (dates as in the national table's date column) and the run's target
 * @returns the breakdown, rows sorted by geo in natural order (Geo2 before Geo10: naturalCompare); undefined when the sources have no geography
 * @throws DataError with located issues when a source file is bad (as sourcesTable)
 * @example (await geoBreakdown({ b2b: … }, '/p/examples/b2b')).rows.map((r) => r.geo) // ['AU', 'BR', 'CA', 'DE', 'FR', 'GB', 'JP', 'MX', 'SG', 'US']
 */
export async function geoBreakdown(sources: SourcesConfig, dir: string, options: GeoBreakdownOptions = {}): Promise<GeoBreakdown | undefined> {
  const at = (file: string): string => (isAbsolute(file) ? file : resolve(dir, file));
  const vars = { from: options.from ?? '0001-01-01', to: options.to ?? '9999-12-31' };
  if (sources.b2b === undefined && sources.meridian === undefined) return undefined;
  const dm = await openDatamart();
  try {
    if (sources.b2b !== undefined) {
      const b = sources.b2b;
      const files: B2bSources = {
        ads: at(b.ads), crm: at(b.crm), erp: at(b.erp),
        refCampaigns: at(b.ref_campaigns), refCountries: at(b.ref_countries), refProducts: at(b.ref_products),
      };
      await stageB2bDatamart(dm, files, sources.week_start);
      await runModel(dm, 'mart_b2b_geo', vars);
      const rows = (await queryModel(dm, 'mart_b2b_geo_select')).map((r) => ({
        geo: String(r.country), ...(r.region === null ? {} : { region: String(r.region) }),
        kpi: cents(r.revenue_cents), pipeline: cents(r.pipeline_cents),
      }));
      return withWindow({ level: 'country', kpi: 'revenue', rows: rows.sort((a, b) => naturalCompare(a.geo, b.geo)) }, options);
    }
    const { hasRevenue } = await stageMeridianGeo(dm, at(sources.meridian as string));
    await runModel(dm, 'mart_meridian_geo', vars);
    const kpi = hasRevenue && options.target !== 'conversions' ? 'revenue' : 'conversions';
    const rows = (await queryModel(dm, 'mart_meridian_geo_select')).map((r) => ({
      geo: String(r.geo), kpi: Number(r[kpi]), spend: Number(r.spend),
    }));
    return withWindow({ level: 'geo', kpi, rows: rows.sort((a, b) => naturalCompare(a.geo, b.geo)) }, options);
  } finally {
    dm.close();
  }
}

function withWindow(breakdown: GeoBreakdown, options: GeoBreakdownOptions): GeoBreakdown {
  return options.from !== undefined && options.to !== undefined ? { ...breakdown, window: { start: options.from, end: options.to } } : breakdown;
}
