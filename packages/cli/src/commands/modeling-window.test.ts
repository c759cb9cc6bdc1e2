import { test } from 'node:test';
import assert from 'node:assert/strict';
import { modelingWindow } from './fit.ts';
import { parseIsoDate } from './parse-options.ts';

const dates = ['2024-01-01', '2024-01-08', '2024-01-15', '2024-01-22'];

test('modelingWindow: whole table by default, inclusive bounds by date', () => {
  assert.deepEqual(modelingWindow(dates), { start: 0, end: 4 });
  assert.deepEqual(modelingWindow(dates, '2024-01-08', '2024-01-15'), { start: 1, end: 3 });
  assert.deepEqual(modelingWindow(dates, '2024-01-05', '2024-01-20'), { start: 1, end: 3 });
  assert.deepEqual(modelingWindow(dates, '2025-01-01'), { start: 4, end: 4 });
});

test('parseIsoDate accepts real dates only', () => {
  assert.equal(parseIsoDate(' 2024-02-29 '), '2024-02-29');
  assert.throws(() => parseIsoDate('2023-02-29'));
  assert.throws(() => parseIsoDate('01/02/2024'));
});
