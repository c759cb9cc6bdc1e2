import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Issue } from '@mixwise/contracts';
import { IssueCollector } from '@mixwise/data';
import { apiHint, apiIssues, namesCommandLine } from './api-hints.ts';

const issue = (code: string, hint: string, extra: Partial<Issue> = {}): Issue => ({ code, severity: 'error', message: code, hint, at: { file: 'd.csv' }, ...extra });

test('hints that name the command line are worded for the column table and the request; others are kept', () => {
  const cli = [
    issue('NO_DATE_COLUMN', 'name the date column with --date COL; dates must look like 2024-01-31 (available columns: y, tv_spend)'),
    issue('NO_CHANNELS', 'rename the spend columns to <channel>_spend, or name them with --channels col1,col2 (available columns: y, tv)'),
    issue('SPEND_BY_NAME', 'if one of them is not spend, or a spend column is missing, name the spend columns with --channels col1,col2 (or channels: in mixwise.yaml)'),
    issue('CHANNEL_NEVER_SPENDS', 'leave it out: list the other channels with --channels, or remove it from columns.channels in mixwise.yaml'),
    issue('UNUSED_COLUMNS', 'pass those that drive the KPI (price, distribution, competitor activity…) with --controls, and 0/1 event columns with --events (candidates: promo, xmas)'),
    issue('AUTO_CONTROLS', 'check that each one drives the KPI …; choose the controls with --controls a,b (and their expected signs with --control-signs), or use none with --no-auto-controls'),
    issue('MISSING_COLUMN', 'name the KPI with --target COL (numeric columns: y, tv_spend)'),
  ];
  for (const stage of ['upload', 'roles'] as const) {
    for (const i of cli) {
      assert.ok(namesCommandLine(i.hint), i.hint);
      const hint = apiHint(i, stage);
      assert.ok(!namesCommandLine(hint), `${stage} ${i.code}: ${hint}`);
    }
  }
  assert.equal(apiHint(cli[0], 'upload'), 'the file needs a column of dates, one row per period, like 2024-01-31: add or fix it and upload the file again (available columns: y, tv_spend)');
  assert.equal(apiHint(cli[0], 'roles'), 'set the role of the date column to Date in the column table ("roles.date" in the request); dates must look like 2024-01-31 (available columns: y, tv_spend)');
  assert.match(apiHint(cli[4], 'roles'), /Control \("roles\.controls" in the request\), and 0\/1 event columns to Event \("roles\.events"\) \(candidates: promo, xmas\)$/);
  assert.match(apiHint(cli[6], 'roles'), /Target in the column table \("roles\.target" in the request\) \(numeric columns: y, tv_spend\)$/);
  const plain = issue('NEGATIVE_SPEND', 'spend cannot be negative: check the export');
  assert.equal(apiHint(plain, 'roles'), plain.hint);
  assert.equal(apiHint(issue('MISSING_COLUMN', 'available columns: a, b'), 'roles'), 'available columns: a, b');
});

test('a flood of one code is cut to five, then "and N more", per code and severity; the order and fixes of the kept ones stay', () => {
  const flood = Array.from({ length: 156 }, (_, k) => issue('PANEL_UNBALANCED', 'give every date exactly one row per price', { at: { file: 'd.csv', row: k + 2, column: 'price' } }));
  const warnings = Array.from({ length: 3 }, (_, k) => issue('NEGATIVE_SPEND', 'clip', { severity: 'warning', fix: 'negatives_clip', at: { row: k + 2 } }));
  const out = apiIssues([...warnings, ...flood], 'roles');
  assert.equal(out.length, 3 + 5 + 1);
  assert.deepEqual(out.slice(0, 3).map((i) => i.fix), ['negatives_clip', 'negatives_clip', 'negatives_clip']);
  assert.deepEqual(out.slice(3, 8).map((i) => i.at.row), [2, 3, 4, 5, 6]);
  assert.deepEqual(out[8], {
    code: 'MORE_ISSUES', severity: 'error', message: 'and 151 more PANEL_UNBALANCED errors like the ones above (not listed)',
    hint: 'fix the listed ones first; the same fix usually applies to the rest', at: { file: 'd.csv' },
  });
  assert.deepEqual(apiIssues(flood.slice(0, 5), 'roles').map((i) => i.code), Array(5).fill('PANEL_UNBALANCED'));
});

test('a list the data layer already summed up (10 and "and N more") gets one summary per code with the right total; a summary takes the fix its listed issues share', () => {
  const collector = new IssueCollector('d.csv');
  for (let row = 2; row < 552; row++) collector.error('DECIMAL_COMMA', 'value "1,5" uses a comma as decimal point', 'use a dot', { row, column: 'tv_spend' });
  const out = apiIssues(collector.list(), 'upload');
  assert.deepEqual(out.map((i) => i.code), [...Array(5).fill('DECIMAL_COMMA'), 'MORE_ISSUES']);
  assert.equal(out[5].message, 'and 545 more DECIMAL_COMMA errors like the ones above (not listed)');
  assert.equal(out.filter((i) => i.code === 'MORE_ISSUES').length, 1);
  const gaps = Array.from({ length: 12 }, (_, k) => issue('EMPTY_CELL', 'fill', { severity: 'warning', fix: 'fill_gaps', at: { row: k + 2, column: 'tv_spend' } }));
  const summed = apiIssues(gaps, 'upload');
  assert.deepEqual(summed.map((i) => [i.code, i.fix]), [...Array(5).fill(['EMPTY_CELL', 'fill_gaps']), ['MORE_ISSUES', 'fill_gaps']]);
  assert.equal(apiIssues([...flood(3), ...flood(4).map((i) => ({ ...i, fix: undefined }))], 'upload').find((i) => i.code === 'MORE_ISSUES')?.fix, undefined, 'no shared fix, none on the summary');
});

const flood = (n: number): Issue[] => Array.from({ length: n }, (_, k) => issue('EMPTY_CELL', 'fill', { severity: 'warning', fix: 'fill_gaps', at: { row: k + 2 } }));
