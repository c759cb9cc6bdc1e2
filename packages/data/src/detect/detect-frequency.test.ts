import { test } from 'node:test';
import assert from 'node:assert/strict';
import { detectFrequency } from './detect-frequency.ts';
import { IssueCollector } from '../issue-collector.ts';

const source = (n: number) => ({ column: 'date', rowNumbers: Array.from({ length: n }, (_, i) => i + 2) });

test('weekly and daily from the median step', () => {
  const issues = new IssueCollector();
  assert.equal(detectFrequency([0, 7, 14, 21], issues, source(4)), 'weekly');
  assert.equal(detectFrequency([100, 101, 102], issues, source(3)), 'daily');
  assert.equal(issues.list().length, 0);
});

test('a missing week is an IRREGULAR_DATES error at the row after the gap', () => {
  const issues = new IssueCollector('f.csv');
  // 19723 = 2024-01-01; the week of 2024-01-15 is missing
  assert.equal(detectFrequency([19723, 19730, 19744, 19751, 19758], issues, source(5)), 'weekly');
  const [issue] = issues.list();
  assert.deepEqual([issue.code, issue.at.row, issue.at.column], ['IRREGULAR_DATES', 4, 'date']);
  assert.match(issue.message, /gap of 14 days between 2024-01-08 \(row 3\) and 2024-01-22; weekly data needs 7/);
});

test('monthly and other steps are UNSUPPORTED_FREQUENCY', () => {
  const issues = new IssueCollector();
  // 2024-01-01, 02-01, 03-01, 04-01 as day numbers: steps 31, 29, 31 (median 31)
  assert.equal(detectFrequency([19723, 19754, 19783, 19814], issues, source(4)), undefined);
  assert.equal(issues.list()[0].code, 'UNSUPPORTED_FREQUENCY');
  assert.match(issues.list()[0].message, /monthly/);
  const other = new IssueCollector();
  assert.equal(detectFrequency([0, 3, 6], other, source(3)), undefined);
  assert.match(other.list()[0].message, /every 3 days/);
});

test('fewer than two dates: undefined, no issue', () => {
  const issues = new IssueCollector();
  assert.equal(detectFrequency([5], issues, source(1)), undefined);
  assert.equal(issues.list().length, 0);
});
