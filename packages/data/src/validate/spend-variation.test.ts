import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { ModelingTable } from '@mixwise/engine';
import { modelledOnExposure, spendVariationIssues } from './spend-variation.ts';

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

test('a channel modelled on exposure is checked on its exposure: a fixed fee buying varying impressions passes, constant impressions do not', () => {
  const fee = { name: 'social', column: 'social_spend', spend: Float64Array.from([20000, 20000, 20000, 20000, 20000, 20000]), exposure: Float64Array.from([9, 8, 9, 7, 9, 9]), exposureColumn: 'social_impressions' };
  const flat = { name: 'ooh', column: 'ooh_spend', spend: Float64Array.from([1, 2, 3, 4, 5, 6]), exposure: Float64Array.from([4, 4, 4, 4, 4, 4]), exposureColumn: 'ooh_imps' };
  const t = { ...table, channels: [table.channels[0], fee, flat] } as unknown as ModelingTable;
  const onExposure = modelledOnExposure(t.channels, { flag: 'exposure' });
  assert.deepEqual(onExposure, ['social', 'ooh']);
  const got = spendVariationIssues(t, { start: 0, end: 6 }, 'd.csv', onExposure);
  assert.deepEqual(got.map((i) => [i.code, i.at.column]), [['NO_SPEND_VARIATION', 'ooh_imps']]);
  assert.match(got[0].message, /"ooh" has the same exposure \(4\) in every fitted period .* modelled on exposure/);
  // On spend, the fixed fee is what the model sees.
  assert.deepEqual(spendVariationIssues(t, { start: 0, end: 6 }, 'd.csv').map((i) => i.at.column), ['social_spend']);
});

test('modelledOnExposure: --media first, then the channel\'s media:, then model.media; only channels with an exposure series', () => {
  const chans = [{ name: 'tv', exposure: new Float64Array(1) }, { name: 'search', exposure: new Float64Array(1) }, { name: 'ooh' }] as unknown as ModelingTable['channels'];
  assert.deepEqual(modelledOnExposure(chans, {}), []);
  assert.deepEqual(modelledOnExposure(chans, { model: 'exposure', channels: [{ name: 'search', media: 'spend' }] }), ['tv']);
  assert.deepEqual(modelledOnExposure(chans, { flag: 'spend', model: 'exposure' }), []);
  assert.deepEqual(modelledOnExposure(chans, { flag: 'exposure' }), ['tv', 'search']);
});
