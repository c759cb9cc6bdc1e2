import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { liftTestsFromCsv, readLiftTests } from './read-lift-tests.ts';
import { parseCsvText } from './read-csv.ts';
import { DataError } from '../issue.ts';

const dir = mkdtempSync(join(tmpdir(), 'lift-'));
after(() => rmSync(dir, { recursive: true, force: true }));
const dates = ['2024-01-01', '2024-01-08', '2024-01-15', '2024-01-22'];
const file = (name: string, text: string) => { const p = join(dir, name); writeFileSync(p, text); return p; };

/** [code, row, column] of every issue in the DataError that reading `path` must throw. */
function issuesOf(path: string, channels: string[]): [string, number | undefined, string | undefined][] {
  try {
    readLiftTests(path, channels, dates);
  } catch (err) {
    assert.ok(err instanceof DataError);
    return err.issues.map((i) => [i.code, i.at.row, i.at.column]);
  }
  return assert.fail('expected a DataError');
}

test('reads channel, start, end and lift', () => {
  const p = file('ok.csv', 'channel,start,end,lift\ntv,2024-01-08,2024-01-15,1200.5\nsearch,2024-01-01,2024-01-01,300\n');
  assert.deepEqual(readLiftTests(p, ['tv', 'search'], dates), [
    { channel: 'tv', start: '2024-01-08', end: '2024-01-15', lift: 1200.5 },
    { channel: 'search', start: '2024-01-01', end: '2024-01-01', lift: 300 },
  ]);
});

test('an optional measured_through column: the last measured date (empty: the end); before the end, after the data or unreadable is an error at its cell', () => {
  const p = file('through.csv', 'channel,start,end,measured_through,lift\ntv,2024-01-01,2024-01-08,2024-01-22,1200\nsearch,2024-01-01,2024-01-01,,300\n');
  assert.deepEqual(readLiftTests(p, ['tv', 'search'], dates), [
    { channel: 'tv', start: '2024-01-01', end: '2024-01-08', measuredThrough: '2024-01-22', lift: 1200 },
    { channel: 'search', start: '2024-01-01', end: '2024-01-01', lift: 300 },
  ]);
  const bad = file('through-bad.csv', 'channel,start,end,measured_through,lift\ntv,2024-01-08,2024-01-15,2024-01-08,1\ntv,2024-01-08,2024-01-15,2024-02-05,1\ntv,2024-01-08,2024-01-15,soon,1\n');
  assert.deepEqual(issuesOf(bad, ['tv']), [
    ['LIFT_TEST_RANGE', 2, 'measured_through'], ['LIFT_TEST_RANGE', 3, 'measured_through'], ['INVALID_DATE', 4, 'measured_through'],
  ]);
});

test('a column the reader does not know (a misspelled standard_error) is an error naming it', () => {
  const p = file('typo.csv', 'channel,start,end,lift,standard_eror\ntv,2024-01-08,2024-01-15,1200,150\n');
  assert.deepEqual(issuesOf(p, ['tv']), [['LIFT_TEST_COLUMN', undefined, 'standard_eror']]);
});

test('a test reaching outside the data, or containing no row date, is an error at its row', () => {
  const p = file('outside.csv', 'channel,start,end,lift\ntv,2023-12-01,2024-01-08,10\ntv,2024-01-15,2024-02-05,10\ntv,2024-01-09,2024-01-14,10\n');
  assert.deepEqual(issuesOf(p, ['tv']), [['LIFT_TEST_RANGE', 2, 'start'], ['LIFT_TEST_RANGE', 3, 'end'], ['LIFT_TEST_RANGE', 4, 'start']]);
});

test('an optional standard_error column gives each test its standard error; empty cells keep the default', () => {
  const p = file('se.csv', 'channel,start,end,lift,standard_error\ntv,2024-01-08,2024-01-15,1200,150\nsearch,2024-01-01,2024-01-01,300,\n');
  assert.deepEqual(readLiftTests(p, ['tv', 'search'], dates), [
    { channel: 'tv', start: '2024-01-08', end: '2024-01-15', lift: 1200, standardError: 150 },
    { channel: 'search', start: '2024-01-01', end: '2024-01-01', lift: 300 },
  ]);
  const bad = file('se-bad.csv', 'channel,start,end,lift,standard_error\ntv,2024-01-08,2024-01-15,1200,-3\n');
  assert.deepEqual(issuesOf(bad, ['tv']), [['LIFT_TEST_VALUE', 2, 'standard_error']]);
});

