import { isAbsolute, resolve } from 'node:path';
import { DataError, type Issue } from '../issue.ts';
import { longToWide } from '../reshape/long-to-wide.ts';
import { readMeridianGeo } from '../reshape/meridian-geo.ts';
import type { PlainTable } from '../reshape/wide-to-long.ts';
import { buildB2bDatamart } from './b2b-datamart.ts';
import { b2bWideTable } from './b2b-wide-table.ts';
import type { SourcesConfig } from './sources-schema.ts';
import { prepareSources } from './source-files.ts';

/** The wide modeling table built from a config's `sources`, with the datamart's warnings. */
export interface SourcesTableResult extends PlainTable {
  /** Warnings of the build (PARTIAL_PERIOD, SPEND_GAP_FILLED per channel, DUPLICATE_ROWS_DROPPED, WEEK_ENDING_LABELS, EXPOSURE_NOT_REPORTED, SPEND_CREDITS_NETTED…); errors are thrown instead. */
  issues: Issue[];
  /** The columns of a long build's controls file (`sources.controls`), or a Meridian file's `*_control` columns, when it has any. */
  controls?: string[];
}

/**
 * Builds the wide modeling table that a config's `sources` key describes, through the DuckDB
 * datamart (docs/datamart.md): long spend + KPI files with longToWide (national, at the config's
 * granularity), or the six B2B files with buildB2bDatamart then b2bWideTable (national weekly table:
 * date, pipeline, revenue, `<channel>_spend|_impressions|_clicks`), or a Meridian geo file with
 * readMeridianGeo (national: date, conversions, population, revenue, `<Channel>_spend|_impressions`, controls). Relative paths start from `dir`.
 * Long files may come with a controls and an events file and with column mappings (prepareSources).
 * @param sources the validated `sources` key (checkConfig guarantees spend + kpi, or b2b)
 * @param dir absolute folder of the config file
 * @param options granularity of a long build (default weekly); database: keep the datamart in a `.duckdb` file;
 *   window: the config's modeling window, which a long spend file must cover (SPEND_STARTS_LATE)
 * @returns the columns, rows (date as text, other cells numbers) and warnings
 * @throws DataError with the datamart's located issues (file, line, column) when a source is bad
 * @example (await sourcesTable({ b2b: { ads: 'ads_daily.csv', … } }, '/p/examples/b2b')).columns.slice(0, 3) // ['date', 'pipeline', 'revenue']
 */
export async function sourcesTable(
  sources: SourcesConfig,
  dir: string,
  options: { granularity?: 'weekly' | 'daily'; database?: string; window?: { start?: string; end?: string } } = {},
): Promise<SourcesTableResult> {
  const at = (file: string): string => (isAbsolute(file) ? file : resolve(dir, file));
  const weekStart = sources.week_start;
  const db = options.database === undefined ? {} : { database: options.database };
  if (sources.b2b !== undefined) {
    const b = sources.b2b;
    const mart = await buildB2bDatamart({
      ads: at(b.ads), crm: at(b.crm), erp: at(b.erp),
      refCampaigns: at(b.ref_campaigns), refCountries: at(b.ref_countries), refProducts: at(b.ref_products),
    }, { ...db, ...(weekStart === undefined ? {} : { weekStart }) });
    return { ...b2bWideTable(mart), issues: [] };
  }
  if (sources.meridian !== undefined) {
    const geo = await readMeridianGeo(at(sources.meridian), options.database);
    // Meridian names its controls `*_control`: they are controls, as a controls file's columns are.
    const controls = geo.national.columns.filter((c) => c.endsWith('_control'));
    return { columns: geo.national.columns, rows: geo.national.rows, issues: geo.issues, ...(controls.length === 0 ? {} : { controls }) };
  }
  if (sources.spend === undefined || sources.kpi === undefined) {
    throw new Error('sourcesTable: sources needs spend and kpi, or b2b (checked by the config schema)');
  }
  // Column mappings and event date ranges: the files as the datamart reads them (prepareSources).
  const files = prepareSources({ ...sources, spend: sources.spend, kpi: sources.kpi }, dir);
  try {
    const wide = await longToWide({
      spend: files.spend, kpi: files.kpi, ...db,
      ...(files.controls === undefined ? {} : { controls: files.controls }),
      ...(files.events === undefined ? {} : { events: files.events }),
      ...(options.granularity === undefined ? {} : { granularity: options.granularity }),
      ...(weekStart === undefined ? {} : { weekStart }),
      ...(sources.allow_partial_weeks === true ? { allowPartialPeriods: true } : {}),
      ...(sources.drop_duplicate_rows === true ? { dropDuplicateRows: true } : {}),
      ...(options.window === undefined ? {} : { window: options.window }),
    }).catch((err: unknown) => {
      throw err instanceof DataError ? new DataError(err.issues.map(files.located)) : err;
    });
    return { columns: wide.columns, rows: wide.rows, issues: [...files.warnings, ...wide.issues.map(files.located)], ...(files.controls === undefined ? {} : { controls: wide.controls }) };
  } finally {
    files.dispose();
  }
}
