import type { ModelingTable } from '@mixwise/engine';
import { liftTestGeoProblem, liftTestGeoSpend, liftTestSpendProblem, periodWord } from '@mixwise/engine';
import { MIN_PERIODS_HARD } from '../build/minimum-periods.ts';
import type { ConfigIssue } from './config-issues.ts';
import type { ConfigRun } from './config-to-run.ts';
import type { LoadedConfig } from './load-config.ts';
import { windowRows } from './config-to-run.ts';
import { organicLiftTestProblem } from '../validate/lift-test-problems.ts';

/**
 * Checks a config against the table built from its data, each finding located at the config key it
 * concerns (code CONFIG_DATA_MISMATCH, severity error): `granularity` differs from the detected
 * frequency; the `window` holds fewer than MIN_PERIODS_HARD (12) periods; `holdout` leaves fewer
 * than 12 periods of the window to fit; a lift test names a channel the table does not have, lies
 * outside the data's dates, is for a channel that spent nothing on its dates (liftTestSpendProblem), or
 * names geos the fit cannot use (liftTestGeoProblem: the table's panel gives the geos), or whose geos spent nothing.
 * @param loaded the config (for file name and lines)
 * @param run the config's settings (fields a command-line flag overrides should be left undefined)
 * @param table the modeling table (channel names as in the config)
 * @param options panelLater: the table is the national roll-up of a geo panel not yet built, so the tests naming
 *   geos are left to checkConfigGeoTests on the panel's table
 * @returns the issues, [] when the config fits the data
 * @example checkConfigData(loaded, run, table) // [] for a config written by `mixwise init` for the same file
 */
export function checkConfigData(loaded: LoadedConfig, run: ConfigRun, table: ModelingTable, options: { panelLater?: boolean } = {}): ConfigIssue[] {
  const out: ConfigIssue[] = [];
  const fail = failer(loaded, out);
  const { dates } = table;
  const span = `${dates[0]} … ${dates[dates.length - 1]}`;
  if (run.granularity !== undefined && run.granularity !== table.frequency) {
    fail(['granularity'], 'granularity', `the config says ${run.granularity} but the data is ${table.frequency}`,
      `set granularity: ${table.frequency}, or give data with one row per ${periodWord(run.granularity)}`);
  }
  const w = windowRows(dates, run.window?.start, run.window?.end);
  const n = w.end - w.start;
  if (run.window !== undefined && n < MIN_PERIODS_HARD) out.push(configWindowIssue(loaded, n, span));
  if (run.holdout !== undefined && n >= MIN_PERIODS_HARD && n - run.holdout < MIN_PERIODS_HARD) {
    fail(['holdout'], 'holdout', `holding out ${run.holdout} periods leaves ${n - run.holdout} of ${n} to fit; at least ${MIN_PERIODS_HARD} are needed`,
      `use a holdout of at most ${n - MIN_PERIODS_HARD}`);
  }
  const names = table.channels.map((c) => c.name);
  run.liftTests.forEach((t, i) => {
    const path = ['calibration', 'lift_tests', i];
    const key = `calibration.lift_tests[${i}]`;
    if (!names.includes(t.channel) && (table.organic ?? []).some((o) => o.name === t.channel)) {
      const { message, hint } = organicLiftTestProblem(t.channel);
      fail([...path, 'channel'], `${key}.channel`, message, hint);
    } else if (!names.includes(t.channel)) {
      fail([...path, 'channel'], `${key}.channel`, `lift test for channel "${t.channel}", which is not in the data`, `use one of the model's channels: ${names.join(', ')}`);
    }
    if (t.geos !== undefined) {
      if (options.panelLater !== true) out.push(...geoTestIssues(loaded, t, i, table));
      return;
    }
    if (t.end < dates[0] || t.start > dates[dates.length - 1]) {
      fail([...path, 'start'], `${key}.start`, `the test (${t.start} … ${t.end}) lies outside the data (${span})`, 'only tests inside the modeled period can calibrate the model');
    } else {
      const spend = table.channels.find((c) => c.name === t.channel)?.spend;
      const p = spend === undefined ? undefined : liftTestSpendProblem(t, dates, spend);
      if (p !== undefined) fail([...path, 'start'], `${key}.start`, p.message, p.hint);
    }
  });
  return out;
}

