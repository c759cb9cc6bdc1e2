import { mkdir } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { join, relative, resolve } from 'node:path';
import type { Command } from 'commander';
import { Option } from 'commander';
import type { Sign, AdstockType, SaturationType, RoiPrior, WeekLabel } from '@mixwise/engine';
import {
  ADSTOCK_TYPES, DEFAULT_BAYES_SPEC, DEFAULT_LIFT_TEST_SE_TEXT, DEFAULT_MAX_LAG, DEFAULT_ROI_PRIOR_FLAG, DEFAULT_SEASONALITY_ORDER, HOLIDAY_SET_NAMES,
  MAX_SEASONALITY_ORDER, MAX_TREND_CHANGEPOINTS, MAX_USER_LAG, SATURATION_TYPES, fittedRows,
} from '@mixwise/engine';
import type { ConfigRun, LoadedConfig, ReadOutcome, TableRoles } from '@mixwise/data';
import type { CleaningStep, GeoOption } from '@mixwise/data';
import { DataError, SKIP_MISSING_KPI_HELP, MIN_PERIODS_HARD, MODEL_FILE, configSpec, spendVariationIssues, modelledOnExposure, configToRun, liftTestsFromCsv, loadConfig, readCsvFile, windowRows } from '@mixwise/data';
import { checkOutDir } from './check-out-dir.ts';
import { guardOutDir } from './out-dir-guard.ts';
import { withOutDirLock } from './out-dir-lock.ts';
import { checkCoefficientRoom } from './coefficient-room.ts';
import type { CliIo } from '../io.ts';
import type { CliDeps } from '../cli-deps.ts';
import { UsageError } from '../usage-error.ts';
import { channelsOption, controlsOption, dateOption, organicOption } from './role-options.ts';
import { wholeNumberUpTo, parseOutPath, parseCleanSteps, parseIsoDate, parseControlSigns, parseHolidays, parseList, parseNonNegativeInt, parsePositiveInt, parseOpenUnit, parseRoiPrior } from './parse-options.ts';
import type { CheckedTableResult } from './read-checked-table.ts';
import { readCheckedTable } from './read-checked-table.ts';
import { pairedExposureNote } from '../render/paired-exposure.ts';
import { SOURCES_TABLE_FILE, runGeoBreakdown, runWithSources } from './sources-data.ts';
import { GEO_FILE, panelGeoBreakdown } from '@mixwise/data';
import { checkGeoDetected, checkGeoRoles, checkGeoSizeDetected, checkPanelSupport, geoSetting, geoSizeSetting } from './fit-geo.ts';
import { removeStale } from './remove-stale.ts';
import { renderIssues } from '../render/issues.ts';
import { useColor } from '../io.ts';
import type { FitRunResult } from './fit-run.ts';
import { checkRefreshColumns, readRefreshSource, refreshExposurePins, refreshGeo, refreshRoles, refreshSpec, type RefreshSource } from './fit-refresh.ts';
import { configOverRefresh } from './fit-refresh-config.ts';
import { parseRename, type Renames } from './fit-refresh-rename.ts';
import { checkRefreshTable, checkRefreshOut, refreshWindowWarnings, withHistoryHint } from './fit-refresh-checks.ts';
import { FIT_MONEY, currencyOption, localeOption, mergeMoney, moneyOf, type MoneyFlags } from './money-options.ts';
import { bayesFlags, checkWindowOrder, holdoutMessage, holidayRequest } from './fit-flag-checks.ts';

/** Flags of `mixwise fit` as commander parses them. */
export interface FitFlags extends MoneyFlags {
  target?: string;
  date?: string;
  channels?: string[];
  controls?: string[];
  organic?: string[];
  events?: string[];
  holidays?: string[];
  weekLabel?: WeekLabel;
  holidayColumns?: 'each' | 'set';
  autoEvents: boolean;
  autoControls: boolean;
  controlSigns?: Record<string, Sign>;
  targetKind?: 'revenue' | 'count';
  seed?: number;
  iterations?: number;
  posteriorIterations?: number;
  holdout?: number;
  start?: string;
  end?: string;
  method?: 'ridge' | 'bayes';
  chains?: number;
  warmup?: number;
  draws?: number;
  targetAccept?: number;
  config?: string;
  workers?: number;
  adstock?: AdstockType | 'auto';
  maxLag?: number;
  saturation?: SaturationType | 'auto';
  seasonality?: number;
  changepoints?: number;
  roiPrior?: RoiPrior | null;
  media?: 'spend' | 'exposure';
  liftTests?: string;
  clean?: CleaningStep[];
  geo?: string;
  geoSize?: string;
  refresh?: string;
  rename?: Renames;
  out: string;
  json?: boolean;
}

