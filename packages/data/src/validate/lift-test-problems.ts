import { liftTestCoversRows, type LiftTest } from '@mixwise/engine';
import type { DataIssueCode } from '../issue-codes.ts';

/** What a lift test is checked against: the model's channels and dates, and optionally the fitted rows. */
export interface LiftTestScope {
  /** The model's channel names (`tv` for `tv_spend`). */
  readonly channels: readonly string[];
  /** The data's dates [nTimes], ascending ISO. */
  readonly dates: readonly string[];
  /** The rows the model is fitted on, [start, end) (engine fittedRows); when given, a test must cover one of them. */
  readonly fitted?: { readonly start: number; readonly end: number };
}

/** A problem with one lift test, and the field it is about (the CSV column, or the JSON member). */
export interface LiftTestProblem {
  readonly code: DataIssueCode;
  readonly message: string;
  readonly hint: string;
  readonly field: 'channel' | 'start' | 'end' | 'measured_through';
}

/**
 * Checks one lift test's channel and dates against the model: a known channel, an end not before the
 * start, a test inside the data that contains at least one row date, a measurement end (`measuredThrough`, optional) on or after the
 * test's end and inside the data, and (with `scope.fitted`) at least one period among the fitted
 * rows, the engine's own condition (liftTestCoversRows). The lift-test CSV reader and the server's
 * check of a fit request share these rules, so a file and a request are judged alike.
 * @param test the channel and ISO dates; a date left undefined could not be read, and the checks that need it are skipped
 * @param scope channels, dates and optionally the fitted rows
 * @returns the problems found (empty when the test can calibrate the model)
 * @example liftTestProblems({ channel: 'radio', start: '2024-01-08', end: '2024-01-15' }, { channels: ['tv'], dates })[0].code // 'LIFT_TEST_CHANNEL'
 */
export function liftTestProblems(test: { channel: string; start?: string; end?: string; measuredThrough?: string }, scope: LiftTestScope): LiftTestProblem[] {
  const problems: LiftTestProblem[] = [];
  const { channels, dates, fitted } = scope;
  if (!channels.includes(test.channel)) {
    problems.push({ code: 'LIFT_TEST_CHANNEL', field: 'channel', message: `lift test for unknown channel "${test.channel}"`, hint: `use one of the model's channels: ${channels.join(', ')}` });
  }
  const { start, end } = test;
  if (start === undefined || end === undefined) return problems;
  const range = (message: string, hint: string, field: LiftTestProblem['field'] = 'start'): void => {
    problems.push({ code: 'LIFT_TEST_RANGE', field, message, hint });
  };
  if (end < start) {
    range(`the test ends (${end}) before it starts (${start})`, 'swap start and end', 'end');
  } else if (end < dates[0] || start > dates[dates.length - 1]) {
    range(`the test (${start} … ${end}) lies outside the data (${dates[0]} … ${dates[dates.length - 1]})`, 'only tests inside the modeled period can calibrate the model');
  } else if (start < dates[0] || end > dates[dates.length - 1]) {
    // The model knows the channel's spend only inside the data, so it cannot say what a longer test measured.
    range(`the test (${start} … ${end}) reaches outside the data (${dates[0]} … ${dates[dates.length - 1]})`,
      'give only tests whose dates lie inside the data (the measured lift must be for those dates alone), or extend the data', start < dates[0] ? 'start' : 'end');
  } else if (!dates.some((d) => d >= start && d <= end)) {
    range(`the test (${start} … ${end}) contains no period of the data: no row is dated between its start and end`,
      'periods are identified by their first date: widen the test to include one (weekly data: a test needs at least one row date inside it)');
  } else if (fitted !== undefined && fitted.end > fitted.start && !liftTestCoversRows(dates, { start, end } satisfies Pick<LiftTest, 'start' | 'end'>, fitted)) {
    range(`the test (${start} … ${end}) has no period inside the fitted rows (${dates[fitted.start]} … ${dates[fitted.end - 1]})`,
      'a test can only calibrate the periods the model is fitted on: shorten the holdout or widen the modeling window, or drop the test');
  }
  const through = test.measuredThrough;
  if (through !== undefined && end >= start) {
    const last = dates[dates.length - 1];
    if (through < end) {
      range(`the lift is measured through ${through}, before the test ends (${end})`, 'give the last date the lift was measured over (on or after the end), or leave it empty for the end', 'measured_through');
    } else if (through > last) {
      range(`the lift is measured through ${through}, after the last date of the data (${last})`,
        'the model can only predict periods it has spend for: give a date on or before the last date, with the lift measured up to it', 'measured_through');
    }
  }
  return problems;
}
