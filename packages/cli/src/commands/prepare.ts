import { mkdir } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { parseOutPath } from './parse-options.ts';
import { dirname, join, relative, resolve } from 'node:path';
import type { Command } from 'commander';
import type { Issue, LoadedConfig, ModelingTableFiles, ReadOutcome } from '@mixwise/data';
import { CHANGE_LOG_FILES, configToRun, discardProjectDatabase, finishProjectDatabase, holidaysNote, loadConfig, PROJECT_DATABASE_FILE, projectDatabaseTempPath, windowRows, writeChangeLog, writeJsonAtomic, writeModelingTable } from '@mixwise/data';
import type { ModelingTable } from '@mixwise/engine';
import type { CliIo } from '../io.ts';
import type { CliDeps } from '../cli-deps.ts';
import { useColor } from '../io.ts';
import { renderIssues } from '../render/issues.ts';
import { formatCleaningSummary } from '../render/cleaning.ts';
import { describeTable } from './read-table.ts';
import { ignoredNote, readCheckedTable } from './read-checked-table.ts';
import { GEO_FILE, writePanelGeo } from '@mixwise/data';
import { checkGeoSizeDetected, geoSetting, geoSizeSetting } from './fit-geo.ts';
import { SOURCES_TABLE_FILE, runWithSources, writeRunGeo } from './sources-data.ts';
import { noteRemoved, removeStale } from './remove-stale.ts';
import { checkOutDir, checkOutFile } from './check-out-dir.ts';
import { guardOutDir } from './out-dir-guard.ts';

/** Flags of `mixwise prepare`. */
export interface PrepareFlags {
  config: string;
  out: string;
  db?: string;
  json?: boolean;
}

/** What prepare wrote. */
export interface PrepareResult extends ModelingTableFiles {
  issues: string;
  /** changes.csv and changes.json, when the config has a `cleaning:` list. */
  changes?: { csv: string; json: string };
  /** The project database (every datamart table, the modeling table, issues, changes). */
  database: string;
  /** Its tables, sorted. */
  databaseTables: string[];
  table: ModelingTable;
  warnings: Issue[];
}

/**
 * Adds `mixwise prepare --config FILE --out DIR [--json]`: reads the data a config names, builds and
 * checks the modeling table, and writes DIR/modeling_table.csv, DIR/modeling_table.parquet and
 * DIR/issues.json (the warnings), each atomically. The config's `cleaning:` steps run first (then every
 * rule of `mixwise validate`); their change log is written as DIR/changes.csv and DIR/changes.json and
 * summarised on stderr. Everything also goes into one DuckDB project file, DIR/mixwise.duckdb (or
 * --db FILE): the datamart's staging → intermediate → mart tables when the config has `sources`, and
 * modeling_table, issues, changes and project_info; it is built under a temporary name and renamed.
 * A config with `sources` (long or B2B files) first has the datamart build the
 * wide table, written as DIR/datamart_table.csv, which is then read like a data file (sources with geos
 * also give DIR/geo.json, the KPI by geography over the config's window). Bad config or
 * data: the issues, exit 1, nothing written (a bad table built from `sources` is kept in DIR to inspect).
 * @param program the root command
 * @param io streams and working folder
 * @param _deps unused (the signature every command shares)
 */
export function registerPrepare(program: Command, io: CliIo, _deps: CliDeps): void {
  program.command('prepare')
    .description('build the modeling table a config describes (CSV + Parquet) and list its issues')
    .requiredOption('--config <file>', 'the mixwise.yaml config (write one with "mixwise init DATA")')
    .requiredOption('--out <dir>', 'output folder for modeling_table.csv, modeling_table.parquet, issues.json (and changes.csv, changes.json when the config has cleaning: steps)', parseOutPath)
    .option('--db <file>', `the project's DuckDB file (default: DIR/${PROJECT_DATABASE_FILE})`)
    .option('--json', 'print only a JSON summary on stdout')
    .action(async (flags: PrepareFlags) => {
      await prepareAction(flags, io);
    });
}

/**
 * The prepare command's work after parsing.
 * @returns the files written, the table and its warnings
 * @throws DataError for a bad config or bad data (with the config's lines or the data's rows)
 * @example (await prepareAction({ config: 'mixwise.yaml', out: 'prepared' }, io)).parquet // '/…/prepared/modeling_table.parquet'
 */
export async function prepareAction(flags: PrepareFlags, io: CliIo): Promise<PrepareResult> {
  const loaded = loadConfig(resolve(io.cwd, flags.config), { name: flags.config });
  const outDir = resolve(io.cwd, flags.out);
  checkOutDir(outDir, 'prepare');
  const database = resolve(io.cwd, flags.db ?? join(flags.out, PROJECT_DATABASE_FILE));
  if (flags.db !== undefined) checkOutFile(database, 'prepare', '--db', PROJECT_DATABASE_FILE);
  const tempDb = projectDatabaseTempPath(database);
  return guardOutDir(outDir, flags.out, ['modeling_table.csv'], async () => {
    try {
      return await prepareInto(flags, io, loaded, outDir, database, tempDb);
    } catch (err) {
      await discardProjectDatabase(tempDb);
      throw err;
    }
  });
}

