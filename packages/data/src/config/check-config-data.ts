import type { ModelingTable } from '@mixwise/engine';
import { liftTestGeoProblem, liftTestSpendProblem, periodWord } from '@mixwise/engine';
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
 * names geos the fit cannot use (liftTestGeoProblem: the table's panel gives the geos).
 * @param loaded the config (for file name and lines)
 * @param run the config's settings (fields a command-line flag overrides should be left undefined)
 * @param table the modeling table (channel names as in the config)
 * @returns the issues, [] when the config fits the data
 * @example checkConfigData(loaded, run, table) // [] for a config written by `mixwise init` for the same file
 */
export function checkConfigData(loaded: LoadedConfig, run: ConfigRun, table: ModelingTable): ConfigIssue[] {
  const out: ConfigIssue[] = [];
  const fail = (path: PropertyKey[], key: string, message: string, hint: string): void => {
    out.push({ code: 'CONFIG_DATA_MISMATCH', severity: 'error', message: `${key}: ${message}`, hint, at: { file: loaded.file, row: loaded.lineOf(path) }, key });
  };
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
    const geo = liftTestGeoProblem(t, table.panel?.geos);
    if (geo !== undefined) fail([...path, 'geos'], `${key}.geos`, geo.message, geo.hint);
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
