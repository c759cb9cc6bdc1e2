import { test } from 'node:test';
import assert from 'node:assert/strict';
import { holidayEventColumns } from './holiday-event-columns.ts';
import { tableFromCsv } from './table-from-csv.ts';
import { parseCsvText } from '../read/read-csv.ts';
import { IssueCollector } from '../issue-collector.ts';
import { DataError } from '../issue.ts';

/** ISO dates of n periods from `start`, `step` days apart. */
function dates(start: string, n: number, step: number): string[] {
  const t0 = Date.parse(`${start}T00:00:00Z`);
  return Array.from({ length: n }, (_, i) => new Date(t0 + i * step * 86_400_000).toISOString().slice(0, 10));
}

/** A CSV of weekly or daily rows with a KPI, one channel and optional extra columns. */
function csvText(ds: readonly string[], extra: Record<string, (i: number) => number> = {}): string {
  const names = Object.keys(extra);
  const rows = ds.map((d, i) => [d, 100 + (i % 7) * 3 + (i % 3), 10 + (i % 5), ...names.map((n) => extra[n](i))].join(','));
  return `date,revenue,tv_spend${names.map((n) => `,${n}`).join('')}\n${rows.join('\n')}\n`;
}

test('weekly: holidays of the same weeks share one event; absent holidays are listed', () => {
  // Mondays 2024-09-02 … 2025-01-27: Thanksgiving and Black Friday always share a Monday week.
  const ds = dates('2024-09-02', 22, 7);
  const issues = new IssueCollector('x.csv');
  const r = holidayEventColumns(ds, 'weekly', { names: ['us-thanksgiving', 'black-friday', 'valentines', 'us-labor-day'] }, ['date'], [], issues);
  assert.deepEqual(r.report.added, [
    { name: 'holiday_us_thanksgiving', holidays: ['us-thanksgiving', 'black-friday'] },
    { name: 'holiday_us_labor_day', holidays: ['us-labor-day'] },
  ]);
  assert.deepEqual(r.report.absent, ['valentines']);
  assert.equal(r.report.weekLabel, 'start');
  assert.equal(r.events[0].values[12], 1); // week of 2024-11-25
  // The events record their holidays, merged ones included: a fitted model knows it has Black Friday.
  assert.deepEqual(r.events.map((e) => e.holidays), [['us-thanksgiving', 'black-friday'], ['us-labor-day']]);
  assert.deepEqual(issues.list(), []);
});

test('a holiday marking the same periods as a file event is not added; a name taken by a column is an error', () => {
  const ds = dates('2024-11-20', 20, 1);
  const bf = Float64Array.from(ds, (d) => (d === '2024-11-29' ? 1 : 0));
  const issues = new IssueCollector('x.csv');
  const r = holidayEventColumns(ds, 'daily', { names: ['black-friday', 'cyber-monday'] }, ['date', 'holiday_cyber_monday'], [{ name: 'bf', values: bf }], issues);
  assert.deepEqual(r.report.sameAsEvent, [{ holiday: 'black-friday', event: 'bf' }]);
  // The file's event that marks Black Friday records it.
  assert.deepEqual(r.existing.map((e) => [e.name, e.holidays]), [['bf', ['black-friday']]]);
  assert.deepEqual(issues.list().map((i) => [i.code, i.at.column]), [['HOLIDAY_NAME_TAKEN', 'holiday_cyber_monday']]);
});

test('week-ending labels on daily data are an error; the warm-up rows do not count for presence', () => {
  const ds = dates('2024-11-25', 14, 1);
  const issues = new IssueCollector('x.csv');
  const r = holidayEventColumns(ds, 'daily', { names: ['black-friday'], weekLabel: 'end' }, [], [], issues, 5);
  assert.deepEqual(issues.list().map((i) => i.code), ['HOLIDAY_WEEK_LABEL']);
  assert.deepEqual(r.report.absent, ['black-friday']); // Nov 29 is row 4, before the window's row 5
});

test('tableFromCsv adds the holiday events to the table and reports them; a column named like one is refused', () => {
  const ds = dates('2023-01-02', 104, 7);
  const csv = parseCsvText(csvText(ds), 'x.csv');
  const built = tableFromCsv(csv, { target: 'revenue', holidays: { names: ['retail'], columns: 'set' } });
  assert.deepEqual(built.table.events.map((e) => e.name), ['holiday_retail']);
  assert.deepEqual(built.holidays?.added.map((a) => a.name), ['holiday_retail']);
  assert.equal(built.holidays?.added[0].set, 'retail');
  assert.ok(built.table.events[0].holidays?.includes('black-friday'));
  const clash = parseCsvText(csvText(ds, { holiday_black_friday: () => 0 }), 'x.csv');
  assert.throws(() => tableFromCsv(clash, { target: 'revenue', events: [], holidays: { names: ['Black-Friday'] } }),
    (e: unknown) => e instanceof DataError && e.issues.some((i) => i.code === 'HOLIDAY_NAME_TAKEN' && /holiday_black_friday/.test(i.message)));
});

test('an unknown holiday name is a HOLIDAY_UNKNOWN issue listing the known ones (for callers without the CLI check)', () => {
  const issues = new IssueCollector('x.csv');
  const r = holidayEventColumns(dates('2024-11-20', 20, 1), 'daily', { names: ['us', 'xmas'] }, [], [], issues);
  assert.deepEqual(r.events, []);
  assert.deepEqual(issues.list().map((i) => i.code), ['HOLIDAY_UNKNOWN']);
  assert.match(issues.list()[0].message, /unknown holiday set or id 'xmas': known sets are us, uk, de, fr, retail/);
});

test('a file column named like a holiday event in another letter case is HOLIDAY_NAME_TAKEN, not a clash left to DuckDB', () => {
  const ds = dates('2024-11-20', 20, 1);
  const issues = new IssueCollector('x.csv');
  holidayEventColumns(ds, 'daily', { names: ['black-friday'] }, ['date', 'Holiday_Black_Friday'], [], issues);
  assert.deepEqual(issues.list().map((i) => [i.code, i.at.column]), [['HOLIDAY_NAME_TAKEN', 'holiday_black_friday']]);
});
