import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { ModelingTable } from '@mixwise/engine';
import { spendVariationIssues } from './spend-variation.ts';

const dates = Array.from({ length: 6 }, (_, i) => `2024-01-${String(1 + 7 * i).padStart(2, '0')}`);
const table = {
  dates,
  frequency: 'weekly',
  target: { name: 'y', kind: 'revenue', values: Float64Array.from([1, 2, 3, 4, 5, 6]) },
  channels: [
    { name: 'tv', column: 'tv_spend', spend: Float64Array.from([1, 2, 3, 4, 5, 6]) },
    { name: 'ooh', column: 'ooh_spend', spend: Float64Array.from([5000, 5000, 5000, 5000, 7, 8]) },
  ],
  controls: [],
  events: [],
} as unknown as ModelingTable;

test('a channel constant over the fitted rows is an error naming it and the fix; varying outside the window does not help', () => {
  assert.deepEqual(spendVariationIssues(table, { start: 0, end: 6 }, 'd.csv'), []);
  const got = spendVariationIssues(table, { start: 0, end: 4 }, 'd.csv');
  assert.deepEqual(got.map((i) => [i.code, i.severity, i.at.file, i.at.column]), [['NO_SPEND_VARIATION', 'error', 'd.csv', 'ooh_spend']]);
  assert.match(got[0].message, /"ooh" spends the same amount \(5000\) in every fitted period \(2024-01-01 … 2024-01-22\)/);
  assert.match(got[0].hint, /remove it from the channels.*widen the modeling window/);
});