/**
 * Adds `mixwise fit DATA --target COL [--date COL] [--channels a,b] [--controls c,d] [--organic o] [--events e]
 * [--control-signs c=negative] [--target-kind revenue|count] [--seed N] [--iterations N] [--posterior-iterations N] [--holdout N]
 * [--method ridge|bayes [--chains N] [--warmup N] [--draws N] [--target-accept P]] [--config FILE] [--workers N] [--clean STEPS] --out DIR [--json]`. Applies the
 * cleaning steps (--clean, else the config's `cleaning:`), runs every rule of `mixwise validate` (bad
 * data: the same issues printed, exit 1), hands the table to runFit, which stages the cleaning change log
 * (changes.csv, changes.json) with the run's other files and swaps them in together. With --config and no DATA, a config `sources` key
 * (long or B2B files) is built into OUT/datamart_table.csv by the DuckDB datamart first, then read as DATA;
 * sources with geos (B2B countries, Meridian geos) also give OUT/geo.json, the KPI by geography (writeRunGeo).
 * @param program the root command
 * @param io streams and working folder
 * @param deps engine entry points (runFit)
 */
export function registerFit(program: Command, io: CliIo, deps: CliDeps): void {
  program.command('fit')
    .description('fit a marketing mix model to a CSV file (one row per period)')
    .argument('[data]', 'CSV file: a date column, the KPI, one <channel>_spend column per channel (default: data.path of --config)')
    .option('--target <column>', 'the KPI column (revenue, orders, …); required unless --config names it')
    .addOption(dateOption())
    .addOption(channelsOption())
    .addOption(controlsOption('every spare numeric column that is not named like a KPI, media exposure, spend or a calendar field, has no empty cell and is not a near-copy of the KPI or a channel\'s spend; each is listed in a warning'))
    .addOption(organicOption())
    .option('--events <list>', '0/1 event columns, or categorical columns expanded to one dummy per value (default: every unused column holding only 0 and 1)', parseList)
    .option('--holidays <list>', `built-in holidays added as 0/1 events named holiday_<id>: sets (${HOLIDAY_SET_NAMES.join(', ')}) and holiday ids such as black-friday, `
      + 'comma-separated, case-insensitive; a holiday with no day in the window is left out (see docs/model.md#holidays)', parseHolidays)
    .addOption(new Option('--week-label <label>', 'with --holidays and weekly data: each date is the first day of its 7-day week (start, the default) or the last (end)').choices(['start', 'end']))
    .addOption(new Option('--holiday-columns <mode>', 'with --holidays: one event per holiday (each, the default) or one per holiday set (set: fewer degrees of freedom, for weekly data with many holidays)').choices(['each', 'set']))
    .option('--no-auto-events', 'do not use unused 0/1 columns as events when --events is not given')
    .option('--no-auto-controls', 'do not use spare numeric columns as controls when --controls is not given')
    .option('--control-signs <list>', 'expected effect signs, e.g. price=negative,temp=free', parseControlSigns)
    .addOption(new Option('--target-kind <kind>', 'money KPI or a count (default: guessed from the name)').choices(['revenue', 'count']))
    .option('--seed <n>', 'random seed', parseNonNegativeInt)
    .option('--iterations <n>', 'hyperparameter search budget', parsePositiveInt)
    .option('--posterior-iterations <n>', 'Metropolis iterations of the hyperparameter posterior that picks the model (default 20000, or the same share of it as --iterations is of 20000, at least 2000; 0: the lowest weighted score)', parseNonNegativeInt)
    .option('--holdout <n>', 'final periods kept out of the fit to test it', parseNonNegativeInt)
    .option('--start <date>', 'first date of the modeling window (earlier rows only warm up carryover)', parseIsoDate)
    .option('--end <date>', 'last date of the modeling window (later rows are ignored)', parseIsoDate)
    .addOption(new Option('--method <method>', 'ridge: the search\'s model with bootstrap intervals; bayes: the joint posterior sampled by NUTS from it, with credible intervals (default: model.method of --config, else ridge)').choices(['ridge', 'bayes']))
    .option('--chains <n>', `--method bayes: independent NUTS chains (default ${DEFAULT_BAYES_SPEC.chains})`, parsePositiveInt)
    .option('--warmup <n>', `--method bayes: adaptation iterations per chain (default ${DEFAULT_BAYES_SPEC.warmup})`, parseNonNegativeInt)
    .option('--draws <n>', `--method bayes: kept draws per chain, at least 4 (default ${DEFAULT_BAYES_SPEC.draws})`, parsePositiveInt)
    .option('--target-accept <p>', `--method bayes: mean acceptance the step size is tuned to, in (0, 1); raise it (0.99) when the fit reports divergences (default ${DEFAULT_BAYES_SPEC.targetAccept})`, parseOpenUnit)
    .option('--config <file>', 'mixwise.yaml config (see "mixwise init"); flags override its values')
    .option('--workers <n>', 'worker threads for the search (default: number of cores)', parsePositiveInt)
    .addOption(new Option('--adstock <family>', 'carryover family for every channel; auto (the default) lets the search pick geometric, weibull-cdf or weibull-pdf per channel').choices([...ADSTOCK_TYPES, 'auto']))
    .option('--max-lag <n>', `longest carryover in periods, 0 to ${MAX_USER_LAG} (default: ${DEFAULT_MAX_LAG.weekly} weekly, ${DEFAULT_MAX_LAG.daily} daily)`, wholeNumberUpTo(MAX_USER_LAG))
    .addOption(new Option('--saturation <curve>', 'diminishing-returns curve for every channel (default: hill); auto lets the search pick hill or logistic per channel').choices([...SATURATION_TYPES, 'auto']))
    .option('--seasonality <order>', `Fourier order of yearly seasonality, 0 to ${MAX_SEASONALITY_ORDER}, 0 for none (default: ${DEFAULT_SEASONALITY_ORDER.weekly} weekly, ${DEFAULT_SEASONALITY_ORDER.daily} daily)`,
      wholeNumberUpTo(MAX_SEASONALITY_ORDER))
    .addOption(new Option('--media <basis>', 'what each paid channel is modelled on: spend, or exposure for every channel with an exposure column (impressions, clicks, GRPs, '
      + 'converted to money at the window\'s average cost per unit, so ROIs stay in money): the config\'s exposure: columns, or without --config the column named for the channel '
      + 'as mixwise init pairs them (tv_impressions beside tv_spend); a channel without one stays on spend. Overrides model.media and each channel\'s media: (default: the config\'s, else spend)').choices(['spend', 'exposure']))
    .option('--lift-tests <file>', 'CSV of experiment results to calibrate the model: columns channel,start,end,lift (the incremental KPI the channel\'s spend '
      + 'on the inclusive test dates produced) and optionally measured_through (last date the lift was measured through; default the end) and '
      + `standard_error (in KPI units; default ${DEFAULT_LIFT_TEST_SE_TEXT}, required for a lift of 0 or below) and, with --geo, geo (the geos the test ran in, `
      + 'separated by |, e.g. north|south; empty: every geo). Each test enters the posterior '
      + '(hyperparameter posterior; with --method bayes, also the NUTS posterior) as a Gaussian measurement of the model\'s lift with that '
      + 'standard error, and adds the MAPE.LIFT search objective (see docs/data-format.md)')
    .option('--changepoints <n>', `trend changepoints, 0 to ${MAX_TREND_CHANGEPOINTS} (default: 0, a straight trend)`, wholeNumberUpTo(MAX_TREND_CHANGEPOINTS))
    .option('--roi-prior <median,sdlog|none>', `log-normal prior on every channel's ROI, or none (default for a revenue KPI: ${DEFAULT_ROI_PRIOR_FLAG}, `
      + 'unless spend and KPI look like different units; none for a count KPI)', parseRoiPrior)
    .option('--clean <steps>', 'cleaning steps applied in order before validation, each change logged in OUT/changes.csv: '
      + 'sum_panel[=COLUMN[+COLUMN…] | =COLUMN:VALUE+…] (first: adds up the rows of each date of a panel, over every COLUMN value or the ones kept), '
      + 'decimal_comma (a semicolon-separated file\'s decimal commas read as decimal points; always runs first), sort_dates, fill_gaps (empty spend → 0), negatives=clip|reject, winsorize[=LO:HI] (default 0:0.99 for spend; zeros never raised), winsorize=COLUMN[+COLUMN…][:LO:HI] (e.g. the KPI; default 0.01:0.99), impute_controls, '
      + `skip_missing_kpi (${SKIP_MISSING_KPI_HELP}); `
      + 'e.g. --clean sort_dates,negatives=clip (replaces the config\'s cleaning: list; default: none, bad data is refused)', parseCleanSteps)
    .option('--geo <column>', 'a long panel file (one row per date and geo): the column naming each row\'s geo; fits a geo-level model on every geo\'s series '
      + 'with shared media curves (every geo needs a row for every date), prints and writes per-geo results (summary.json geos, geo-results.csv, geo.json); '
      + 'not with --clean sum_panel, which adds the geos up into one national series instead (default: columns.geo of --config)')
    .option('--geo-size <column>', 'with --geo: the column holding each geo\'s size (population, households…), one positive value per geo, the same on all its rows; '
      + 'each geo\'s KPI and spend are scaled by its share of this column instead of its share of the KPI (default: columns.geo_size of --config, else the KPI shares)')
    .option('--refresh <prev-run>', 'refit starting from an earlier run folder (typically on its data plus new periods): keeps its target, columns, curve families, max lags, '
      + 'seasonality, trend and ROI prior (flags, then --config, override them), searches each curve parameter only near its earlier value, and prints and stores the comparison with it (docs/cli.md#refreshing-a-model---refresh)')
    .option('--rename <old=new>', 'with --refresh: a column of the previous run (spend, exposure, control, event, organic) and its new name in the data (repeatable), so a renamed channel keeps its curves and comparison', parseRename)
    .addOption(currencyOption(FIT_MONEY.currency)).addOption(localeOption(FIT_MONEY.locale))
    .requiredOption('--out <dir>', 'output folder for model.json, summary.json, decomposition.csv', parseOutPath)
    .option('--json', 'print only the summary JSON on stdout (no progress)')
    .action(async (data: string | undefined, flags: FitFlags) => {
      await fitAction(data, flags, io, deps);
    });
}

