import type { GeoOption, CleaningHintVia, CleaningResult, CleaningStep, ConfigRun, Issue, LoadedConfig, ReadOutcome, RolesIn, TableFromCsvResult, TableRoles } from '@mixwise/data';
import { DataError, MIN_PERIODS_HARD, geoSizeColumns, namingGeos, panelAfterBuild, panelBeforeBuild, withoutRollUp, checkAndClean, checkConfigGeoTests, configWindowIssue, holidaysNote, outcomeUntil, readOutcome, tableFromConfig, tableFromCsv, windowSpan, withoutRaggedAfter } from '@mixwise/data';
import { UsageError } from '../usage-error.ts';
import type { CliIo } from '../io.ts';
import { useColor } from '../io.ts';
import { renderIssues } from '../render/issues.ts';
import { formatCleaningSummary } from '../render/cleaning.ts';
import { describeTable } from './read-table.ts';

/** Options of readCheckedTable. */
export interface ReadCheckedOptions {
  /** The file name shown in messages (the path as the user typed it). */
  name: string;
  /** Cleaning steps to apply, in order. */
  steps: readonly CleaningStep[];
  /** How hints name the cleaning steps: 'both' for fit, 'config' for prepare. */
  hints: CleaningHintVia;
  /** Where the roles are set, so the validation's role hints name a flag or a config key: 'config' for prepare, which has no role flags (default 'flags'). */
  rolesIn?: RolesIn;
  /** Build the table as this config describes it (tableFromConfig) instead of from the roles alone. */
  config?: { loaded: LoadedConfig; run: ConfigRun };
  /**
   * The modeling window (yyyy-mm-dd): rows dated after `end` are dropped before anything is checked
   * (they are ignored), and the KPI of rows before `start` (carryover warm-up) may be blank.
   */
  window?: { start?: string; end?: string };
  /** Print nothing (warnings are still returned). */
  quiet?: boolean;
  /** Give each channel the exposure column named for it (`fit --media exposure` without a config, or with one mapping none; tableFromCsv's pairExposure). */
  pairExposure?: boolean;
  /** With pairExposure: spend column → exposure column paired first (a refresh pins the previous run's, renamed ones too). */
  exposurePins?: Readonly<Record<string, string>>;
  /** A cheap check of the parsed file run before the (slow on a wide file) validation, e.g. checkCoefficientRoom. */
  beforeChecks?: (read: ReadOutcome) => void;
  /**
   * A geo panel (fit --geo, columns.geo): the file's rows are indexed by this column and date (every geo
   * on every date, no repeat: panelRows) and the table becomes the panel's (panelTable), built on the
   * national table of the steps, which must start with sum_panel on the column. `flag` names the setting in messages.
   */
  geo?: GeoOption;
}

/** A table read through the full validation, with the cleaning log when steps ran. */
export interface CheckedTableResult extends TableFromCsvResult {
  cleaning?: CleaningResult;
  /** File lines of the rows after the window's end, which were ignored ([] without an end). */
  ignoredRows: number[];
}

/**
 * Reads a data file the way fit and prepare need it: the cleaning steps, then every rule of
 * `mixwise validate` (checkAndClean), then the modeling table (tableFromCsv or tableFromConfig).
 * With a window, it is first checked against the file's dates (too few periods: a usage error naming
 * them), then rows after its end are dropped and the KPI of warm-up rows is not required.
 * Prints a note on the ignored rows, the warnings (the table's, then the validation's not already listed), what was read, and
 * one line per cleaning step, to stderr.
 * @param path the data file (absolute)
 * @param roles column roles
 * @param io streams
 * @param options name, steps, hints, rolesIn, config, quiet
 * @throws DataError with located issues when the data cannot be used; UsageError when --start/--end leave too few periods
 * @example readCheckedTable('/p/d.csv', { target: 'sales' }, io, { name: 'd.csv', steps: [], hints: 'both' }).table.dates.length // 30
 */
