import { test } from 'node:test';
import assert from 'node:assert/strict';
import { geoShares, modelingTableFromPanel } from './panel.ts';
import { EngineError } from '../errors.ts';

const dates = ['2024-01-01', '2024-01-08', '2024-01-15'];
const input = {
  dates, frequency: 'weekly' as const, column: 'region', geos: ['north', 'south'],
  target: { name: 'sales', values: [[10, 20, 30], [30, 30, 40]] },
  channels: [{ name: 'tv', spend: [[1, 0, 2], [3, 4, 0]] }],
  controls: [{ name: 'price', sign: 'negative' as const, values: [[2, 2, 2], [4, 4, 6]] }, { name: 'index', values: [1, 2, 3] }],
};

test('geoShares: each geo\'s share of the total KPI (60 of 160 and 100 of 160)', () => {
  const s = geoShares({ column: 'region', geos: ['north', 'south'], target: [Float64Array.of(10, 20, 30), Float64Array.of(30, 30, 40)] });
  assert.deepEqual(Array.from(s), [60 / 160, 100 / 160]);
});

test('modelingTableFromPanel: national KPI and spend are the geo sums, a geo control their share-weighted mean, a national control kept', () => {
  const t = modelingTableFromPanel(input);
  assert.deepEqual(Array.from(t.target.values), [40, 50, 70]);
  assert.deepEqual(Array.from(t.channels[0].spend), [4, 4, 2]);
  assert.equal(t.channels[0].column, 'tv_spend');
  const w = [60 / 160, 100 / 160];
  assert.deepEqual(Array.from(t.controls[0].values), [2 * w[0] + 4 * w[1], 2 * w[0] + 4 * w[1], 2 * w[0] + 6 * w[1]]);
  assert.equal(t.controls[0].sign, 'negative');
  assert.deepEqual(Array.from(t.controls[1].values), [1, 2, 3]);
  assert.equal(t.panel?.column, 'region');
  assert.deepEqual(t.panel?.geos, ['north', 'south']);
  assert.deepEqual(t.panel?.controls.map((c) => c === null), [false, true]);
  assert.deepEqual(Array.from(t.panel?.spend[0][1] ?? []), [3, 4, 0]);
});

test('modelingTableFromPanel refuses one geo, a repeated geo, a wrong geo count or length, and a geo with no KPI, naming it', () => {
  const code = (f: () => unknown): string => { try { f(); return 'none'; } catch (e) { assert.ok(e instanceof EngineError); return `${e.code}: ${e.message}`; } };
  assert.match(code(() => modelingTableFromPanel({ ...input, geos: ['north'], target: { name: 'sales', values: [[1, 2, 3]] } })), /INVALID_ARGUMENT: .*at least 2 values of region/);
  assert.match(code(() => modelingTableFromPanel({ ...input, geos: ['north', 'north'] })), /"north" appears twice/);
  assert.match(code(() => modelingTableFromPanel({ ...input, channels: [{ name: 'tv', spend: [[1, 0, 2]] }] })), /SHAPE_MISMATCH: the spend of channel "tv" has 1 geo series but there are 2 geos/);
  assert.match(code(() => modelingTableFromPanel({ ...input, channels: [{ name: 'tv', spend: [[1, 0, 2], [3, 4]] }] })), /SHAPE_MISMATCH: .*region "south" has 2 values but the table has 3 dates/);
  assert.match(code(() => modelingTableFromPanel({ ...input, target: { name: 'sales', values: [[0, 0, 0], [30, 30, 40]] } })), /region "north" has a total KPI of 0/);
});
