import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Issue } from '@mixwise/data';
import { cleaningChoiceFor, cleaningStepsOf } from './cleaning-choices.ts';

const roles = { date: 'date', target: 'sales', channels: ['tv_spend'], controls: [], events: [], organic: [] };

test('skip_missing_kpi: an empty KPI cell names it as its fix, and it runs after fill_gaps whatever order it was chosen in', () => {
  const empty: Issue = { code: 'EMPTY_CELL', severity: 'error', message: 'the target value is empty', hint: 'fill in the KPI', at: { row: 11, column: 'sales' } };
  assert.equal(cleaningChoiceFor(empty, { target: 'sales', controls: [], channels: [{ column: 'tv_spend' }] }), 'skip_missing_kpi');
  assert.equal(cleaningChoiceFor({ ...empty, at: { row: 11, column: 'tv_spend' } }, { target: 'sales', controls: [], channels: [{ column: 'tv_spend' }] }), 'fill_gaps');
  assert.deepEqual(cleaningStepsOf(roles, ['skip_missing_kpi', 'winsorize', 'fill_gaps']).map((s) => s.type), ['fill-gaps', 'skip-missing-kpi', 'winsorize']);
});

test('cleaningChoiceFor: a warm-up gap with controls is the fill_gaps choice (impute_controls is only advised beside it); a KPI written NaN is skip_missing_kpi', () => {
  const gap: Issue = { code: 'IRREGULAR_DATES', severity: 'error', message: 'a gap', hint: 'h', at: { row: 4, column: 'date' }, details: { gap: true, warmUpGap: true } };
  const roles = { target: 'sales', controls: ['price'], channels: [{ column: 'tv_spend' }] };
  assert.equal(cleaningChoiceFor(gap, roles), 'fill_gaps');
  const nan: Issue = { code: 'NON_FINITE', severity: 'error', message: 'value "NaN" is not a finite number', hint: 'h', at: { row: 9, column: 'sales' }, details: { nan: true } };
  assert.equal(cleaningChoiceFor(nan, roles), 'skip_missing_kpi');
  assert.equal(cleaningChoiceFor({ ...nan, details: undefined }, roles), undefined, 'Infinity is not a missing KPI');
});
