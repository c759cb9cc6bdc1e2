import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readEventColumns } from './read-event-columns.ts';
import { parseCsvText } from '../read/read-csv.ts';
import { IssueCollector } from '../issue-collector.ts';

test('fractional dummies are kept; all-zero dummy warns', () => {
  const csv = parseCsvText('d,e,z\n2024-01-01,0.5,0\n2024-01-08,1,0\n', 'x.csv');
  const issues = new IssueCollector('x.csv');
  assert.deepEqual(readEventColumns(csv, 'e', issues)?.map((e) => Array.from(e.values)), [[0.5, 1]]);
  assert.equal(readEventColumns(csv, 'z', issues)?.length, 1);
  assert.deepEqual(issues.list().map((i) => [i.code, i.severity, i.at.column]), [['EVENT_NEVER_HAPPENS', 'warning', 'z']]);
});

test('a categorical column with only no-event markers gives no dummy and a warning', () => {
  const csv = parseCsvText('d,ev\n2024-01-01,none\n2024-01-08,\n2024-01-15,NA\n', 'x.csv');
  const issues = new IssueCollector();
  assert.deepEqual(readEventColumns(csv, 'ev', issues), []);
  assert.equal(issues.list()[0].code, 'EVENT_NEVER_HAPPENS');
});

test('empty cell in a numeric dummy is an error pointing at the cell', () => {
  const csv = parseCsvText('d,e\n2024-01-01,1\n2024-01-08,\n', 'x.csv');
  const issues = new IssueCollector('x.csv');
  assert.equal(readEventColumns(csv, 'e', issues), undefined);
  assert.deepEqual(issues.list().map((i) => [i.code, i.at.row, i.at.column]), [['EMPTY_CELL', 3, 'e']]);
});
