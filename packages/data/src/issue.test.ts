import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Issue } from './issue.ts';
import { DataError, formatIssue, formatLocation, hasErrors } from './issue.ts';

const notANumber: Issue = {
  code: 'NOT_A_NUMBER',
  severity: 'error',
  message: 'value "abc" is not a number',
  hint: 'write plain numbers such as 1234.5',
  at: { file: 'data.csv', row: 14, column: 'tv_spend' },
};

test('formatIssue puts file:row, column, message and fix on one line', () => {
  assert.equal(formatIssue(notANumber),
    'data.csv:14 column "tv_spend": value "abc" is not a number — fix: write plain numbers such as 1234.5');
});

test('formatLocation leaves out unknown parts', () => {
  assert.equal(formatLocation({}), '');
  assert.equal(formatLocation({ row: 3 }), 'row 3');
  assert.equal(formatLocation({ column: 'x' }), 'column "x"');
  assert.equal(formatLocation({ file: 'a.csv' }), 'a.csv');
  assert.equal(formatIssue({ ...notANumber, at: {}, hint: '' }), 'value "abc" is not a number');
});

test('DataError keeps every issue and summarises the first error in its message', () => {
  const warning: Issue = { ...notANumber, severity: 'warning', code: 'UNUSED_COLUMNS', message: 'w' };
  const err = new DataError([warning, notANumber, { ...notANumber, at: { row: 15 } }]);
  assert.equal(err.issues.length, 3);
  assert.equal(err.name, 'DataError');
  assert.match(err.message, /^data\.csv:14 column "tv_spend": value "abc"/);
  assert.match(err.message, /\(and 1 more error\)$/);
  assert.ok(err instanceof Error);
});

test('hasErrors is true only when an error is present', () => {
  assert.equal(hasErrors([]), false);
  assert.equal(hasErrors([{ ...notANumber, severity: 'warning' }]), false);
  assert.equal(hasErrors([notANumber]), true);
});
