import { test } from 'node:test';
import assert from 'node:assert/strict';
import { raggedLineDate } from './ragged-line-date.ts';

const FIRST = ['date', 'sales', 'tv_spend'];
const LAST = ['sales', 'tv_spend', 'date'];
const MIDDLE = ['sales', 'date', 'tv_spend'];

test('raggedLineDate: the date is read whether the missing or extra field comes before or after it', () => {
  assert.deepEqual(raggedLineDate(['2024-10-07', '1'], FIRST, 'date'), { ok: true, iso: '2024-10-07' }, 'missing after, date first');
  assert.deepEqual(raggedLineDate(['2024-10-07', '1', '2', '3'], FIRST, 'date'), { ok: true, iso: '2024-10-07' }, 'extra after, date first');
  assert.deepEqual(raggedLineDate(['1', '2024-10-07'], LAST, 'date'), { ok: true, iso: '2024-10-07' }, 'missing before, date last');
  assert.deepEqual(raggedLineDate(['1', '2', '3', '2024-10-07'], LAST, 'date'), { ok: true, iso: '2024-10-07' }, 'extra before, date last');
  assert.deepEqual(raggedLineDate(['2024-10-07', '1'], MIDDLE, 'date'), { ok: true, iso: '2024-10-07' }, 'missing before, date in the middle');
  assert.deepEqual(raggedLineDate(['1', '2024/10/7', '2', '3'], MIDDLE, 'date'), { ok: true, iso: '2024-10-07' }, 'extra after, date in the middle');
});

test('raggedLineDate: no date where it could be, or two different ones, cannot be told, and the reason names the fields', () => {
  assert.deepEqual(raggedLineDate(['later', '1'], FIRST, 'date'),
    { ok: false, why: 'the date column "date" is field 1 of 3, so on this line its date is in field 1, and it holds no date' });
  assert.deepEqual(raggedLineDate(['1', '2'], LAST, 'date'),
    { ok: false, why: 'the date column "date" is field 3 of 3, so on this line its date is in field 2, and it holds no date' }, 'a line too short to reach the date');
  assert.deepEqual(raggedLineDate(['1', '2024-01-01', '2024-02-05', '3'], MIDDLE, 'date'),
    { ok: false, why: 'the date column "date" is field 2 of 3, so on this line its date is in one of fields 2–3, and these hold different dates (field 2: 2024-01-01, field 3: 2024-02-05)' });
  assert.deepEqual(raggedLineDate(['2024-01-01', '2024-01-01', '1', '2'], FIRST, 'date'), { ok: true, iso: '2024-01-01' }, 'the same date twice is that date');
});
