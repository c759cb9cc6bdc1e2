import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { MmmModel } from '@mixwise/engine';
import { spendTable } from './spend.ts';

test('spend: one row per date and channel over the whole history, in_window marking the modeling window', () => {
  const model = {
    dates: ['2024-01-01', '2024-01-08', '2024-01-15'], window: { start: 1, end: 3 },
    channels: [{ name: 'tv', spend: [10, 20, 30] }, { name: 'search', spend: [1, 2, 3] }],
  } as unknown as MmmModel;
  const t = spendTable(model);
  assert.deepEqual(t.columns.map((c) => `${c.name}:${c.type}`), ['date:date', 'channel:text', 'spend:real', 'in_window:integer']);
  assert.deepEqual(t.rows, [
    ['2024-01-01', 'tv', 10, 0], ['2024-01-01', 'search', 1, 0],
    ['2024-01-08', 'tv', 20, 1], ['2024-01-08', 'search', 2, 1],
    ['2024-01-15', 'tv', 30, 1], ['2024-01-15', 'search', 3, 1],
  ]);
});

test('spend: a channel modelled on exposure exports its actual spend, not the exposure at average cost the transforms saw', () => {
  const model = {
    dates: ['2024-01-01', '2024-01-08'], window: { start: 0, end: 2 },
    channels: [{ name: 'tv', spend: [12, 18], media: { basis: 'exposure', column: 'tv_impressions', costPerUnit: 0.01, spend: [10, 20] } }],
  } as unknown as MmmModel;
  assert.deepEqual(spendTable(model).rows.map((r) => r[2]), [10, 20]);
});
