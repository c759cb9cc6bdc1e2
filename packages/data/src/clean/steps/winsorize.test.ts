import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { CleaningRoles } from '../change.ts';
import { parseCsvText } from '../../read/read-csv.ts';
import { winsorize } from './winsorize.ts';

const ROLES: CleaningRoles = { date: 'date', target: 'y', spend: ['tv_spend'], controls: [], events: [] };

/** tv_spend = 1..10 then 1000 on 11 daily rows (lines 2..12). */
function table(): ReturnType<typeof parseCsvText> {
  const tv = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 1000];
  return parseCsvText('date,y,tv_spend\n' + tv.map((v, i) => `2024-01-${String(i + 1).padStart(2, '0')},${i},${v}\n`).join(''), 'd.csv');
}

test('winsorize: values outside the [0.1, 0.9] quantiles are capped, one change per cell', () => {
  // numpy.quantile([1..10, 1000], [0.1, 0.9]) = [2.0, 10.0] (h = 10·p is whole: no interpolation)
  const { table: out, changes } = winsorize(table(), { roles: ROLES, lower: 0.1, upper: 0.9 });
  assert.deepEqual(out.rows.map((r) => r[2]), ['2', '2', '3', '4', '5', '6', '7', '8', '9', '10', '10']);
  assert.deepEqual(changes, [
    { step: 'winsorize', column: 'tv_spend', row: 2, date: '2024-01-01', before: '1', after: '2', reason: 'below the 0.1 quantile (2): capped' },
    { step: 'winsorize', column: 'tv_spend', row: 12, date: '2024-01-11', before: '1000', after: '10', reason: 'above the 0.9 quantile (10): capped' },
  ]);
});

test('winsorize: interpolated quantile; [0, 1] changes nothing; bad quantiles throw', () => {
  // numpy.quantile([1..10, 1000], 0.95) = 505.0 (h = 9.5: 10 + 0.5·(1000 − 10))
  assert.deepEqual(winsorize(table(), { roles: ROLES, lower: 0, upper: 0.95 }).changes.map((c) => [c.before, c.after]), [['1000', '505']]);
  assert.deepEqual(winsorize(table(), { roles: ROLES, lower: 0, upper: 1 }).changes, []);
  assert.throws(() => winsorize(table(), { roles: ROLES, lower: 0.9, upper: 0.1 }), RangeError);
});

test('winsorize on spend: only the upper tail by default, and a zero spend is never raised', () => {
  const tv = [0, 0, 300, 400, 500, 600, 700, 800, 900, 1000, 90000];
  const t = parseCsvText('date,y,tv_spend\n' + tv.map((v, i) => `2024-01-${String(i + 1).padStart(2, '0')},${i},${v}\n`).join(''), 'd.csv');
  assert.deepEqual(winsorize(t, { roles: ROLES }).changes.map((c) => [c.row, c.before]), [[12, '90000']]);
  // An explicit lower quantile raises small positive spend, never a zero.
  const low = winsorize(t, { roles: ROLES, lower: 0.3, upper: 1 }).changes.map((c) => [c.row, c.before]);
  assert.deepEqual(low, [[4, '300']]);
  // The KPI, when named, keeps both tails (default 0.01).
  assert.equal(winsorize(t, { roles: ROLES, columns: ['y'], upper: 0.9 }).changes.some((c) => c.reason.startsWith('below')), true);
});
