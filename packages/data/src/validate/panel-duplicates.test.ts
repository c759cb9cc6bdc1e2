import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseCsvText } from '../read/read-csv.ts';
import { IssueCollector } from '../issue-collector.ts';
import { readDates } from '../build/read-dates.ts';
import { located } from '../../test/rule-case.ts';
import { panelColumn } from './panel-column.ts';
import { readOutcomeFromText } from './read-outcome.ts';
import { runRules } from './run-rules.ts';

/** A geo panel, one row per week and geo from 2024-01-01, sorted by date then geo (file line 2 onwards), plus `extra` lines at the end. */
function geoPanelText(weeks: number, geos: readonly string[], extra: readonly string[] = []): { text: string; lines: string[] } {
  const lines = ['date,geo,tv_spend,sales'];
  for (let w = 0; w < weeks; w++) {
    const d = new Date(Date.UTC(2024, 0, 1 + 7 * w)).toISOString().slice(0, 10);
    geos.forEach((g, k) => lines.push(`${d},${g},${100 + 3 * w + 17 * k + (w % 4)},${1000 + 11 * w + 50 * k + (w % 3) * 7}`));
  }
  lines.push(...extra);
  return { text: lines.join('\n'), lines };
}

const GEOS = ['Geo0', 'Geo1', 'Geo2'];

test('panelColumn: one pasted row still makes the file a panel, and names the repeat and its first line', () => {
  const base = geoPanelText(20, GEOS);
  // File line 11 is week 3 (2024-01-22), Geo0; pasted again at the end (line 62).
  const { text } = geoPanelText(20, GEOS, [base.lines[10]]);
  assert.deepEqual(panelColumn(parseCsvText(text, 'g.csv'), 'date'), {
    columns: ['geo'], values: GEOS, duplicates: [{ date: '2024-01-22', value: 'Geo0', row: 62, firstRow: 11 }],
  });
});

test('panelColumn: more than one row in twenty repeating a (date, geo) pair is not a panel', () => {
  const base = geoPanelText(20, GEOS);
  // 3 repeats among 63 rows is within 5%; a 4th (4 of 64) is not.
  const three = geoPanelText(20, GEOS, base.lines.slice(10, 13));
  assert.equal(panelColumn(parseCsvText(three.text, 'g.csv'), 'date')?.duplicates?.length, 3);
  const four = geoPanelText(20, GEOS, base.lines.slice(10, 14));
  assert.equal(panelColumn(parseCsvText(four.text, 'g.csv'), 'date'), undefined);
});

test('panelColumn: of two columns that split the dates, the one without repeats wins over an earlier one with a repeat', () => {
  const lines = ['date,note,geo,sales'];
  for (let w = 0; w < 20; w++) {
    const d = new Date(Date.UTC(2024, 0, 1 + 7 * w)).toISOString().slice(0, 10);
    // The note repeats on week 5 only (both rows "x").
    for (const g of ['north', 'south']) lines.push(`${d},${w === 5 ? 'x' : `${g}-${w}`},${g},${100 + w}`);
  }
  const panel = panelColumn(parseCsvText(lines.join('\n'), 'n.csv'), 'date');
  assert.deepEqual(panel?.columns, ['geo']);
  assert.equal(panel?.duplicates, undefined);
});

test('validation of a geo panel with one pasted row: PANEL_DATA and one DUPLICATE_PANEL_ROW at the pasted line, no DUPLICATE_DATE or UNSORTED_DATES', () => {
  const base = geoPanelText(20, GEOS);
  const { text } = geoPanelText(20, GEOS, [base.lines[10]]);
  const result = runRules(readOutcomeFromText(text, 'g.csv'), { target: 'sales' });
  assert.deepEqual(located(result.issues), [['PANEL_DATA', undefined, 'geo'], ['DUPLICATE_PANEL_ROW', 62, 'geo']]);
  const dup = result.issues[1];
  assert.equal(dup.message, 'Geo0 on 2024-01-22 already appears on line 11: the panel has one row per "date" and "geo", and this row repeats that pair');
  assert.match(dup.hint, /^remove this row if it is a copy of line 11, or add the two rows up into one .*sum_panel/);
  // The date reader of fit and init says the same.
  const collected = new IssueCollector('g.csv');
  assert.equal(readDates(parseCsvText(text, 'g.csv'), 'date', collected), undefined);
  assert.deepEqual(collected.list().map((i) => [i.code, i.at.row]), [['PANEL_DATA', undefined], ['DUPLICATE_PANEL_ROW', 62]]);
});

test('validation: many repeated panel rows are capped like any repeated issue ("and N more")', () => {
  // 4 geos × 60 weeks = 240 rows; 12 pasted rows (12 of 252, under 5%).
  const geos = ['a', 'b', 'c', 'd'];
  const base = geoPanelText(60, geos);
  const { text } = geoPanelText(60, geos, base.lines.slice(1, 13));
  const codes = runRules(readOutcomeFromText(text, 'g.csv'), { target: 'sales' }).issues;
  assert.deepEqual(codes.map((i) => i.code), ['PANEL_DATA', ...Array<string>(10).fill('DUPLICATE_PANEL_ROW'), 'MORE_ISSUES']);
  assert.equal(codes[11].message, 'and 2 more DUPLICATE_PANEL_ROW errors like the ones above (not listed)');
});