/**
 * The fit command's work after parsing: read the config (when given; flags override its values), read
 * the table, check --holdout against its length, create the output folder, call runFit. The output
 * folder is created and probed before anything else (guardOutDir), and removed again when this run
 * created it and fails before writing into it.
 * @throws DataError (bad data or bad config file, an output folder that cannot be written), UsageError (no data or target, --holdout too long)
 */
export async function fitAction(dataArg: string | undefined, flags: FitFlags, io: CliIo, deps: CliDeps): Promise<FitRunResult> {
  // Flags that need no data are checked before the file is read; the folder is probed before the fit.
  const outDir = resolve(io.cwd, flags.out);
  if (flags.refresh !== undefined) checkRefreshOut(flags.refresh, flags.out, io.cwd);
  checkOutDir(outDir, 'fit');
  return guardOutDir(outDir, flags.out, [MODEL_FILE], () => withOutDirLock(outDir, flags.out, 'fit', () => fitInto(dataArg, flags, outDir, io, deps)));
}

/** fitAction's work once the output folder is known to be writable. */
async function fitInto(dataArg: string | undefined, flags: FitFlags, outDir: string, io: CliIo, deps: CliDeps): Promise<FitRunResult> {
  const refreshFrom = flags.refresh === undefined ? undefined : readRefreshSource(flags.refresh, io);
  if (refreshFrom === undefined && flags.rename !== undefined) throw new UsageError('--rename maps a column of the previous run to its new name, so it only applies with --refresh PREV_RUN', 'fit');
  if (refreshFrom === undefined) return fitWith(dataArg, flags, outDir, io, deps, undefined);
  try {
    return await fitWith(dataArg, flags, outDir, io, deps, refreshFrom);
  } catch (err) {
    throw withHistoryHint(err, refreshFrom);
  }
}

