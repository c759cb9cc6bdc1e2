import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Issue } from '@mixwise/data';
import { renderIssues } from './issues.ts';

const issue = (severity: Issue['severity'], code: string, row?: number): Issue => ({
  code, severity, message: `${code} message`, hint: `${code} hint`, at: { file: 'data.csv', row, column: row === undefined ? undefined : 'tv_spend' },
});

test('errors first, then warnings, each under a count, with the fix on its own line', () => {
  const text = renderIssues([issue('warning', 'UNUSED_COLUMNS'), issue('error', 'NOT_A_NUMBER', 14), issue('error', 'EMPTY_CELL', 3)], { color: false });
  assert.equal(text, [
    '✖ 2 errors',
    '  data.csv:14 column "tv_spend": NOT_A_NUMBER message',
    '    fix: NOT_A_NUMBER hint',
    '  data.csv:3 column "tv_spend": EMPTY_CELL message',
    '    fix: EMPTY_CELL hint',
    '! 1 warning',
    '  data.csv: UNUSED_COLUMNS message',
    '    fix: UNUSED_COLUMNS hint',
    '',
  ].join('\n'));
});

test('color adds ANSI codes only when asked; no issues → empty text', () => {
  assert.equal(renderIssues([], { color: true }), '');
  assert.equal(renderIssues([issue('error', 'X', 2)], { color: false }).includes('\u001b['), false);
  assert.equal(renderIssues([issue('error', 'X', 2)], { color: true }).includes('\u001b[31m'), true);
});
