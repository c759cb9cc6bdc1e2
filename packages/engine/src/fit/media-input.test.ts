import { test } from 'node:test';
import assert from 'node:assert/strict';
import { exposureGaps, mediaInputTable, withMediaBasis } from './media-input.ts';
import type { ModelingTable } from '../spec/modeling-table.ts';
import type { ChannelSpec } from '../spec/model-spec.ts';

const f = (xs: number[]): Float64Array => Float64Array.from(xs);
const table: ModelingTable = {
  dates: ['2024-01-01', '2024-01-08', '2024-01-15', '2024-01-22'], frequency: 'weekly',
  target: { name: 'revenue', kind: 'revenue', values: f([1, 2, 3, 4]) },
  channels: [
    { name: 'tv', column: 'tv_spend', spend: f([100, 100, 200, 100]), exposure: f([50, 10, 20, 10]), exposureColumn: 'tv_grps' },
    { name: 'search', column: 'search_spend', spend: f([1, 2, 3, 4]) },
  ],
  controls: [], events: [],
};
const spec = (name: string, media?: 'spend' | 'exposure'): ChannelSpec => ({ name, adstock: 'geometric', maxLag: 2, saturation: 'hill', ...(media ? { media } : {}) });

test('exposure × k, k = Σ spend / Σ exposure over the window; warm-up rows use the same k', () => {
  const { table: t, media } = mediaInputTable(table, [spec('tv', 'exposure'), spec('search')], { start: 1, end: 4 });
  assert.equal(media[0]?.costPerUnit, 10); // 400 / 40
  assert.equal(media[0]?.column, 'tv_grps');
  assert.deepEqual(media[0]?.spend, [100, 100, 200, 100]);
  assert.equal(media[1], undefined);
  assert.deepEqual(Array.from(t.channels[0].spend), [500, 100, 200, 100]);
  assert.equal(t.channels[1], table.channels[1]);
});

test('all channels on spend: the table itself', () => {
  assert.equal(mediaInputTable(table, [spec('tv'), spec('search', 'spend')], { start: 0, end: 4 }).table, table);
});

test('exposure proportional to spend: the spend itself, so the model is the spend model exactly', () => {
  const prop: ModelingTable = { ...table, channels: [{ ...table.channels[0], exposure: f([1000, 1000, 2000, 1000]) }] };
  const t = mediaInputTable(prop, [spec('tv', 'exposure')], { start: 0, end: 4 }).table;
  assert.equal(t.channels[0].spend, prop.channels[0].spend);
});

test('exposure asked without an exposure column, or all 0 in the window: errors naming the channel and the fix', () => {
  assert.throws(() => mediaInputTable(table, [spec('search', 'exposure')], { start: 0, end: 4 }), /channel "search" .*no exposure column.*exposure: <impressions column>/);
  const zero: ModelingTable = { ...table, channels: [{ ...table.channels[0], exposure: f([5, 0, 0, 0]) }] };
  assert.throws(() => mediaInputTable(zero, [spec('tv', 'exposure')], { start: 1, end: 4 }), /channel "tv" has no exposure in the modeling window/);
});

test('withMediaBasis: exposure for the channels that have it; an error when none has', () => {
  assert.deepEqual(withMediaBasis([spec('tv'), spec('search')], table, 'exposure').map((c) => c.media), ['exposure', 'spend']);
  assert.deepEqual(withMediaBasis([spec('tv', 'exposure')], table, 'spend').map((c) => c.media), ['spend']);
  const none: ModelingTable = { ...table, channels: [table.channels[1]] };
  assert.throws(() => withMediaBasis([spec('search')], none, 'exposure'), /no channel has an exposure column/);
});

test('exposureGaps: window periods with spend but no exposure, or the reverse', () => {
  assert.deepEqual(exposureGaps([1, 0, 2, 3], [5, 4, 0, 1], table.dates, 0, 4), ['2024-01-08', '2024-01-15']);
  assert.deepEqual(exposureGaps([1, 0, 2, 3], [5, 4, 0, 1], table.dates, 3, 4), []);
});
