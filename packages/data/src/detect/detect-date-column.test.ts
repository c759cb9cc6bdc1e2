import { test } from 'node:test';
import assert from 'node:assert/strict';
import { detectDateColumn, namedDateColumn } from './detect-date-column.ts';

test('prefers a date-named column whose values look like dates', () => {
  assert.equal(detectDateColumn(['DATE', 'revenue'], [['2020-01-06', '5']]), 'DATE');
  assert.equal(detectDateColumn(['y', 'time'], [['1', '2021-01-25']]), 'time');
  assert.equal(detectDateColumn(['y', 'date_week'], [['1', '2018-04-02']]), 'date_week');
  assert.equal(detectDateColumn(['x', 'wk_strt_dt'], [['1', '2014-08-03']]), 'wk_strt_dt');
});

test('a date-named column of non-dates is passed over for a column of dates', () => {
  assert.equal(detectDateColumn(['day', 'when'], [['1', '2024-01-01'], ['2', '2024-01-02']]), 'when');
});

test('falls back to the first column whose values are all dates (ambiguous ones included)', () => {
  assert.equal(detectDateColumn(['Datum', 'y'], [['2023-01-02', '1'], ['', '2']]), 'Datum');
  assert.equal(detectDateColumn(['periodo', 'y'], [['02/01/2023', '1']]), 'periodo');
});

test('undefined when nothing looks like dates', () => {
  assert.equal(detectDateColumn(['a', 'b'], [['1', 'x']]), undefined);
  assert.equal(detectDateColumn(['date'], [['']]), undefined);
});

test('a date-named column of Excel serials, yyyymmdd or offset times is still the date column (its error names the form)', () => {
  assert.equal(detectDateColumn(['date', 'revenue'], [['44564', '5'], ['44571', '6']]), 'date');
  assert.equal(detectDateColumn(['week', 'revenue'], [['20220103', '5'], ['20220110', '6']]), 'week');
  assert.equal(detectDateColumn(['ds', 'y'], [['2022-01-03T00:00:00+02:00', '5']]), 'ds');
  // Not by content alone: a column of numbers without a date-like name is not taken for dates.
  assert.equal(detectDateColumn(['id', 'revenue'], [['44564', '5'], ['44571', '6']]), undefined);
});

test('namedDateColumn: the first column with values named like a date, whatever the values; none when no name is', () => {
  assert.equal(namedDateColumn(['y', 'time'], [['1', 'Jan 25, 2021']]), 'time');
  assert.equal(namedDateColumn(['order_date', 'week'], [['', '3']]), 'week');
  assert.equal(namedDateColumn(['when', 'y'], [['Jan 25, 2021', '1']]), undefined);
});
