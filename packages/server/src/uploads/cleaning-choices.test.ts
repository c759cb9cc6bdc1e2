import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Issue } from '@mixwise/data';
import { cleaningChoiceFor, cleaningStepsOf } from './cleaning-choices.ts';

const roles = { date: 'date', target: 'sales', channels: ['tv_spend'], controls: [], events: [] };

test('skip_missing_kpi: an empty KPI cell names it as its fix, and it runs after fill_gaps whatever order it was chosen in', () => {
  const empty: Issue = { code: 'EMPTY_CELL', severity: 'error', message: 'the target value is empty', hint: 'fill in the KPI', at: { row: 11, column: 'sales' } };
  assert.equal(cleaningChoiceFor(empty, { target: 'sales', controls: [], channels: [{ column: 'tv_spend' }] }), 'skip_missing_kpi');
  assert.equal(cleaningChoiceFor({ ...empty, at: { row: 11, column: 'tv_spend' } }, { target: 'sales', controls: [], channels: [{ column: 'tv_spend' }] }), 'fill_gaps');
  assert.deepEqual(cleaningStepsOf(roles, ['skip_missing_kpi', 'winsorize', 'fill_gaps']).map((s) => s.type), ['fill-gaps', 'skip-missing-kpi', 'winsorize']);
});