test('every bad row is reported with its row and column', () => {
  const p = file('bad.csv', 'channel,start,end,lift\nradio,2024-01-08,2024-01-15,10\ntv,2024-01-15,2024-01-08,10\ntv,2024-01-08,2024-13-01,10\ntv,2024-01-08,2024-01-15,-5\ntv,2025-01-01,2025-02-01,10\n');
  assert.deepEqual(issuesOf(p, ['tv']), [
    ['LIFT_TEST_CHANNEL', 2, 'channel'],
    ['LIFT_TEST_RANGE', 3, 'end'],
    ['INVALID_DATE', 4, 'end'],
    ['LIFT_TEST_VALUE', 5, 'lift'],
    ['LIFT_TEST_RANGE', 6, 'start'],
  ]);
});

test('a row repeating an earlier one exactly is an error at the repeat, naming the first row', () => {
  const p = file('repeat.csv', 'channel,start,end,lift\ntv,2024-01-08,2024-01-15,1200\nsearch,2024-01-01,2024-01-01,300\ntv,2024-01-08,2024-01-15,1200\n');
  assert.deepEqual(issuesOf(p, ['tv', 'search']), [['LIFT_TEST_REPEATED', 4, 'channel']]);
  try { readLiftTests(p, ['tv', 'search'], dates); } catch (err) { assert.match((err as DataError).issues[0].message, /repeats row 2/); }
  // Same dates, another lift: two measurements, both kept.
  const q = file('two.csv', 'channel,start,end,lift\ntv,2024-01-08,2024-01-15,1200\ntv,2024-01-08,2024-01-15,1100\n');
  assert.equal(readLiftTests(q, ['tv'], dates).length, 2);
});

test('a missing column names the required ones', () => {
  const p = file('cols.csv', 'channel,from,to,lift\ntv,2024-01-08,2024-01-15,10\n');
  assert.throws(() => readLiftTests(p, ['tv'], dates), (err: unknown) => err instanceof DataError && /channel, start, end, lift/.test(err.issues[0].hint));
});

test('from a table in memory: with the fitted rows, a test that only covers held-out weeks is an error at its row', () => {
  const csv = parseCsvText('channel,start,end,lift\ntv,2024-01-08,2024-01-15,10\ntv,2024-01-22,2024-01-22,10\n', 'lift.csv');
  assert.equal(liftTestsFromCsv(csv, { channels: ['tv'], dates }).length, 2, 'without fitted rows both are inside the data');
  try {
    liftTestsFromCsv(csv, { channels: ['tv'], dates, fitted: { start: 0, end: 3 } });
    assert.fail('expected a DataError');
  } catch (err) {
    assert.ok(err instanceof DataError);
    assert.deepEqual(err.issues.map((i) => [i.code, i.at.file, i.at.row, i.at.column]), [['LIFT_TEST_RANGE', 'lift.csv', 3, 'start']]);
    assert.match(err.issues[0].message, /no period inside the fitted rows \(2024-01-01 … 2024-01-15\)/);
  }
});

test('a test for a channel that spent nothing on its dates is an error at its row, naming the channel and window', () => {
  const csv = parseCsvText('channel,start,end,lift\ntv,2024-01-08,2024-01-15,10\ntv,2024-01-01,2024-01-08,10\n', 'lift.csv');
  // tv spends only in the first week.
  const spend = new Map([['tv', dates.map((_, t) => (t === 0 ? 100 : 0))]]);
  try {
    liftTestsFromCsv(csv, { channels: ['tv'], dates, spend });
    assert.fail('expected a DataError');
  } catch (err) {
    assert.ok(err instanceof DataError);
    assert.deepEqual(err.issues.map((i) => [i.code, i.at.file, i.at.row, i.at.column]), [['LIFT_TEST_NO_SPEND', 'lift.csv', 2, 'start']]);
    assert.equal(err.issues[0].message, 'tv spent nothing in 2024-01-08 … 2024-01-15');
    assert.equal(err.issues[0].hint, 'a lift test measures the effect of the spend in its window; check the dates or the channel');
  }
});

