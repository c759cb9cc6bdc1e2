import type { LiftTest } from './model-spec.ts';
import { liftTestCoversRows } from './lift-test-rows.ts';

/** Why a lift test's dates cannot calibrate a model, and which date is at fault. */
export interface LiftTestDateProblem {
  readonly message: string;
  readonly hint: string;
  readonly field: 'start' | 'end' | 'measured_through';
}

/**
 * The date rules a lift test must meet to calibrate a model, in one place for the engine (which
 * refuses such tests), the lift-test CSV reader and the server: an end not before the start; the test
 * inside the data (the model knows the channel's spend only there, so it cannot say what a longer test
 * measured) and containing at least one row date; with `fitted`, at least one period among the fitted
 * rows (liftTestCoversRows); and an optional `measuredThrough` on or after the end and on or before
 * the last date. The first failing rule of start/end is reported, then any measuredThrough problem.
 * @param test the test's ISO dates
 * @param dates the data's dates [nTimes], ascending ISO
 * @param fitted the rows the model is fitted on, [start, end) (fittedRows), when known
 * @returns the problems (empty when the dates are fine)
 * @example liftTestDateProblems({ start: '2024-02-01', end: '2024-01-01' }, dates)[0].field // 'end'
 */
export function liftTestDateProblems(test: Pick<LiftTest, 'start' | 'end' | 'measuredThrough'>, dates: readonly string[], fitted?: { readonly start: number; readonly end: number }): LiftTestDateProblem[] {
  const problems: LiftTestDateProblem[] = [];
  const { start, end } = test;
  const first = dates[0], last = dates[dates.length - 1];
  const add = (message: string, hint: string, field: LiftTestDateProblem['field'] = 'start'): void => { problems.push({ message, hint, field }); };
  if (end < start) {
    add(`the test ends (${end}) before it starts (${start})`, 'swap start and end', 'end');
  } else if (end < first || start > last) {
    add(`the test (${start} … ${end}) lies outside the data (${first} … ${last})`, 'only tests inside the modeled period can calibrate the model');
  } else if (start < first || end > last) {
    add(`the test (${start} … ${end}) reaches outside the data (${first} … ${last})`,
      'give only tests whose dates lie inside the data (the measured lift must be for those dates alone), or extend the data', start < first ? 'start' : 'end');
  } else if (!dates.some((d) => d >= start && d <= end)) {
    add(`the test (${start} … ${end}) contains no period of the data: no row is dated between its start and end`,
      'periods are identified by their first date: widen the test to include one (weekly data: a test needs at least one row date inside it)');
  } else if (fitted !== undefined && fitted.end > fitted.start && !liftTestCoversRows(dates, { start, end }, fitted)) {
    add(`the test (${start} … ${end}) has no period inside the fitted rows (${dates[fitted.start]} … ${dates[fitted.end - 1]})`,
      'a test can only calibrate the periods the model is fitted on: shorten the holdout or widen the modeling window, or drop the test');
  }
  const through = test.measuredThrough;
  if (through !== undefined && end >= start) {
    if (through < end) {
      add(`the lift is measured through ${through}, before the test ends (${end})`, 'give the last date the lift was measured over (on or after the end), or leave it empty for the end', 'measured_through');
    } else if (through > last) {
      add(`the lift is measured through ${through}, after the last date of the data (${last})`,
        'the model can only predict periods it has spend for: give a date on or before the last date, with the lift measured up to it', 'measured_through');
    }
  }
  return problems;
}
