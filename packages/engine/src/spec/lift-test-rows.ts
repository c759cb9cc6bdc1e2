import type { LiftTest } from './model-spec.ts';

/**
 * The table rows of a lift test: its test periods [startRow, endRow), from the first row dated on or
 * after its start to the last row dated on or before its end, and the rows it was measured over,
 * [startRow, measureEndRow), up to the last row dated on or before `measuredThrough` (default: the
 * end, so measureEndRow = endRow). Dates are ISO strings, so they compare as text.
 * @param dates the table's dates [nTimes], ascending
 * @param test the lift test's inclusive start, end and optional measuredThrough dates
 * @example liftTestRows(['2024-01-01', '2024-01-08', '2024-01-15'], { start: '2024-01-02', end: '2024-01-08' }) // { startRow: 1, endRow: 2, measureEndRow: 2 }
 */
export function liftTestRows(dates: readonly string[], test: Pick<LiftTest, 'start' | 'end' | 'measuredThrough'>): { startRow: number; endRow: number; measureEndRow: number } {
  let startRow = 0;
  while (startRow < dates.length && dates[startRow] < test.start) startRow++;
  let endRow = startRow;
  while (endRow < dates.length && dates[endRow] <= test.end) endRow++;
  let measureEndRow = endRow;
  const through = test.measuredThrough ?? test.end;
  while (measureEndRow < dates.length && dates[measureEndRow] <= through) measureEndRow++;
  return { startRow, endRow, measureEndRow };
}

/**
 * Whether a lift test covers at least one of the rows [rows.start, rows.end) (e.g. the fitted rows, see
 * fittedRows). A test with none cannot calibrate the model: its predicted lift would not depend on the
 * fit, so the engine refuses it and the CLI and server report it before fitting.
 * @param dates the table's dates [nTimes], ascending
 * @param test the lift test's inclusive start and end dates
 * @param rows the row range to look in
 * @example liftTestCoversRows(['2024-01-01', '2024-01-08'], { start: '2024-01-08', end: '2024-01-08' }, { start: 0, end: 1 }) // false
 */
export function liftTestCoversRows(dates: readonly string[], test: Pick<LiftTest, 'start' | 'end'>, rows: { start: number; end: number }): boolean {
  const { startRow, endRow } = liftTestRows(dates, test);
  return Math.max(startRow, rows.start) < Math.min(endRow, rows.end);
}
