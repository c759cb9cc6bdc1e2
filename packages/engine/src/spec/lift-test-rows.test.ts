import { test } from 'node:test';
import assert from 'node:assert/strict';
import { liftTestCoversRows, liftTestRows } from './lift-test-rows.ts';
import { fittedRows } from './fitted-rows.ts';

const weeks = ['2024-01-01', '2024-01-08', '2024-01-15', '2024-01-22', '2024-01-29'];

test('rows dated from the start to the end, both inclusive, on weekly dates', () => {
  assert.deepEqual(liftTestRows(weeks, { start: '2024-01-08', end: '2024-01-22' }), { startRow: 1, endRow: 4, measureEndRow: 4 });
  // Dates between weeks: the first week on or after the start, the last week on or before the end.
  assert.deepEqual(liftTestRows(weeks, { start: '2024-01-03', end: '2024-01-20' }), { startRow: 1, endRow: 3, measureEndRow: 3 });
  assert.deepEqual(liftTestRows(weeks, { start: '2024-01-15', end: '2024-01-15' }), { startRow: 2, endRow: 3, measureEndRow: 3 });
});

test('tests reaching past either end are cut to the data; a test between two dates covers no row', () => {
  assert.deepEqual(liftTestRows(weeks, { start: '2023-12-01', end: '2024-01-08' }), { startRow: 0, endRow: 2, measureEndRow: 2 });
  assert.deepEqual(liftTestRows(weeks, { start: '2024-01-22', end: '2024-03-01' }), { startRow: 3, endRow: 5, measureEndRow: 5 });
  assert.deepEqual(liftTestRows(weeks, { start: '2024-01-09', end: '2024-01-14' }), { startRow: 2, endRow: 2, measureEndRow: 2 });
});

test('the measured rows run from the start to measuredThrough (default the end), cut to the data', () => {
  assert.deepEqual(liftTestRows(weeks, { start: '2024-01-08', end: '2024-01-15', measuredThrough: '2024-01-22' }), { startRow: 1, endRow: 3, measureEndRow: 4 });
  assert.deepEqual(liftTestRows(weeks, { start: '2024-01-08', end: '2024-01-15', measuredThrough: '2024-01-28' }), { startRow: 1, endRow: 3, measureEndRow: 4 });
  assert.deepEqual(liftTestRows(weeks, { start: '2024-01-08', end: '2024-01-15', measuredThrough: '2024-06-01' }), { startRow: 1, endRow: 3, measureEndRow: 5 });
});

test('a test covers the fitted rows when at least one of its rows is among them', () => {
  const fitted = { start: 1, end: 4 };
  assert.equal(liftTestCoversRows(weeks, { start: '2024-01-22', end: '2024-02-05' }, fitted), true);
  assert.equal(liftTestCoversRows(weeks, { start: '2024-01-29', end: '2024-02-05' }, fitted), false, 'only the held-out row');
  assert.equal(liftTestCoversRows(weeks, { start: '2023-12-01', end: '2024-01-01' }, fitted), false, 'only a warm-up row');
  assert.equal(liftTestCoversRows(weeks, { start: '2024-01-09', end: '2024-01-14' }, fitted), false, 'no row at all');
});

test('the fitted rows are the window without the holdout', () => {
  assert.deepEqual(fittedRows({ window: { start: 4, end: 156 }, holdout: 12 }), { start: 4, end: 144 });
});
