import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { ConfigRun, GeoBreakdown, Issue, LoadedConfig } from '@mixwise/data';
import { GEO_FILE, geoBreakdown, sourcesTable, writeCsvAtomic, writeJsonAtomic } from '@mixwise/data';

/** The file, in the output folder, that holds the table built from a config's `sources`. */
export const SOURCES_TABLE_FILE = 'datamart_table.csv';

/** The run folder's KPI by geography (GeoBreakdown), when the sources have geos. */
export { GEO_FILE };

/**
 * When the config has a `sources` key, builds the wide table through the DuckDB datamart
 * (sourcesTable), writes it as OUT/datamart_table.csv and returns the run with that file as its data,
 * so prepare and fit continue exactly as for a wide file; the columns of a `sources.controls` file are
 * the run's controls when `columns.controls` names none. Without `sources`, returns the run unchanged.
 * @param loaded the config
 * @param run configToRun(loaded)
 * @param outDir absolute output folder (created when missing)
 * @param database keep the datamart's staging, intermediate and mart tables in this `.duckdb` file (default: in memory)
 * @returns the run to use and the datamart's warnings ([] without sources)
 * @throws DataError with the datamart's located issues (file, line, column)
 * @example (await runWithSources(loaded, run, '/tmp/x')).run.dataPath // '/tmp/x/datamart_table.csv'
 */
export async function runWithSources(loaded: LoadedConfig, run: ConfigRun, outDir: string, database?: string): Promise<{ run: ConfigRun; warnings: Issue[] }> {
  const sources = loaded.config.sources;
  if (sources === undefined) return { run, warnings: [] };
  const built = await sourcesTable(sources, loaded.dir, {
    ...(run.granularity === undefined ? {} : { granularity: run.granularity }),
    ...(database === undefined ? {} : { database }),
    ...(run.window === undefined ? {} : { window: run.window }),
  });
  await mkdir(outDir, { recursive: true });
  const dataPath = join(outDir, SOURCES_TABLE_FILE);
  await writeCsvAtomic(dataPath, built.columns, built.rows);
  return { run: { ...withSourceControls(meridianExposure(run, built.columns), built.controls), dataPath }, warnings: built.issues };
}

/**
 * The run with a channel's `exposure:` written as in the Meridian file (`Channel0_impression`) read from
 * the built table's summed `Channel0_impressions`: the user names the column of their file, not of the
 * intermediate datamart_table.csv.
 */
function meridianExposure(run: ConfigRun, columns: readonly string[]): ConfigRun {
  const renamed = (c: string | undefined): string | undefined =>
    c !== undefined && !columns.includes(c) && c.endsWith('_impression') && columns.includes(`${c}s`) ? `${c}s` : c;
  if (!run.channels.some((c) => renamed(c.exposure) !== c.exposure)) return run;
  return { ...run, channels: run.channels.map((c) => (renamed(c.exposure) === c.exposure ? c : { ...c, exposure: renamed(c.exposure) })) };
}

/**
 * The run with the controls file's columns as its controls (sign free) when the config names none in
 * `columns.controls`: a file given as `sources.controls` says what its columns are. Controls the config
 * lists are kept as they are (the file's other columns stay unused, and prepare lists them).
 */
function withSourceControls(run: ConfigRun, controls: readonly string[] | undefined): ConfigRun {
  if (controls === undefined || controls.length === 0 || run.controls.length > 0) return run;
  return {
    ...run,
    controls: controls.map((c) => ({ name: c, column: c })),
    roles: { ...run.roles, controls: [...controls], controlSigns: Object.fromEntries(controls.map((c) => [c, 'free' as const])) },
  };
}

/**
 * The KPI by geography of a config's `sources` over the modeling window (geoBreakdown), without writing
 * it (`fit` has it written with the run's other files); undefined without sources or geography.
 * @example (await runGeoBreakdown(loaded, table.dates, 'revenue'))?.level // 'country'
 */
export async function runGeoBreakdown(loaded: LoadedConfig | undefined, dates: readonly string[], target: string): Promise<GeoBreakdown | undefined> {
  const sources = loaded?.config.sources;
  return sources === undefined || loaded === undefined || dates.length === 0
    ? undefined
    : geoBreakdown(sources, loaded.dir, { from: dates[0], to: dates[dates.length - 1], target });
}

/**
 * Writes OUT/geo.json (atomically): the KPI by geography of a config's `sources` over the modeling
 * window (geoBreakdown: B2B revenue and pipeline per country, Meridian KPI and spend per geo). Without
 * sources, or for sources without geography, removes a geo.json left by an earlier run in the folder.
 * @param loaded the config, when the table was built from its `sources` (else undefined)
 * @param outDir the output folder (exists)
 * @param dates the modeling window's dates (the table's date column, rows [start, end))
 * @param target the run's KPI column (a Meridian breakdown shows conversions or revenue to match)
 * @returns the path written and the breakdown, or undefined when there is no geography
 * @throws DataError when a source is bad (already checked by runWithSources, so not expected)
 * @example (await writeRunGeo(loaded, '/tmp/x', table.dates, 'revenue'))?.file // '/tmp/x/geo.json'
 */
export async function writeRunGeo(loaded: LoadedConfig | undefined, outDir: string, dates: readonly string[], target: string): Promise<{ file: string; geo: GeoBreakdown } | undefined> {
  const file = join(outDir, GEO_FILE);
  const geo = await runGeoBreakdown(loaded, dates, target);
  if (geo === undefined) {
    await rm(file, { force: true });
    return undefined;
  }
  await writeJsonAtomic(file, geo);
  return { file, geo };
}
