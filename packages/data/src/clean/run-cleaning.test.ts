import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { CleaningRoles } from './change.ts';
import { DataError } from '../issue.ts';
import { parseCsvText } from '../read/read-csv.ts';
import { tableFromCsv } from '../build/table-from-csv.ts';
import { runCleaning } from './run-cleaning.ts';

const ROLES: CleaningRoles = { date: 'date', spend: ['tv_spend'], controls: ['price'], events: [] };

test('runCleaning: steps run in order on each other\'s output; the log holds every change and the summary counts them', () => {
  const csv = parseCsvText('date,tv_spend,price\n2024-01-15,-5,\n2024-01-01,10,1\n2024-01-29,30,5\n', 'd.csv');
  const { table, changes, summary } = runCleaning(csv, ROLES,
    [{ type: 'sort-dates' }, { type: 'negatives', mode: 'clip' }, { type: 'fill-gaps', frequency: 'weekly' }, { type: 'impute-controls' }]);
  assert.deepEqual(table.rows, [
    ['2024-01-01', '10', '1'], ['2024-01-08', '0', '2'], ['2024-01-15', '0', '3'], ['2024-01-22', '0', '4'], ['2024-01-29', '30', '5'],
  ]);
  assert.deepEqual(summary, [
    { step: 'sort-dates', changes: 2 }, { step: 'negatives', changes: 1 }, { step: 'fill-gaps', changes: 4 }, { step: 'impute-controls', changes: 3 },
  ]);
  assert.equal(changes.length, 10);
  // interpolation sees the inserted periods: price 1 (01-01) → 5 (01-29), 1/7 of the way per week
  assert.deepEqual(changes.filter((c) => c.step === 'impute-controls').map((c) => [c.row, c.date, c.before, c.after]),
    [[null, '2024-01-08', '', '2'], [2, '2024-01-15', '', '3'], [null, '2024-01-22', '', '4']]);
  assert.deepEqual(csv.rows[0], ['2024-01-15', '-5', ''], 'the input table is not modified');
});

test('runCleaning: the cleaned cells build a modeling table; a refusing step throws its DataError', () => {
  const rows = Array.from({ length: 14 }, (_, i) => `2024-01-${String(i + 1).padStart(2, '0')},${100 + i},${i === 3 ? '' : 10 + i},${i % 2}`);
  const csv = parseCsvText(`date,sales,tv_spend,price\n${rows.join('\n')}\n`, 'd.csv');
  const roles: CleaningRoles = { date: 'date', target: 'sales', spend: ['tv_spend'], controls: ['price'], events: [] };
  const { table } = runCleaning(csv, roles, [{ type: 'fill-gaps' }]);
  const built = tableFromCsv(table, { target: 'sales', controls: ['price'] });
  assert.equal(built.table.channels[0].spend[3], 0);
  assert.throws(() => runCleaning(parseCsvText('date,tv_spend,price\n2024-01-01,-1,1\n', 'd.csv'), ROLES, [{ type: 'negatives', mode: 'reject' }]), DataError);
});
