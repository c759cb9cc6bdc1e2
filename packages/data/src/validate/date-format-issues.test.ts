import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { duckdbQuery } from '../../test/duckdb-query.ts';
import { parseCsvText, readCsvFile } from '../read/read-csv.ts';
import { dateFormatIssues } from './date-format-issues.ts';

const dir = mkdtempSync(join(tmpdir(), 'mixwise-date-format-'));
after(() => rmSync(dir, { recursive: true, force: true }));

/** Weekly ISO dates from 2022-01-03, written by `write`. */
function dates(n: number, write: (iso: string, i: number) => string): string {
  const rows = Array.from({ length: n }, (_, i) => {
    const iso = new Date(Date.UTC(2022, 0, 3 + 7 * i)).toISOString().slice(0, 10);
    return `${write(iso, i)},${1000 + i}`;
  });
  return ['date,revenue', ...rows].join('\n');
}
const dmy = (iso: string): string => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
const mdy = (iso: string): string => `${iso.slice(5, 7)}/${iso.slice(8, 10)}/${iso.slice(0, 4)}`;

test('a dd/mm/yyyy column is NON_ISO_DATES naming the value that shows the order (not "cannot be known"), and its DuckDB fix rewrites it', async () => {
  const path = join(dir, 'dmy.csv');
  writeFileSync(path, dates(10, dmy) + '\n');
  const csv = readCsvFile(path);
  const issues = dateFormatIssues(csv, 'date');
  assert.deepEqual(issues.map((i) => [i.code, i.at.row]), [['NON_ISO_DATES', 4]]);
  assert.equal(issues[0].message, 'the dates are written dd/mm/yyyy (a day above 12 in the first place shows it: "17/01/2022" on row 4), and Mixwise reads yyyy-mm-dd only');
  assert.doesNotMatch(issues[0].message, /cannot be known/);
  const sql = /DuckDB: (COPY .*?); or in a spreadsheet/.exec(issues[0].hint)?.[1];
  assert.ok(sql !== undefined, issues[0].hint);
  await duckdbQuery(sql);
  assert.deepEqual(readCsvFile(join(dir, 'dmy_iso.csv')).rows.slice(0, 3), [['2022-01-03', '1000'], ['2022-01-10', '1001'], ['2022-01-17', '1002']]);
});

test('a mm/dd/yyyy column says so; one with no value above 12 is ambiguous and says why', () => {
  const us = dateFormatIssues(parseCsvText(dates(10, mdy), 'us.csv'), 'date');
  assert.deepEqual(us.map((i) => i.code), ['NON_ISO_DATES']);
  assert.match(us[0].message, /written mm\/dd\/yyyy \(a day above 12 in the second place shows it: "01\/17\/2022" on row 4\)/);
  assert.match(us[0].hint, /strptime\("date", '%m\/%d\/%Y'\)/);
  const early = dateFormatIssues(parseCsvText(dates(2, dmy), 'early.csv'), 'date');
  assert.deepEqual(early.map((i) => i.code), ['AMBIGUOUS_DATE']);
  assert.match(early[0].message, /no date in the column has a number above 12 in the first or second place/);
});

test('one row written 03/14/2022 among yyyy-mm-dd is MIXED_DATE_FORMAT at that row, with the date it stands for', () => {
  const csv = parseCsvText(dates(20, (iso, i) => (i === 10 ? mdy(iso) : i === 12 ? '03/04/2022' : iso)), 'odd.csv');
  const issues = dateFormatIssues(csv, 'date');
  assert.deepEqual(issues.map((i) => [i.code, i.at.row]), [['MIXED_DATE_FORMAT', 12], ['MIXED_DATE_FORMAT', 14]]);
  assert.equal(issues[0].message, '"03/14/2022" is written differently from the rest of the column, whose dates are yyyy-mm-dd (18 of 20 rows)');
  assert.match(issues[0].hint, /"2022-03-14" \(month first/);
  assert.match(issues[1].hint, /"2022-04-03" if it is day-first, "2022-03-04" if month-first/);
});