test('a lift of 0 or below is a legitimate result: kept with its standard error, refused without one (the default would scale with the lift)', () => {
  const ok = file('null.csv', 'channel,start,end,lift,standard_error\ntv,2024-01-08,2024-01-15,-500,100\ntv,2024-01-01,2024-01-08,0,80\n');
  assert.deepEqual(readLiftTests(ok, ['tv'], dates), [
    { channel: 'tv', start: '2024-01-08', end: '2024-01-15', lift: -500, standardError: 100 },
    { channel: 'tv', start: '2024-01-01', end: '2024-01-08', lift: 0, standardError: 80 },
  ]);
  const bare = file('bare.csv', 'channel,start,end,lift\ntv,2024-01-08,2024-01-15,-500\ntv,2024-01-01,2024-01-08,abc\n');
  assert.deepEqual(issuesOf(bare, ['tv']), [['LIFT_TEST_VALUE', 2, 'lift'], ['LIFT_TEST_VALUE', 3, 'lift']]);
  assert.throws(() => readLiftTests(bare, ['tv'], dates), (err: unknown) => {
    assert.ok(err instanceof DataError);
    assert.match(err.issues[0].message, /a lift of 0 or below \(-500\) needs its standard_error/);
    assert.match(err.issues[0].hint, /add a standard_error column/);
    assert.equal(err.issues[1].message, 'lift "abc" is not a number');
    return true;
  });
});

test('an optional geo column: the geos a test ran in, separated by |; empty for every geo; unknown geos, repeats and geos on a national fit are errors at the cell', () => {
  const csv = (text: string) => parseCsvText(text, 'geo-lift.csv');
  const scope = { channels: ['tv'], dates, geos: ['north', 'south', 'east'] };
  const ok = csv('channel,start,end,lift,geo\ntv,2024-01-08,2024-01-15,1200,north| south\ntv,2024-01-08,2024-01-15,3000,\n');
  assert.deepEqual(liftTestsFromCsv(ok, scope), [
    { channel: 'tv', start: '2024-01-08', end: '2024-01-15', lift: 1200, geos: ['north', 'south'] },
    { channel: 'tv', start: '2024-01-08', end: '2024-01-15', lift: 3000 },
  ]);
  // The same dates and lift in other geos is another test, not a repeat.
  assert.equal(liftTestsFromCsv(csv('channel,start,end,lift,geo\ntv,2024-01-08,2024-01-15,1200,north\ntv,2024-01-08,2024-01-15,1200,south\n'), scope).length, 2);
  const issues = (text: string, s: Parameters<typeof liftTestsFromCsv>[1]) => {
    try { liftTestsFromCsv(csv(text), s); } catch (err) {
      assert.ok(err instanceof DataError);
      return err.issues.map((i) => [i.code, i.at.file, i.at.row, i.at.column, i.message, i.hint]);
    }
    return assert.fail('expected a DataError');
  };
  const bad = issues('channel,start,end,lift,geo\ntv,2024-01-08,2024-01-15,1200,north|west\ntv,2024-01-08,2024-01-15,1200,east|east\n', scope);
  assert.deepEqual(bad.map((i) => i.slice(0, 4)), [['LIFT_TEST_GEO', 'geo-lift.csv', 2, 'geo'], ['LIFT_TEST_GEO', 'geo-lift.csv', 3, 'geo']]);
  assert.match(String(bad[0][4]), /unknown geo "west"/);
  assert.match(String(bad[0][5]), /north, south, east/);
  assert.match(String(bad[0][5]), /separated by \|/);
  assert.match(String(bad[1][4]), /"east" twice/);
  const national = issues('channel,start,end,lift,geo\ntv,2024-01-08,2024-01-15,1200,north\n', { channels: ['tv'], dates });
  assert.deepEqual(national.map((i) => i.slice(0, 4)), [['LIFT_TEST_GEO', 'geo-lift.csv', 2, 'geo']]);
  assert.match(String(national[0][4]), /but the fit is national/);
  // With the geos' spend: a test whose geos spent nothing in its window is refused at its row, though the other geos spent.
  const geoSpend = new Map([['tv', [[0, 0, 0, 0], [0, 5, 5, 0], [1, 1, 1, 1]]]]);
  const dark = issues('channel,start,end,lift,geo\ntv,2024-01-08,2024-01-15,1200,north\ntv,2024-01-08,2024-01-15,1300,north|south\n', { ...scope, geoSpend });
  assert.deepEqual(dark.map((i) => i.slice(0, 4)), [['LIFT_TEST_NO_SPEND', 'geo-lift.csv', 2, 'start']]);
  assert.match(String(dark[0][4]), /tv spent nothing in 2024-01-08 … 2024-01-15 in north$/);
  // An empty geo cell on a national fit is a national test.
  assert.equal(liftTestsFromCsv(csv('channel,start,end,lift,geo\ntv,2024-01-08,2024-01-15,1200,\n'), { channels: ['tv'], dates }).length, 1);
});
