import type { LiftTest } from './model-spec.ts';

/**
 * The table rows a lift test covers: [startRow, endRow), from the first row dated on or after its
 * start to the last row dated on or before its end (dates are ISO strings, so they compare as text).
 * @param dates the table's dates [nTimes], ascending
 * @param test the lift test's inclusive start and end dates
 * @example liftTestRows(['2024-01-01', '2024-01-08', '2024-01-15'], { start: '2024-01-02', end: '2024-01-15' }) // { startRow: 1, endRow: 3 }
 */
export function liftTestRows(dates: readonly string[], test: Pick<LiftTest, 'start' | 'end'>): { startRow: number; endRow: number } {
  let startRow = 0;
  while (startRow < dates.length && dates[startRow] < test.start) startRow++;
  let endRow = startRow;
  while (endRow < dates.length && dates[endRow] <= test.end) endRow++;
  return { startRow, endRow };
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