/** prepareAction's work, building the project database at `tempDb` until it is renamed to `database`. */
async function prepareInto(flags: PrepareFlags, io: CliIo, loaded: LoadedConfig, outDir: string, database: string, tempDb: string): Promise<PrepareResult> {
  if (loaded.config.sources !== undefined) await mkdir(dirname(tempDb), { recursive: true });
  const { run, warnings: built } = await runWithSources(loaded, configToRun(loaded), outDir, tempDb);
  const shown = relative(io.cwd, run.dataPath) || run.dataPath;
  // The config's window: later rows are ignored, earlier rows only warm up carryover (their KPI may be blank).
  // columns.geo: the panel is read and checked as fit reads it; the modeling table written is its national sums.
  const panel = geoSetting({}, run, run.cleaning, 'prepare');
  // columns.geo_size: each geo's size is checked as fit checks it, and the column is never a control.
  const size = geoSizeSetting({}, run, panel, run.roles, 'prepare');
  const sized = size === undefined ? run : { ...run, roles: { ...run.roles, reserved: [...(run.roles.reserved ?? []), size.column] } };
  const geo = panel === undefined ? undefined : { ...panel, ...(size === undefined ? {} : { size }) };
  const steps = geo === undefined ? run.cleaning : [{ type: 'sum-panel' as const, column: geo.column }, ...run.cleaning];
  const checked = readCheckedTable(run.dataPath, sized.roles, io,
    { name: shown, steps, hints: 'config', rolesIn: 'config', config: { loaded, run: sized }, quiet: true, ...(run.window === undefined ? {} : { window: run.window }), ...(geo === undefined ? {} : { geo }),
      // The size column must not be the date column the file's roles detect (a usage error, as with columns.date).
      ...(size === undefined ? {} : { beforeChecks: (r: ReadOutcome) => { if (r.csv !== undefined) checkGeoSizeDetected(size, r.csv, sized.roles, 'prepare'); } }) });
  const { table, cleaning } = checked;
  const warnings = [...built, ...checked.warnings];
  await mkdir(outDir, { recursive: true });
  const files = await writeModelingTable(table, outDir);
  const issues = join(outDir, 'issues.json');
  await writeJsonAtomic(issues, warnings);
  const inWindow = table.dates.filter((d) => d >= (run.window?.start ?? '') && d <= (run.window?.end ?? '9999'));
  if (table.panel !== undefined) await writePanelGeo(table, outDir, windowRows(table.dates, run.window?.start, run.window?.end));
  else {
    // Without geography an earlier run's geo.json is removed: said as removeStale says it.
    const hadGeo = existsSync(join(outDir, GEO_FILE));
    const written = await writeRunGeo(loaded.config.sources === undefined ? undefined : loaded, outDir, inWindow, run.roles.target ?? '');
    if (hadGeo && written === undefined) noteRemoved(join(outDir, GEO_FILE), 'prepare', io);
  }
  const changes = cleaning === undefined ? undefined : await writeChangeLog(outDir, cleaning);
  // Files of an earlier prepare into this folder that this one does not write would describe other data.
  const oldTable = loaded.config.sources === undefined && run.dataPath !== join(outDir, SOURCES_TABLE_FILE);
  const stale = [...(cleaning === undefined ? CHANGE_LOG_FILES : []), ...(oldTable ? [SOURCES_TABLE_FILE] : [])];
  await removeStale(outDir, stale, 'prepare', io);
  await mkdir(dirname(database), { recursive: true });
  const databaseTables = await finishProjectDatabase(tempDb, database, {
    modelingTableCsv: files.csv, issues: warnings, ...(changes === undefined ? {} : { changesCsv: changes.csv }),
    info: { config: resolve(io.cwd, flags.config), data: run.dataPath, frequency: table.frequency, periods: String(table.dates.length) },
  });
  if (flags.json === true) {
    const cleaned = changes === undefined || cleaning === undefined ? {} : { changes: cleaning.changes.length };
    io.stdout.write(JSON.stringify({ periods: table.dates.length, frequency: table.frequency,
      files: { ...files, issues, database, ...(changes === undefined ? {} : { changes: changes.csv, changesSummary: changes.json }) },
      warnings: warnings.length, ...cleaned, ...(checked.ignoredRows.length > 0 ? { ignoredRows: checked.ignoredRows.length } : {}),
      ...(checked.holidays === undefined ? {} : { holidays: checked.holidays }) }, null, 2) + '\n');
  } else {
    if (checked.ignoredRows.length > 0) io.stderr.write(ignoredNote(shown, checked.ignoredRows, run.window?.end ?? ''));
    if (warnings.length > 0) io.stderr.write(renderIssues(warnings, { color: useColor(io.stderr, io.env) }));
    io.stderr.write(`read ${shown}: ${describeTable(table)}\n`);
    if (table.panel !== undefined) {
      io.stderr.write(`note: modeling_table.csv holds the national sums of the ${table.panel.geos.length} geos (geo.json their totals); mixwise fit --config reads the geo panel itself\n`);
    }
    // The same note as fit's: events added, holidays merged, left out or already on a file column.
    if (checked.holidays !== undefined) io.stderr.write(holidaysNote(checked.holidays, table.dates.length));
    if (cleaning !== undefined) io.stderr.write(formatCleaningSummary(cleaning));
    const written = [files.csv, files.parquet, issues, database, ...(changes === undefined ? [] : [changes.csv, changes.json])];
    io.stdout.write(`wrote ${written.map((f) => relative(io.cwd, f) || f).join(', ')}\n`);
  }
  return { ...files, issues, database, databaseTables, table, warnings, ...(changes === undefined ? {} : { changes }) };
}
