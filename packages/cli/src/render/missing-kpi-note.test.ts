import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { SummaryResult } from '@mixwise/engine';
import { missingKpiNote } from './missing-kpi-note.ts';

const dates = ['2024-01-01', '2024-01-08', '2024-01-15', '2024-01-22'];
const none = { warnings: [] } as unknown as Pick<SummaryResult, 'warnings'>;

test('missingKpiNote: counts and dates the window\'s periods without a KPI; nothing when there are none', () => {
  assert.equal(missingKpiNote({ actual: [1, NaN, 3, NaN], dates, window: { start: 0, end: 4 } }, none),
    'Left out of the fit: 2 periods without a KPI (2024-01-08, 2024-01-22); their spend still carries over.\n');
  // A warm-up row before the window's start is not fitted anyway: not counted.
  assert.equal(missingKpiNote({ actual: [NaN, 2, 3, 4], dates, window: { start: 1, end: 4 } }, none), '');
});

test('missingKpiNote: said once, when the fit\'s KPI_NOT_OBSERVED warning already says it', () => {
  const warned = { warnings: [{ code: 'KPI_NOT_OBSERVED', message: '1 period …' }] } as unknown as Pick<SummaryResult, 'warnings'>;
  assert.equal(missingKpiNote({ actual: [1, NaN, 3, 4], dates, window: { start: 0, end: 4 } }, warned), '');
});