export function readCheckedTable(path: string, roles: TableRoles, io: CliIo, options: ReadCheckedOptions): CheckedTableResult {
  const raw = readOutcome(path, { name: options.name });
  checkWindow(withoutRaggedAfter(raw, roles, options.window?.end).read, roles, options);
  const { read, ignored } = outcomeUntil(raw, roles, options.window?.end);
  options.beforeChecks?.(read);
  // A geo panel's own checks come first: a missing or repeated (date, geo) is named by geo, date and line.
  const end = options.window?.end;
  const rows = panelBeforeBuild(read, roles.date, options.geo, end);
  const kpiFrom = options.window?.start === undefined ? {} : { kpiFrom: options.window.start };
  const until = ignored.length > 0 && options.window?.end !== undefined ? { rowsUntil: options.window.end } : {};
  // Exposure columns are cleaned like spend (fill_gaps writes 0 in inserted periods): the config's, or those paired by name.
  const exposure = options.config?.run.channels.flatMap((c) => (c.exposure === undefined ? [] : [c.exposure])) ?? [];
  const pairing = options.pairExposure === true ? { pairExposure: true, ...(options.exposurePins === undefined ? {} : { exposurePins: options.exposurePins }) } : {};
  // Read on the long file: summed over the geos, a per-geo size (population) would only look constant.
  const geoSizeLike = options.geo === undefined || read.csv === undefined ? {} : { geoSizeLike: geoSizeColumns(read.csv, options.geo.column) };
  // The national checks and build (of the geos' roll-up for a panel), an error on a panel's row naming its geo.
  const { checked, national } = namingGeos(read, rows, () => {
    const checked = checkAndClean(read, roles,
      { steps: options.steps, hints: options.hints, ...(options.rolesIn === undefined ? {} : { rolesIn: options.rolesIn }), ...kpiFrom, ...until,
        exposure, ...pairing,
        // A geo panel drops the roll-up's change log (withoutRollUp): it is not made.
        ...(options.geo === undefined ? {} : { rollUpLog: false }) });
    const national = options.config === undefined
      ? tableFromCsv(checked.csv, roles, { ...kpiFrom, ...until, ...geoSizeLike, ...pairing })
      : tableFromConfig(checked.csv, options.config.loaded, options.config.run, roles, { ...kpiFrom, ...until, ...geoSizeLike, ...pairing, panelLater: options.geo !== undefined });
    return { checked, national };
  });
  // The per-geo outlier check scores the rows the national one does: not the KPI of warm-up rows before --start.
  const { built, name } = panelAfterBuild(read, rows, options.geo, end, national, kpiFrom);
  // The config's geo lift tests are judged on the panel (its geos, their spend), which exists only now.
  if (options.config !== undefined && options.geo !== undefined) {
    const geoTests = checkConfigGeoTests(options.config.loaded, options.config.run, built.table);
    if (geoTests.length > 0) throw new DataError(geoTests);
  }
  const warnings = name(mergeIssues(built.warnings, checked.validation.issues));
  // The roll-up behind a geo panel's national table is not a change to the data: not logged, not printed.
  const cleaning = options.geo === undefined || checked.cleaning === undefined ? checked.cleaning : withoutRollUp(checked.cleaning);
  if (options.quiet !== true) {
    if (ignored.length > 0) io.stderr.write(ignoredNote(options.name, ignored, options.window?.end ?? ''));
    if (warnings.length > 0) io.stderr.write(renderIssues(warnings, { color: useColor(io.stderr, io.env) }));
    io.stderr.write(`read ${options.name}: ${describeTable(built.table)}\n`);
    if (built.holidays !== undefined) io.stderr.write(holidaysNote(built.holidays, built.table.dates.length));
    if (cleaning !== undefined) io.stderr.write(formatCleaningSummary(cleaning));
  }
  return { ...built, warnings, ignoredRows: ignored, ...(cleaning === undefined ? {} : { cleaning }) };
}

/**
 * The window checked against the file's dates before any row is dropped: one that leaves fewer than
 * MIN_PERIODS_HARD periods (an --end before the data, a typo in a year) is a usage error naming the
 * file's date range (exit 2), or the config's `window` error when the config gave it, rather than the
 * errors of a table emptied by the window.
 * @throws UsageError for --start/--end, DataError (CONFIG_DATA_MISMATCH at the config's window) for a config window
 */
function checkWindow(read: ReturnType<typeof readOutcome>, roles: TableRoles, options: ReadCheckedOptions): void {
  const span = windowSpan(read, roles, options.window);
  if (span === undefined || span.periods >= MIN_PERIODS_HARD) return;
  const dates = `${span.first} … ${span.last}`;
  if (options.config?.run.window !== undefined) throw new DataError([configWindowIssue(options.config.loaded, span.periods, dates)]);
  throw new UsageError(`--start/--end leave ${span.periods} periods (${dates} in the file); at least ${MIN_PERIODS_HARD} are needed`, 'fit');
}

/**
 * The note on rows after the window's end, which are neither checked nor used.
 * @example ignoredNote('d.csv', [206, 207], '2019-10-14') // 'note: ignored 2 rows of d.csv dated after the window's end 2019-10-14 (lines 206–207): not checked, not used\n'
 */
export function ignoredNote(file: string, lines: readonly number[], end: string): string {
  const span = lines.length === 1 ? `line ${lines[0]}` : `lines ${lines[0]}–${lines[lines.length - 1]}`;
  return `note: ignored ${lines.length} row${lines.length === 1 ? '' : 's'} of ${file} dated after the window's end ${end} (${span}): not checked, not used\n`;
}

/** `first`, then the issues of `more` with a code, row and column not already in `first`. */
function mergeIssues(first: readonly Issue[], more: readonly Issue[]): Issue[] {
  const key = (i: Issue): string => `${i.code}|${i.at.row ?? ''}|${i.at.column ?? ''}`;
  const seen = new Set(first.map(key));
  return [...first, ...more.filter((i) => !seen.has(key(i)))];
}
