import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseCsvText } from '../read/read-csv.ts';
import { DataError } from '../issue.ts';
import { panelRows, withGeoNames } from './panel-rows.ts';
import { makeIssue } from '../validate/make-issue.ts';

const csv = (text: string) => parseCsvText(text, 'p.csv');
const errors = (run: () => unknown): { code: string; message: string; row?: number }[] => {
  try {
    run();
  } catch (err) {
    if (err instanceof DataError) return err.issues.map((i) => ({ code: i.code, message: i.message, ...(i.at.row === undefined ? {} : { row: i.at.row }) }));
    throw err;
  }
  assert.fail('no DataError');
};

test('panelRows: geos in natural order, each date to its row, whatever the row order', () => {
  const t = csv('date,geo,y\n2024-01-08,G10,1\n2024-01-01,G2,2\n2024-01-01,G10,3\n2024-01-08,G2,4\n');
  const rows = panelRows(t, 'geo', 'date');
  assert.deepEqual(rows.geos, ['G2', 'G10']);
  assert.equal(rows.rowOf[0].get('2024-01-08'), 3);
  assert.equal(rows.rowOf[1].get('2024-01-01'), 2);
});

test('panelRows: a missing (date, geo) names the geo and the date; a repeat names both lines; rows after `end` are not checked', () => {
  const gap = csv('date,geo,y\n2024-01-01,a,1\n2024-01-08,a,1\n2024-01-01,b,1\n2024-01-15,b,1\n2024-01-15,a,1\n');
  assert.deepEqual(errors(() => panelRows(gap, 'geo', 'date')).map((e) => e.message),
    ['geo "b" has no row for the date 2024-01-08, which other geos have: a geo-level model needs every geo on every date']);
  assert.equal(panelRows(gap, 'geo', 'date', { end: '2024-01-01' }).geos.length, 2);
  const dup = csv('date,geo,y\n2024-01-01,a,1\n2024-01-01,b,1\n2024-01-01,a,2\n');
  assert.deepEqual(errors(() => panelRows(dup, 'geo', 'date')), [{ code: 'DUPLICATE_PANEL_ROW', message: 'geo "a" has two rows dated 2024-01-01: line 2 and line 4', row: 4 }]);
});

test('panelRows: a column not in the file, or with one value, is refused naming it', () => {
  const t = csv('date,geo,y\n2024-01-01,a,1\n2024-01-08,a,1\n');
  assert.match(errors(() => panelRows(t, 'region', 'date'))[0].message, /^--geo region: column "region" is not in the file \(its columns: date, geo, y\)/);
  assert.match(errors(() => panelRows(t, 'geo', 'date', { flag: 'columns.geo' }))[0].message, /^columns\.geo: column "geo" has one value \("a"\)/);
});

test('panelRows: more than 20 problems are listed as 20 and a count of the rest', () => {
  const lines = ['date,geo,y'];
  for (let t = 0; t < 30; t++) lines.push(`2024-${String(1 + Math.floor(t / 28)).padStart(2, '0')}-${String(1 + (t % 28)).padStart(2, '0')},a,1`);
  lines.push('2024-01-01,b,1');
  for (let g = 0; g < 25; g++) lines.push(`2024-01-01,c${g},1`);
  const found = errors(() => panelRows(csv(lines.join('\n') + '\n'), 'geo', 'date'));
  assert.equal(found.length, 21);
  assert.match(found[20].message, /^… and 6 more problems like these/);
});