/** fitInto's work, with the previous run of a refresh (precedence: flag > config > previous run > default). */
async function fitWith(dataArg: string | undefined, flags: FitFlags, outDir: string, io: CliIo, deps: CliDeps, refreshFrom: RefreshSource | undefined): Promise<FitRunResult> {
  const configPath = flags.config === undefined ? undefined : resolve(io.cwd, flags.config);
  const loaded = configPath === undefined ? undefined : loadConfig(configPath, { name: flags.config });
  const sourced = loaded === undefined || dataArg !== undefined ? undefined : await runWithSources(loaded, flagWindow(configToRun(loaded), flags), outDir);
  // The build's warnings (spend gaps per channel, dropped duplicates, week-ending labels…) as prepare shows them.
  if (sourced !== undefined && sourced.warnings.length > 0) io.stderr.write(renderIssues(sourced.warnings, { color: useColor(io.stderr, io.env) }));
  const run = sourced?.run ?? (loaded === undefined ? undefined : configToRun(loaded));
  const method = flags.method ?? run?.model.method ?? 'ridge';
  const bayes = bayesFlags(flags, method);
  const data = dataArg ?? (run === undefined ? undefined : relative(io.cwd, run.dataPath) || run.dataPath);
  if (data === undefined) throw new UsageError("missing required argument 'data' (or give --config naming the data file)", 'fit');
  // A refresh's roles are the earlier run's, with those a config gives in their place.
  const baseRoles = refreshFrom === undefined ? run?.roles : refreshRoles(refreshFrom, flags, run === undefined ? undefined : { roles: run.roles, file: flags.config ?? '' });
  const target = flags.target ?? baseRoles?.target;
  if (target === undefined) throw new UsageError("required option '--target <column>' not specified (or give --config with columns.target)", 'fit');
  const flagRoles = { date: flags.date, channels: flags.channels, controls: flags.controls, organic: flags.organic, events: flags.events, targetKind: flags.targetKind };
  const holidays = holidayRequest(flags, baseRoles?.holidays);
  const roles: TableRoles = {
    ...baseRoles,
    ...Object.fromEntries(Object.entries(flagRoles).filter(([, v]) => v !== undefined)),
    ...(holidays === undefined ? {} : { holidays }),
    target,
    autoEvents: flags.autoEvents,
    autoControls: flags.autoControls,
    // Signs follow the controls they belong to: --controls replaces the config's controls and their signs.
    controlSigns: flags.controls === undefined ? { ...baseRoles?.controlSigns, ...flags.controlSigns } : flags.controlSigns,
  };
  const inheritedGeo = refreshFrom === undefined ? undefined : refreshGeo(refreshFrom, { geo: flags.geo ?? run?.geo, geoSize: flags.geoSize ?? run?.geoSize });
  const settingGeo = geoSetting(flags, run, flags.clean ?? run?.cleaning ?? [], 'fit', inheritedGeo);
  if (settingGeo !== undefined) checkGeoRoles(settingGeo, roles, { method });
  const size = geoSizeSetting(flags, run, settingGeo, roles, 'fit', inheritedGeo);
  // The size column is never a control or event of the table (it sizes the geos).
  if (size !== undefined) roles.reserved = [...(roles.reserved ?? []), size.column];
  // The KPI column goes with the geo setting, so an empty KPI cell of a geo's row is worded as one.
  const geo = settingGeo === undefined ? undefined : { ...settingGeo, target, ...(size === undefined ? {} : { size }) };
  const steps = geo === undefined ? flags.clean ?? run?.cleaning ?? [] : [{ type: 'sum-panel' as const, column: geo.column }, ...(flags.clean ?? run?.cleaning ?? [])];
  // Rows after the window's end are ignored and the KPI of rows before its start is never fitted.
  const dates = { start: flags.start ?? run?.window?.start, end: flags.end ?? run?.window?.end };
  checkWindowOrder(dates, flags);
  // Fails in seconds when the file cannot have enough periods for its columns, not after the validation.
  const beforeChecks = (r: ReadOutcome): void => {
    if (refreshFrom !== undefined) checkRefreshColumns(refreshFrom, roles, r, (flags.media ?? run?.model.media) === 'spend', flags.rename);
    if (geo !== undefined && r.csv !== undefined) checkGeoDetected(geo, r.csv, roles);
    if (size !== undefined && r.csv !== undefined) checkGeoSizeDetected(size, r.csv, roles);
    checkCoefficientRoom(r, roles, flags.holdout ?? run?.holdout ?? 0);
  };
  // A refresh of a run fitted on exposure pairs the same (or --rename'd) exposure columns again (checkRefreshExposure checks them).
  const pins = refreshFrom === undefined ? {} : refreshExposurePins(refreshFrom, flags.media ?? run?.model.media, flags.rename);
  const refreshedOnExposure = pins.exposurePins !== undefined;
  const read = loaded === undefined || run === undefined
    ? readCheckedTable(resolve(io.cwd, data), roles, io, { name: data, steps, hints: 'both', window: dates, pairExposure: flags.media === 'exposure' || refreshedOnExposure, ...pins, beforeChecks, ...(geo === undefined ? {} : { geo }) })
    : readConfigTable(data, roles, loaded, run, flags, steps, io, dates, beforeChecks, geo, pins);
  const { table, roles: resolved, cleaning } = read;
  if (refreshFrom !== undefined) checkRefreshTable(refreshFrom, table, data, pins.exposurePins);
  // When --media exposure pairs the columns itself (no config, or one mapping none): say which (the fit refuses when none is found).
  if (byNameExposure(run, flags)) io.stderr.write(pairedExposureNote(table.channels, resolved.controls));
  const warnings = [...(sourced?.warnings ?? []), ...read.warnings];
  const window = windowRows(table.dates, dates.start, dates.end);
  const n = window.end - window.start;
  if (n < MIN_PERIODS_HARD) {
    throw new UsageError(`--start/--end leave ${n} periods (${table.dates[0]} … ${table.dates[table.dates.length - 1]} in the file); at least ${MIN_PERIODS_HARD} are needed`, 'fit');
  }
  const holdout = flags.holdout ?? run?.holdout ?? 0;
  if (n - holdout < MIN_PERIODS_HARD) throw new UsageError(holdoutMessage(flags, holdout, n, table.dates.slice(window.start, window.end)), 'fit');
  // Read against the fitted rows, so a test the fit could not use is reported at its row.
  const fitted = fittedRows({ window, holdout });
  // Before the fit: a channel constant over the fitted rows cannot be attributed (and breaks the QP).
  if (table.panel !== undefined) checkPanelSupport(resolved.organic ?? [], geo?.flag ?? '--geo');
  const flat = spendVariationIssues(table, fitted, data, modelledOnExposure(table.channels, { flag: flags.media, model: run?.model.media, channels: run?.channels }));
  if (flat.length > 0) throw new DataError(flat);
  const liftTests = flags.liftTests !== undefined
    ? liftTestsFromCsv(readCsvFile(resolve(io.cwd, flags.liftTests), { name: flags.liftTests }), {
      channels: table.channels.map((c) => c.name), dates: table.dates, fitted, spend: new Map(table.channels.map((c) => [c.name, c.spend])),
      organic: (table.organic ?? []).map((o) => o.name),
      ...(table.panel === undefined ? {} : { geos: table.panel.geos, geoSpend: new Map(table.channels.map((c, k) => [c.name, table.panel!.spend[k]])) }),
    })
    : run !== undefined && run.liftTests.length > 0 ? run.liftTests : undefined;
  await mkdir(outDir, { recursive: true });
  // Built from sources with geos: geo.json (KPI by geography), which the run's report maps. It is written
  // (or an earlier run's removed) with the run's other files, so a failed or killed fit leaves the old map.
  const geoKpi = table.panel !== undefined
    ? panelGeoBreakdown(table, window)
    : await runGeoBreakdown(sourced === undefined ? undefined : loaded, table.dates.slice(window.start, window.end), target);
  const refreshed = refreshFrom === undefined ? undefined : refreshSpec(refreshFrom, table, window, flags, holdout);
  const result = await deps.runFit(table, {
    dataPath: data,
    outDir,
    method,
    ...(bayes !== undefined ? { bayes } : {}),
    seed: flags.seed ?? run?.search.seed,
    iterations: flags.iterations ?? run?.search.iterations,
    posteriorIterations: flags.posteriorIterations ?? run?.search.posterior,
    holdout: flags.holdout ?? run?.holdout,
    window,
    configPath,
    configSpec: run === undefined ? refreshed?.spec : refreshed === undefined ? configSpec(run, table) : configOverRefresh(run, table, refreshed.spec),
    ...(refreshFrom === undefined || refreshed === undefined ? {} : { refresh: { source: refreshFrom, record: refreshed.record, out: flags.out, names: refreshed.names, warnings: refreshWindowWarnings(refreshFrom, table.dates.slice(window.start, window.end), data) } }),
    workers: flags.workers ?? availableParallelism(),
    liftTests,
    model: { adstock: flags.adstock, maxLag: flags.maxLag, saturation: flags.saturation, seasonality: flags.seasonality, changepoints: flags.changepoints, roiPrior: noneAsNull(flags.roiPrior), media: flags.media },
    json: flags.json === true,
    money: moneyOf(flags, mergeMoney(run?.money, refreshFrom?.run.model.money)),
    roles: resolved,
    warnings,
    ...(geoKpi !== undefined ? { geo: geoKpi } : {}),
    // The change log is staged with the run; without one an earlier fit's goes in the same swap (it would
    // claim these data were cleaned), as do per-geo results of a geo-level fit when this one is national.
    ...(cleaning !== undefined ? { cleaning } : {}),
  }, io);
  // Likewise a datamart table left by a fit from `sources:` when this one reads a data file (unless it is that file).
  if (sourced === undefined && resolve(io.cwd, data) !== join(outDir, SOURCES_TABLE_FILE)) await removeStale(outDir, [SOURCES_TABLE_FILE], 'fit', io);
  if (geoKpi !== undefined) io.stderr.write(`geo: KPI by geography written to ${join(outDir, GEO_FILE)}\n`);
  return result;
}

