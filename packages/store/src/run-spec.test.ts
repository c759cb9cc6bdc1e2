import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { ModelingTable } from '@mixwise/engine';
import { runSpec } from './run-spec.ts';

const f = (xs: number[]): Float64Array => Float64Array.from(xs);
const table: ModelingTable = {
  dates: ['2024-01-01', '2024-01-08'], frequency: 'weekly',
  target: { name: 'revenue', kind: 'revenue', values: f([1, 2]) },
  channels: [
    { name: 'tv', column: 'tv_spend', spend: f([1, 2]), exposure: f([10, 20]), exposureColumn: 'tv_grps' },
    { name: 'search', column: 'search_spend', spend: f([1, 2]) },
  ],
  controls: [], events: [],
};

test('media exposure: the channels with an exposure column; spend overrides the config; an error when none has one', () => {
  assert.deepEqual(runSpec(table, { media: 'exposure' }).channels?.map((c) => c.media), ['exposure', 'spend']);
  const config = { channels: [{ name: 'tv', adstock: 'geometric' as const, maxLag: 4, saturation: 'hill' as const, media: 'exposure' as const }] };
  assert.equal(runSpec(table, { configSpec: config }).channels?.[0].media, 'exposure');
  assert.equal(runSpec(table, { configSpec: config, media: 'spend' }).channels?.[0].media, 'spend');
  assert.throws(() => runSpec({ ...table, channels: [table.channels[1]] }, { media: 'exposure' }), /no channel has an exposure column/);
});
