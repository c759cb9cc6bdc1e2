import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseCsvText } from '../read/read-csv.ts';
import { IssueCollector } from '../issue-collector.ts';
import { readDates } from '../build/read-dates.ts';
import { panelColumn } from './panel-column.ts';
import { panelIssues } from './panel-issues.ts';
import { duplicateDates } from './rules/duplicate-dates.ts';
import { resolveRuleRoles } from './resolve-rule-roles.ts';

/** Six weeks × geo_a, geo_b (file lines 2–13), PyMC-Marketing's multidimensional layout, without the rows `drop` names (0-based). */
function geoPanel(drop: readonly number[] = []) {
  const lines = ['date,geo,x1,x2,y'];
  for (let w = 0; w < 6; w++) {
    const d = new Date(Date.UTC(2024, 0, 1 + 7 * w)).toISOString().slice(0, 10);
    for (const g of ['geo_a', 'geo_b']) lines.push(`${d},${g},${100 + w},${50 + w + (g === 'geo_b' ? 3 : 0)},${1000 + 7 * w + (g === 'geo_b' ? 11 : 0)}`);
  }
  return parseCsvText(lines.filter((_, i) => !drop.map((k) => k + 1).includes(i)).join('\n'), 'multi.csv');
}

test('panelColumn: one missing geo row still finds the panel column, and names the date and the geo it lacks', () => {
  assert.deepEqual(panelColumn(geoPanel(), 'date'), { columns: ['geo'], values: ['geo_a', 'geo_b'] });
  // Row index 4 is week 2 (2024-01-15), geo_a: its date's remaining row is on file line 6.
  assert.deepEqual(panelColumn(geoPanel([4]), 'date'), {
    columns: ['geo'], values: ['geo_a', 'geo_b'], incomplete: [{ date: '2024-01-15', row: 6, missing: ['geo_a'] }],
  });
});

test('an unbalanced panel is one PANEL_UNBALANCED error per incomplete date, not a DUPLICATE_DATE error per row', () => {
  const csv = geoPanel([4]);
  const issues = duplicateDates(csv, resolveRuleRoles(csv, { target: 'y', channels: ['x1', 'x2'] }));
  assert.deepEqual(issues.map((i) => [i.code, i.at.file, i.at.row, i.at.column]), [['PANEL_UNBALANCED', 'multi.csv', 6, 'geo']]);
  assert.match(issues[0].message, /the date 2024-01-15 has no row for "geo_a"/);
  assert.match(issues[0].hint, /add the missing row .*mixwise fit --clean sum_panel=geo/);
  // The date reader (fit, init) says the same.
  const collected = new IssueCollector('multi.csv');
  assert.equal(readDates(csv, 'date', collected), undefined);
  assert.deepEqual(collected.list().map((i) => [i.code, i.at.row]), [['PANEL_UNBALANCED', 6]]);
});

test('a few repeated dates are duplicates, not a panel', () => {
  // 2 of 6 dates with two rows: repeats are the exception.
  const csv = parseCsvText('date,note,y\n2024-01-01,a,1\n2024-01-01,b,2\n2024-01-08,a,3\n2024-01-15,a,4\n2024-01-22,a,5\n2024-01-22,b,6\n2024-01-29,a,7\n2024-02-05,a,8\n', 'd.csv');
  assert.equal(panelColumn(csv, 'date'), undefined);
  assert.deepEqual(duplicateDates(csv, resolveRuleRoles(csv, { target: 'y' })).map((i) => i.code), ['DUPLICATE_DATE', 'DUPLICATE_DATE']);
});

test('panelIssues: a balanced geo panel is one PANEL_DATA error', () => {
  const csv = geoPanel();
  const panel = panelColumn(csv, 'date');
  assert.ok(panel !== undefined);
  assert.deepEqual(panelIssues(csv, resolveRuleRoles(csv, { target: 'y' }), 'date', panel).map((i) => i.code), ['PANEL_DATA']);
});
