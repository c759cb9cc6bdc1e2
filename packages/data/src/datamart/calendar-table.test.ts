import { test } from 'node:test';
import assert from 'node:assert/strict';
import { holidayKinds } from '@mixwise/engine';
import { calendarTable, CALENDAR_HOLIDAYS } from './calendar-table.ts';
import { DataError } from '../issue.ts';

/** Weeks (by start date) in which a holiday flag is 1. */
function flagged(t: { columns: string[]; rows: (string | number)[][] }, name: string): string[] {
  const j = t.columns.indexOf(name);
  return t.rows.filter((r) => r[j] === 1).map((r) => String(r[0]));
}

test('calendar: Easter and Thanksgiving weeks match known dates (Monday weeks)', async () => {
  const t = await calendarTable('2019-01-01', '2025-12-31');
  // Easter Sundays: 2019-04-21, 2020-04-12, 2021-04-04, 2022-04-17, 2023-04-09, 2024-03-31, 2025-04-20
  // (published dates); Good Friday to Sunday lies in the Monday week that starts 6 days before Sunday.
  assert.deepEqual(flagged(t, 'easter'), ['2019-04-15', '2020-04-06', '2021-03-29', '2022-04-11', '2023-04-03', '2024-03-25', '2025-04-14']);
  // US Thanksgiving: 2019-11-28, 2020-11-26, 2021-11-25, 2022-11-24, 2023-11-23, 2024-11-28, 2025-11-27 (all Thursdays).
  assert.deepEqual(flagged(t, 'thanksgiving'), ['2019-11-25', '2020-11-23', '2021-11-22', '2022-11-21', '2023-11-20', '2024-11-25', '2025-11-24']);
  // Cyber Monday is the Monday after: the next week.
  assert.deepEqual(flagged(t, 'cyber_monday')[0], '2019-12-02');
  // New Year 2021-01-01 is a Friday: week of Monday 2020-12-28, which also has year_end.
  assert.ok(flagged(t, 'new_year').includes('2020-12-28') && flagged(t, 'year_end').includes('2020-12-28'));
  // 2019-01-01 is a Tuesday → first week starts Monday 2018-12-31; 2025-12-31 is a Wednesday → last week 2025-12-29.
  assert.equal(t.rows[0][0], '2018-12-31');
  assert.equal(t.rows.at(-1)?.[0], '2025-12-29');
  assert.equal(t.rows.length, 366); // (2025-12-29 − 2018-12-31) / 7 + 1 = 2555 / 7 + 1
});

test('calendar: Sunday weeks and the week_end column', async () => {
  const t = await calendarTable('2024-12-22', '2024-12-28', 'sunday');
  assert.deepEqual(t.rows.map((r) => r.slice(0, 3)), [['2024-12-22', '2024-12-28', 2024]]);
  assert.deepEqual(flagged(t, 'christmas'), ['2024-12-22']);
  assert.deepEqual(flagged(t, 'year_end'), ['2024-12-22']); // Dec 27–28 fall in it
  assert.deepEqual(flagged(t, 'easter'), []);
});

test('calendar: one flag column per engine holiday kind; a malformed date is a DataError', async () => {
  const t = await calendarTable('2024-01-01', '2024-01-07');
  assert.deepEqual(t.columns.slice(3), holidayKinds.map((k) => k.replace(/-/g, '_')));
  assert.deepEqual(CALENDAR_HOLIDAYS, t.columns.slice(3));
  await assert.rejects(() => calendarTable('2024-1-1', '2024-01-07'), (e: unknown) => e instanceof DataError && e.issues[0].code === 'INVALID_DATE');
});