/**
 * Checks the config's lift tests that name geos against the geo panel's table (checkConfigData leaves them
 * with panelLater): the geos must be the panel's (liftTestGeoProblem), the test must lie inside the data, and
 * the channel must have spent something in those geos on its dates (the sum of their spend, as the fit judges it).
 * @param loaded the config (for file name and lines)
 * @param run the config's settings
 * @param table the panel's modeling table (table.panel set for a geo fit; without it a geo test is refused as national)
 * @returns the issues (CONFIG_DATA_MISMATCH at the test's key), [] when every geo test fits the panel
 * @example checkConfigGeoTests(loaded, run, panelTable) // [] when each test's geos are the panel's and spent in its window
 */
export function checkConfigGeoTests(loaded: LoadedConfig, run: ConfigRun, table: ModelingTable): ConfigIssue[] {
  return run.liftTests.flatMap((t, i) => (t.geos === undefined ? [] : geoTestIssues(loaded, t, i, table)));
}

/** The issues of config lift test i, which names geos, against the table's panel. */
function geoTestIssues(loaded: LoadedConfig, t: ConfigRun['liftTests'][number], i: number, table: ModelingTable): ConfigIssue[] {
  const out: ConfigIssue[] = [];
  const fail = failer(loaded, out);
  const path = ['calibration', 'lift_tests', i];
  const key = `calibration.lift_tests[${i}]`;
  const geo = liftTestGeoProblem(t, table.panel?.geos);
  if (geo !== undefined) {
    fail([...path, 'geos'], `${key}.geos`, geo.message, geo.hint);
    return out;
  }
  const { dates, panel } = table;
  if (t.end < dates[0] || t.start > dates[dates.length - 1]) {
    fail([...path, 'start'], `${key}.start`, `the test (${t.start} … ${t.end}) lies outside the data (${dates[0]} … ${dates[dates.length - 1]})`, 'only tests inside the modeled period can calibrate the model');
    return out;
  }
  const c = table.channels.findIndex((x) => x.name === t.channel);
  if (c < 0 || panel === undefined || t.geos === undefined) return out;
  const p = liftTestSpendProblem(t, dates, liftTestGeoSpend(panel.spend[c], t.geos.map((g) => panel.geos.indexOf(g))));
  if (p !== undefined) fail([...path, 'start'], `${key}.start`, `${p.message} in ${t.geos.join(', ')}`, p.hint);
  return out;
}

/** A function adding a CONFIG_DATA_MISMATCH error at a config key to `out`. */
function failer(loaded: LoadedConfig, out: ConfigIssue[]): (path: PropertyKey[], key: string, message: string, hint: string) => void {
  return (path, key, message, hint) => {
    out.push({ code: 'CONFIG_DATA_MISMATCH', severity: 'error', message: `${key}: ${message}`, hint, at: { file: loaded.file, row: loaded.lineOf(path) }, key });
  };
}

/**
 * The CONFIG_DATA_MISMATCH error of a config `window` that leaves fewer than MIN_PERIODS_HARD periods.
 * @param loaded the config (for its file and the window's line)
 * @param periods the periods the window leaves
 * @param span the data's dates, "first … last"
 * @example configWindowIssue(loaded, 6, '2022-01-03 … 2024-12-23').message // 'window: the window leaves 6 periods of the data (2022-01-03 … 2024-12-23); at least 12 are needed'
 */
export function configWindowIssue(loaded: LoadedConfig, periods: number, span: string): ConfigIssue {
  return { code: 'CONFIG_DATA_MISMATCH', severity: 'error', message: `window: the window leaves ${periods} periods of the data (${span}); at least ${MIN_PERIODS_HARD} are needed`,
    hint: 'widen the window or remove it to use every row', at: { file: loaded.file, row: loaded.lineOf(['window']) }, key: 'window' };
}
