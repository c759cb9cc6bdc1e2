import { test } from 'node:test';
import assert from 'node:assert/strict';
import { IssueCollector, countIssues, moreIssuesMessage, moreIssuesOf } from './issue-collector.ts';
import { DataError } from './issue.ts';

test('keeps at most perCode issues of one code and summarises the rest', () => {
  const c = new IssueCollector('f.csv', 3);
  for (let row = 2; row < 10; row++) c.error('NOT_A_NUMBER', 'bad', 'fix', { row, column: 'x' });
  c.warning('UNUSED_COLUMNS', 'w', 'h');
  const list = c.list();
  assert.deepEqual(list.filter((i) => i.code === 'NOT_A_NUMBER').map((i) => i.at.row), [2, 3, 4]);
  const more = list.find((i) => i.code === 'MORE_ISSUES');
  assert.ok(more);
  assert.equal(more.severity, 'error');
  assert.equal(more.message, "and 5 more NOT_A_NUMBER errors like the ones above (not listed)");
  assert.equal(list.filter((i) => i.code === 'UNUSED_COLUMNS').length, 1);
});

test('fills in the file and drops undefined location parts', () => {
  const c = new IssueCollector('f.csv');
  c.error('EMPTY_CELL', 'm', 'h', { row: 2, column: undefined });
  assert.deepEqual(c.list()[0].at, { file: 'f.csv', row: 2 });
});

test('throwIfErrors throws a DataError with warnings too, and only when there is an error', () => {
  const c = new IssueCollector();
  c.warning('FEW_ROWS', 'm', 'h');
  assert.doesNotThrow(() => c.throwIfErrors());
  c.error('TOO_FEW_ROWS', 'm', 'h');
  assert.throws(() => c.throwIfErrors(), (e: unknown) => e instanceof DataError && e.issues.length === 2);
});

test('a MORE_ISSUES summary added from another list counts toward its code: one summary with the total, and count() tells the real number', () => {
  const first = new IssueCollector('f.csv', 10);
  for (let row = 2; row < 52; row++) first.error('DECIMAL_COMMA', 'comma', 'fix', { row, column: 'x' });
  const c = new IssueCollector(undefined, 5);
  for (const i of first.list()) c.add(i);
  const list = c.list();
  assert.deepEqual(list.map((i) => i.code), [...Array(5).fill('DECIMAL_COMMA'), 'MORE_ISSUES']);
  assert.equal(list[5].message, 'and 45 more DECIMAL_COMMA errors like the ones above (not listed)');
  assert.equal(c.count('error'), 50);
  assert.equal(countIssues(first.list(), 'error'), 50, 'counted from a list with its summary');
  assert.equal(countIssues(first.list(), 'warning'), 0);
  assert.deepEqual(moreIssuesOf(list[5]), { code: 'DECIMAL_COMMA', count: 45 });
  assert.equal(moreIssuesOf(list[0]), undefined);
  // A summary of a list cut shorter than this collector's cap: the message counts only what is not listed.
  const short = new IssueCollector('f.csv', 2);
  for (let row = 2; row < 6; row++) short.error('EMPTY_CELL', 'empty', 'fix', { row });
  const wide = new IssueCollector(undefined, 5);
  for (const i of short.list()) wide.add(i);
  assert.deepEqual(wide.list().map((i) => i.message), ['empty', 'empty', moreIssuesMessage(2, 'EMPTY_CELL', 'error')]);
});