test('withGeoNames: an issue on a panel row names its geo first; the roll-up\'s prefix and cleaning offer go', () => {
  const t = csv('date,geo,y\n2024-01-01,a,1\n2024-01-01,b,1\n');
  const rows = panelRows(t, 'geo', 'date');
  const issue = makeIssue('NEGATIVE_SPEND', 'error', 'sum_panel: spend is negative (-5)', 'set it to 0; or let Mixwise change it and log every change: mixwise fit --clean negatives=clip', { file: 'p.csv', row: 3, column: 'y' });
  const [named] = withGeoNames([issue], t, rows);
  assert.equal(named.message, 'geo "b": spend is negative (-5)');
  assert.equal(named.hint, 'set it to 0');
  const unplaced = { ...issue, at: { file: 'p.csv' } };
  assert.deepEqual(withGeoNames([unplaced], t, rows), [unplaced], 'an issue without a row is left as it is');
});

test('panelRows: an unreadable date is named at its line with its geo, not as the imbalance it causes', () => {
  const t = csv('date,geo,y\n2024-01-01,a,1\n2024-01-08,a,1\n2024-01-01,b,1\n2024-13-45,b,1\n');
  assert.deepEqual(errors(() => panelRows(t, 'geo', 'date')), [{ code: 'INVALID_DATE', message: 'geo "b": the date "2024-13-45" cannot be read, so this geo\'s row is missing from the panel', row: 5 }]);
});

test('panelRows: a geo whose dates all sit 6 days after the others\' is one error saying so, the other geos not blamed', () => {
  const week = (t: number, shift = 0): string => new Date(Date.UTC(2024, 0, 1 + 7 * t + shift)).toISOString().slice(0, 10);
  const rows = ['date,geo,y'];
  for (const [geo, shift] of [['a', 0], ['b', 0], ['c', 6]] as const) for (let t = 0; t < 10; t++) rows.push(`${week(t, shift)},${geo},1`);
  assert.deepEqual(errors(() => panelRows(csv(rows.join('\n')), 'geo', 'date')).map((e) => e.message),
    ['geo "c": its dates are all 6 days after the other geos\' (week-ending against week-starting dates?), so it shares no date with them']);
});

test('panelRows: geo names that differ only by case or leading zeros are a warning (and in the imbalance hint)', () => {
  const t = csv('date,geo,y\n2024-01-01,North,1\n2024-01-01,north,1\n2024-01-01,01,1\n2024-01-01,1,1\n');
  assert.deepEqual(panelRows(t, 'geo', 'date').warnings?.map((w) => [w.severity, w.message]), [
    ['warning', 'geo: "01" and "1" differ only by case, spaces or leading zeros, and are fitted as 2 separate geos'],
    ['warning', 'geo: "North" and "north" differ only by case, spaces or leading zeros, and are fitted as 2 separate geos'],
  ]);
});

test('panelRows: a geo name written with spaces around it is read trimmed, with a warning naming the file, lines, column and both spellings', () => {
  const t = csv('date,geo,y\n2024-01-01,north ,1\n2024-01-01,south,2\n2024-01-08,north,3\n2024-01-08,south,4\n2024-01-15," north ",5\n2024-01-15,south,6\n2024-01-22,north ,7\n2024-01-22,south,8\n');
  const rows = panelRows(t, 'geo', 'date');
  assert.deepEqual(rows.geos, ['north', 'south']);
  const said = (rows.warnings ?? []).map((w) => ({ code: w.code, severity: w.severity, message: w.message, at: w.at }));
  assert.deepEqual(said, [
    { code: 'PANEL_VALUE', severity: 'warning', message: 'geo "north " (lines 2, 8) is read as "north": the spaces around it are dropped, so its rows are fitted as geo "north"', at: { file: 'p.csv', row: 2, column: 'geo' } },
    { code: 'PANEL_VALUE', severity: 'warning', message: 'geo " north " (line 6) is read as "north": the spaces around it are dropped, so its row is fitted as geo "north"', at: { file: 'p.csv', row: 6, column: 'geo' } },
  ]);
  // Spaces in another column (a number) are no geo name: nothing said.
  assert.equal(panelRows(csv('date,geo,y\n2024-01-01,a, 1\n2024-01-01,b,2\n'), 'geo', 'date').warnings, undefined);
});
