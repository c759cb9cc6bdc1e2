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

test('posterior length: the default for a default search, scaled (≥ 2,000) with a smaller one, given values win', () => {
  assert.equal(runSpec(table, {}).search?.posterior, 20000);
  assert.equal(runSpec(table, { iterations: 5000 }).search?.posterior, 5000);
  assert.equal(runSpec(table, { iterations: 500 }).search?.posterior, 2000);
  assert.equal(runSpec(table, { iterations: 40000 }).search?.posterior, 20000);
  assert.equal(runSpec(table, { iterations: 500, posteriorIterations: 800 }).search?.posterior, 800);
  assert.equal(runSpec(table, { posteriorIterations: 0 }).search?.posterior, 0);
  // A config's search.iterations scales it too; its own posterior length is kept, and the flag overrides both.
  assert.equal(runSpec(table, { configSpec: { search: { iterations: 10000 } as never } }).search?.posterior, 10000);
  assert.equal(runSpec(table, { configSpec: { search: { iterations: 10000, posterior: 3000 } as never } }).search?.posterior, 3000);
  assert.equal(runSpec(table, { configSpec: { search: { posterior: 3000 } as never }, posteriorIterations: 4000 }).search?.posterior, 4000);
});
