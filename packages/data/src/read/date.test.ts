import { test } from 'node:test';
import assert from 'node:assert/strict';
import { daysFromIso, daysInMonth, isoFromDays, looksLikeDate, parseDate } from './date.ts';

// Day numbers from python3: (datetime.date(Y, M, D) - datetime.date(1970, 1, 1)).days
// 2024-03-05 -> 19787, 2024-01-01 -> 19723, 1999-12-31 -> 10956, 2024-02-29 -> 19782

test('parses ISO and slashed year-first dates to UTC day numbers', () => {
  assert.deepEqual(parseDate('2024-03-05'), { ok: true, iso: '2024-03-05', days: 19787 });
  assert.deepEqual(parseDate('2024/3/5'), { ok: true, iso: '2024-03-05', days: 19787 });
  assert.deepEqual(parseDate(' 1999-12-31 '), { ok: true, iso: '1999-12-31', days: 10956 });
  assert.deepEqual(parseDate('2024-02-29'), { ok: true, iso: '2024-02-29', days: 19782 });
});

test('accepts a midnight time as pandas writes it, and nothing else', () => {
  assert.equal(parseDate('2024-01-01 00:00:00').ok, true);
  assert.equal(parseDate('2024-01-01T00:00:00Z').ok, true);
  assert.equal(parseDate('2024-01-01T00:00:00.000+00:00').ok, true);
  assert.deepEqual(parseDate('2024-01-01 13:00:00'), { ok: false, reason: 'unrecognized' });
});

test('rejects day-first / month-first dates as ambiguous', () => {
  assert.deepEqual(parseDate('05/03/2024'), { ok: false, reason: 'ambiguous' });
  assert.deepEqual(parseDate('31/12/2024'), { ok: false, reason: 'ambiguous' });
  assert.deepEqual(parseDate('3.5.24'), { ok: false, reason: 'ambiguous' });
  assert.equal(looksLikeDate('05/03/2024'), true);
});

test('rejects impossible dates, empty cells and text', () => {
  assert.deepEqual(parseDate('2021-02-29'), { ok: false, reason: 'invalid' });
  assert.deepEqual(parseDate('2021-13-01'), { ok: false, reason: 'invalid' });
  assert.deepEqual(parseDate('2021-04-31'), { ok: false, reason: 'invalid' });
  assert.deepEqual(parseDate(''), { ok: false, reason: 'empty' });
  assert.deepEqual(parseDate('last week'), { ok: false, reason: 'unrecognized' });
  assert.deepEqual(parseDate('20240101'), { ok: false, reason: 'unrecognized' });
  assert.equal(looksLikeDate('1234'), false);
});

test('day numbers and ISO strings convert both ways', () => {
  assert.equal(daysFromIso('2024-01-01'), 19723);
  assert.equal(isoFromDays(19723), '2024-01-01');
  assert.equal(isoFromDays(0), '1970-01-01');
  for (let d = 19000; d < 19800; d += 37) assert.equal(daysFromIso(isoFromDays(d)), d);
  assert.equal(daysInMonth(2024, 2), 29);
  assert.equal(daysInMonth(2023, 2), 28);
  assert.equal(daysInMonth(1900, 2), 28);
  assert.equal(daysInMonth(2000, 2), 29);
});
