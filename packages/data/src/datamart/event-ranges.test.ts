import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DataError } from '../issue.ts';
import { parseCsvText } from '../read/read-csv.ts';
import { expandEventRanges, isEventRangeHeader } from './event-ranges.ts';

test('expandEventRanges: one line per day from start to end, both included, for event or name columns', () => {
  assert.equal(isEventRangeHeader(['name', 'start', 'end']), true);
  assert.equal(isEventRangeHeader(['date', 'event']), false);
  const csv = parseCsvText('name,start,end\nblack_friday,2021-11-26,2021-11-28\nday_one,2022-01-01,2022-01-01\n', 'promo.csv');
  assert.equal(expandEventRanges(csv), 'date,event\n2021-11-26,black_friday\n2021-11-27,black_friday\n2021-11-28,black_friday\n2022-01-01,day_one\n');
});

test('expandEventRanges: every bad cell at once, at its line and column (the file\'s own header through a mapping)', () => {
  const csv = parseCsvText('event,start,end\n,2021-11-26,2021-11-28\nsale,2021-13-01,2021-11-28\nsale,2021-12-05,2021-12-01\nsale,2021-01-01,2031-01-01\nsale,2021-01-01,\n', 'promo.csv');
  assert.throws(() => expandEventRanges(csv, (c) => (c === 'event' ? 'promo' : c)), (err: unknown) => {
    assert.ok(err instanceof DataError);
    assert.deepEqual(err.issues.map((i) => [i.code, i.at.row, i.at.column]), [
      ['EMPTY_CELL', 2, 'promo'], ['INVALID_DATE', 3, 'start'], ['INVALID_DATE', 4, 'end'], ['INVALID_DATE', 5, 'end'], ['EMPTY_CELL', 6, 'end'],
    ]);
    assert.match(err.issues[2].message, /ends \(2021-12-01\) before it starts \(2021-12-05\)/);
    assert.match(err.issues[3].message, /lasts 3653 days .* probably a mistyped year/);
    return true;
  });
  assert.throws(() => expandEventRanges(parseCsvText('promo,start,end\nx,2021-01-01,2021-01-02\n', 'p.csv')), /no column naming the event/);
});
