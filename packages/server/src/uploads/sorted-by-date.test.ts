import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseCsvText } from '@mixwise/data';
import { sortedByDate } from './sorted-by-date.ts';

test('rows out of date order come back in date order with their file line numbers; sorted, dateless or unreadable tables come back as they are', () => {
  const csv = parseCsvText('date,y\n2024-01-08,2\n2024-01-01,1\n2024-01-15,3\n', 'd.csv');
  const sorted = sortedByDate(csv);
  assert.deepEqual(sorted.rows, [['2024-01-01', '1'], ['2024-01-08', '2'], ['2024-01-15', '3']]);
  assert.deepEqual(sorted.rowNumbers, [3, 2, 4]);
  assert.deepEqual(csv.rows[0], ['2024-01-08', '2'], 'the table read is not changed');
  const inOrder = parseCsvText('date,y\n2024-01-01,1\n2024-01-08,2\n', 'd.csv');
  assert.equal(sortedByDate(inOrder), inOrder);
  const noDate = parseCsvText('a,y\nx,1\nz,2\n', 'd.csv');
  assert.equal(sortedByDate(noDate), noDate);
  const unreadable = parseCsvText('date,y\n2024-01-08,2\nnot a date,1\n2024-01-01,3\n', 'd.csv');
  assert.equal(sortedByDate(unreadable), unreadable);
});