/** The run with --start/--end (when given) as its window, so the sources build checks the spend against the window used. */
function flagWindow(run: ConfigRun, flags: FitFlags): ConfigRun {
  if (flags.start === undefined && flags.end === undefined) return run;
  return { ...run, window: { start: flags.start ?? run.window?.start, end: flags.end ?? run.window?.end } };
}

/**
 * Reads the table as a config describes it (readCheckedTable with the config: cleaning, every validation
 * rule, then tableFromConfig). Config values that a flag overrides (holdout, window, lift tests) are not
 * checked against the data, nor is the config's holdout against a window of --start/--end: fitAction
 * checks the holdout against the window that is used, whatever gave them.
 * @throws DataError with the data's and the config's issues
 */
function readConfigTable(data: string, roles: TableRoles, loaded: LoadedConfig, run: ConfigRun, flags: FitFlags,
  steps: readonly CleaningStep[], io: CliIo, window: { start?: string; end?: string }, beforeChecks: (r: ReadOutcome) => void, geo: GeoOption | undefined,
  pins: { exposurePins?: Readonly<Record<string, string>> }): CheckedTableResult {
  const flagWindow = flags.start !== undefined || flags.end !== undefined;
  const checked: ConfigRun = {
    ...run,
    holdout: flags.holdout === undefined && !flagWindow ? run.holdout : undefined,
    window: flagWindow ? undefined : run.window,
    liftTests: flags.liftTests === undefined ? run.liftTests : [],
    // --media overrides model.media and each channel's media:, so the UNUSED_COLUMNS warning names the right exposure columns.
    ...(flags.media === undefined ? {} : { model: { ...run.model, media: flags.media }, channels: run.channels.map(({ media: _m, ...c }) => c) }),
  };
  // A config that maps no exposure column, modelled on exposure: pair by name as without a config (explicit mappings stay
  // authoritative); a refresh of a run on exposure pairs the previous run's columns (pins).
  const pairExposure = byNameExposure(run, flags) || pins.exposurePins !== undefined;
  return readCheckedTable(resolve(io.cwd, data), roles, io, { name: data, steps, hints: 'both', config: { loaded, run: checked }, window, beforeChecks, pairExposure, ...pins, ...(geo === undefined ? {} : { geo }) });
}

/** Whether media exposure is asked for (--media or model.media) and the config maps no `exposure:` column, so columns are paired by name. */
function byNameExposure(run: ConfigRun | undefined, flags: FitFlags): boolean {
  if (run === undefined) return flags.media === 'exposure';
  return (flags.media ?? run.model.media) === 'exposure' && run.channels.every((c) => c.exposure === undefined);
}

/**
 * commander stores '' for an option whose parser returned null (`--roi-prior none`): make it the null
 * the engine reads as "no prior", so the spec and the Bayesian fit's record of its prior say none.
 * @example noneAsNull('' as never) // null
 */
export function noneAsNull<T>(value: T | null | undefined): T | null | undefined {
  return (value as unknown) === '' ? null : value;
}
