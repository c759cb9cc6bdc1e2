import { test } from 'node:test';
import assert from 'node:assert/strict';
import { dedupeIssues } from './dedupe-issues.ts';

test('dedupeIssues keeps the first of each finding', () => {
  const a = { code: 'X', message: 'm', at: { file: 'a.csv', row: 2, column: 'tv' } };
  const a2 = { code: 'X', message: 'm', at: { row: 2, column: 'tv' } };
  const b = { code: 'X', message: 'm', at: { row: 3, column: 'tv' } };
  assert.deepEqual(dedupeIssues([a, a2, b, a]), [a, b]);
});
