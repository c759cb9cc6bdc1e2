import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseCsvText } from '../read/read-csv.ts';
import { INSERTED_ROW } from './change.ts';
import { fillGaps } from './steps/fill-gaps.ts';
import { isInsertedRow, rowIssuePlace, rowName } from './inserted-rows.ts';

const roles = { date: 'date', spend: ['tv_spend'], controls: ['price'], events: [] };

test('rowName / rowIssuePlace: a file row by its line; a period fill_gaps inserted by its date, without a row', () => {
  const weekly = fillGaps(parseCsvText('date,tv_spend,price\n2024-01-01,10,1\n2024-01-15,30,4\n', 'd.csv'), { roles, frequency: 'weekly' }).table;
  assert.deepEqual(weekly.rowNumbers, [2, INSERTED_ROW, 3]);
  assert.deepEqual([isInsertedRow(weekly, 0), isInsertedRow(weekly, 1)], [false, true]);
  assert.equal(rowName(weekly, 2), 'row 3');
  assert.equal(rowName(weekly, 1), 'the week 2024-01-08 that fill_gaps inserted (it is not in the file)');
  assert.deepEqual(rowIssuePlace(weekly, 0, 'price', 'bad'), { message: 'bad', at: { row: 2, column: 'price' } });
  assert.deepEqual(rowIssuePlace(weekly, 1, 'price', 'the control value is empty'),
    { message: 'in the week 2024-01-08 that fill_gaps inserted (it is not in the file): the control value is empty', at: { column: 'price' } });
  const daily = fillGaps(parseCsvText('date,tv_spend,price\n2024-01-01,10,1\n2024-01-02,10,1\n2024-01-04,30,4\n', 'd.csv'), { roles }).table;
  assert.equal(rowName(daily, 2), 'the day 2024-01-03 that fill_gaps inserted (it is not in the file)');
});
