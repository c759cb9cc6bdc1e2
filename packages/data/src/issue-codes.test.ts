import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { DATA_ISSUE_CODES } from './issue-codes.ts';

test('docs/data-format.md lists every issue code, and no code that does not exist', () => {
  const doc = readFileSync(new URL('../../../docs/data-format.md', import.meta.url), 'utf8');
  const documented = new Set([...doc.matchAll(/^\| `([A-Z_]+)` \| (?:error|warning|error or warning) \|/gm)].map((m) => m[1]));
  const codes = Object.keys(DATA_ISSUE_CODES);
  assert.deepEqual(codes.filter((c) => !documented.has(c)), [], 'codes missing from the docs table');
  assert.deepEqual([...documented].filter((c) => !(c in DATA_ISSUE_CODES)), [], 'documented codes that do not exist');
});
