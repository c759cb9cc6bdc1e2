import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CleaningChoiceSchema } from '@mixwise/contracts';
import { CLEANING_LABELS, cleaningSummaryText } from './cleaning-labels.ts';

test('every cleaning choice has a label; the summary names steps, cells and columns', () => {
  assert.deepEqual(Object.keys(CLEANING_LABELS).sort(), [...CleaningChoiceSchema.options].sort());
  assert.equal(cleaningSummaryText([
    { step: 'sum_panel', changes: 6, columns: { y: 2, tv_spend: 2, geo: 2 } },
    { step: 'negatives', changes: 1, columns: { tv_spend: 1 } },
    { step: 'sort_dates', changes: 0, columns: {} },
    { step: 'fill_gaps', changes: 5, columns: { a: 1, b: 1, c: 1, d: 1, e: 1 } },
  ]), 'sum_panel: 6 cells (y, tv_spend, geo); negatives: 1 cell (tv_spend); sort_dates: no change; fill_gaps: 5 cells (a, b, c, d, … (5 columns))');
});
