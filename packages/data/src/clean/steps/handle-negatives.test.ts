import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { CleaningRoles } from '../change.ts';
import { DataError } from '../../issue.ts';
import { parseCsvText } from '../../read/read-csv.ts';
import { handleNegatives } from './handle-negatives.ts';

const ROLES: CleaningRoles = { date: 'date', target: 'y', spend: ['tv_spend', 'search_spend'], controls: [], events: [] };
const CSV = 'date,y,tv_spend,search_spend\n2024-01-01,-3,10,-2.5\n2024-01-08,6,-10,4\n';

test('handleNegatives clip: each negative spend becomes 0, one change per cell; the KPI is not spend', () => {
  const { table, changes } = handleNegatives(parseCsvText(CSV, 'd.csv'), { roles: ROLES, mode: 'clip' });
  assert.deepEqual(table.rows, [['2024-01-01', '-3', '10', '0'], ['2024-01-08', '6', '0', '4']]);
  assert.deepEqual(changes, [
    { step: 'negatives', column: 'tv_spend', row: 3, date: '2024-01-08', before: '-10', after: '0', reason: 'negative value clipped to 0' },
    { step: 'negatives', column: 'search_spend', row: 2, date: '2024-01-01', before: '-2.5', after: '0', reason: 'negative value clipped to 0' },
  ]);
});

test('handleNegatives reject: a DataError with every negative cell; silent on non-negative spend', () => {
  assert.throws(() => handleNegatives(parseCsvText(CSV, 'd.csv'), { roles: ROLES, mode: 'reject' }), (e: unknown) => {
    assert.ok(e instanceof DataError);
    assert.deepEqual(e.issues.map((i) => [i.code, i.at.row, i.at.column]), [['NEGATIVE_SPEND', 3, 'tv_spend'], ['NEGATIVE_SPEND', 2, 'search_spend']]);
    return true;
  });
  const good = parseCsvText('date,y,tv_spend,search_spend\n2024-01-01,1,0,2\n', 'd.csv');
  assert.deepEqual(handleNegatives(good, { roles: ROLES, mode: 'reject' }).changes, []);
  assert.deepEqual(handleNegatives(good, { roles: ROLES, mode: 'clip' }).changes, []);
});

test('handleNegatives: organic exposure is checked like spend (clipped and logged; rejected as "organic exposure is negative")', () => {
  const roles: CleaningRoles = { ...ROLES, spend: ['tv_spend'], organic: ['sends'] };
  const csv = parseCsvText('date,y,tv_spend,sends\n2024-01-01,3,10,-4\n2024-01-08,6,10,40\n', 'd.csv');
  assert.deepEqual(handleNegatives(csv, { roles, mode: 'clip' }).changes.map((c) => [c.column, c.row, c.before, c.after]), [['sends', 2, '-4', '0']]);
  assert.throws(() => handleNegatives(csv, { roles, mode: 'reject' }), (e: unknown) => e instanceof DataError
    && e.issues.length === 1 && e.issues[0].at.column === 'sends' && /organic exposure is negative \(-4\)/.test(e.issues[0].message));
});
