import { test } from 'node:test';
import assert from 'node:assert/strict';
import { IssueSchema } from '@mixwise/contracts';
import { cleaningFix } from '@mixwise/data';
import { plainIssue } from './inspect-csv.ts';

test('plainIssue keeps the warm-up gap marker (cleaningFix reads it, not the message), and the API schema keeps it too', () => {
  const gap = { code: 'IRREGULAR_DATES', severity: 'error' as const, hint: 'add the missing periods',
    message: 'in the summed row for 2024-01-22 (2 rows: lines 4, 33): a gap of 14 days …', at: { file: undefined, column: 'date' }, details: { warmUpGap: true as const } };
  const plain = plainIssue(gap);
  assert.deepEqual(plain, { code: 'IRREGULAR_DATES', severity: 'error', hint: 'add the missing periods', message: gap.message, at: { column: 'date' }, details: { warmUpGap: true } });
  assert.deepEqual(cleaningFix(plain, { target: 'sales', controls: [] }), { flag: 'fill_gaps', yaml: 'fill_gaps' });
  assert.deepEqual(IssueSchema.parse(plain).details, { warmUpGap: true });
  assert.equal('details' in plainIssue({ ...gap, details: undefined }), false);
});
