import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { CleaningRoles } from '../change.ts';
import { DataError } from '../../issue.ts';
import { parseCsvText } from '../../read/read-csv.ts';
import { sortDates } from './sort-dates.ts';
import { resolveRuleRoles } from '../../validate/resolve-rule-roles.ts';
import { irregularSteps } from '../../validate/rules/irregular-steps.ts';
import { implausibleDates } from '../../validate/rules/implausible-dates.ts';
import { unsortedDates } from '../../validate/rules/unsorted-dates.ts';

const ROLES: CleaningRoles = { date: 'date', target: 'y', spend: ['tv_spend'], controls: [], events: [] };

test('sortDates: rows move with their file lines; one change per moved row (positions before → after)', () => {
  const csv = parseCsvText('date,y,tv_spend\n2024-01-15,3,30\n2024-01-01,1,10\n2024-01-08,2,20\n', 'd.csv');
  const { table, changes } = sortDates(csv, { roles: ROLES });
  assert.deepEqual(table.rows, [['2024-01-01', '1', '10'], ['2024-01-08', '2', '20'], ['2024-01-15', '3', '30']]);
  assert.deepEqual(table.rowNumbers, [3, 4, 2]);
  assert.deepEqual(changes, [
    { step: 'sort-dates', column: 'date', row: 3, date: '2024-01-01', before: '2', after: '1', reason: 'row moved from position 2 to 1 to put dates in increasing order' },
    { step: 'sort-dates', column: 'date', row: 4, date: '2024-01-08', before: '3', after: '2', reason: 'row moved from position 3 to 2 to put dates in increasing order' },
    { step: 'sort-dates', column: 'date', row: 2, date: '2024-01-15', before: '1', after: '3', reason: 'row moved from position 1 to 3 to put dates in increasing order' },
  ]);
  assert.deepEqual(csv.rows[0], ['2024-01-15', '3', '30'], 'the input is not modified');
});

test('sortDates: sorted input gives no change; an unreadable date is an error', () => {
  const sorted = parseCsvText('date,y,tv_spend\n2024-01-01,1,10\n2024-01-08,2,20\n', 'd.csv');
  assert.deepEqual(sortDates(sorted, { roles: ROLES }).changes, []);
  const bad = parseCsvText('date,y,tv_spend\n2024-01-01,1,10\n2023-02-30,2,20\n', 'd.csv');
  assert.throws(() => sortDates(bad, { roles: ROLES }), (e: unknown) => e instanceof DataError && e.issues[0].code === 'INVALID_DATE' && e.issues[0].at.row === 3);
});

test('sortDates: after sorting a shuffled file with a real gap, the gap is reported once, naming the file lines of both dates', () => {
  const lines = ['2024-01-22,4,40', '2024-01-01,1,10', '2024-01-29,5,50', '2024-01-08,2,20', '2024-02-05,6,60'];
  const csv = parseCsvText(`date,y,tv_spend\n${lines.join('\n')}\n`, 'd.csv');
  const { table } = sortDates(csv, { roles: ROLES });
  const roles = resolveRuleRoles(table, { target: 'y' });
  assert.deepEqual([...unsortedDates(table, roles), ...implausibleDates(table, roles, 2026)], []);
  const gaps = irregularSteps(table, roles);
  assert.deepEqual(gaps.map((g) => [g.code, g.at.row, g.message]), [
    ['IRREGULAR_DATES', 2, 'a gap of 14 days between 2024-01-08 (row 5) and 2024-01-22 (row 2); weekly data needs 7; missing: 2024-01-15']]);
});
