import { test } from 'node:test';
import assert from 'node:assert/strict';
import { IssueCollector } from './issue-collector.ts';
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
