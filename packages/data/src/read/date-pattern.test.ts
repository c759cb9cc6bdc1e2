import { test } from 'node:test';
import assert from 'node:assert/strict';
import { datePattern } from './date-pattern.ts';

test('datePattern: a UTC offset other than Z at midnight, with the date as written', () => {
  const p = datePattern('2022-01-03T00:00:00+02:00');
  assert.equal(p?.kind, 'utc-offset');
  assert.equal(p?.pattern, 'yyyy-mm-ddThh:mm:ss+hh:mm');
  assert.match(p?.reason ?? '', /UTC offset other than Z \(\+02:00\)/);
  assert.equal(p?.iso, '2022-01-03');
});

test('datePattern: a time of day other than midnight, with or without an offset', () => {
  const p = datePattern('2022-1-3 12:00:00');
  assert.equal(p?.kind, 'time-of-day');
  assert.equal(p?.pattern, 'yyyy-mm-dd hh:mm:ss');
  assert.match(p?.reason ?? '', /time of day other than midnight \(12:00:00\)/);
  assert.equal(p?.iso, '2022-01-03');
  assert.equal(datePattern('2022-01-03T08:30Z')?.kind, 'time-of-day');
});

test('datePattern: Excel serial day numbers in 20000–80000, converted from 1899-12-30', () => {
  assert.equal(datePattern('44564')?.kind, 'excel-serial');
  assert.equal(datePattern('44564')?.iso, '2022-01-03');
  assert.equal(datePattern('44564.5')?.pattern, 'Excel serial day numbers with a fraction');
  assert.equal(datePattern('12345'), undefined);
  assert.equal(datePattern('99999'), undefined);
});

test('datePattern: yyyymmdd only for a real date of 1900–2099; anything else is not recognised', () => {
  assert.deepEqual([datePattern('20220103')?.kind, datePattern('20220103')?.iso], ['compact', '2022-01-03']);
  assert.equal(datePattern('20220230'), undefined);
  assert.equal(datePattern('12345678'), undefined);
  assert.equal(datePattern('Jan 3 2022'), undefined);
  assert.equal(datePattern('2022-01-03'), undefined);
});
