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
