import { test } from 'node:test';
import assert from 'node:assert/strict';
import { modelingTableFromArrays } from './table-from-arrays.ts';
import { EngineError } from '../errors.ts';

const dates = ['2024-01-01', '2024-01-08', '2024-01-15'];

test('modelingTableFromArrays converts plain arrays to Float64Array, null KPI to NaN, and fills defaults', () => {
  const t = modelingTableFromArrays({
    dates, frequency: 'weekly',
    target: { name: 'revenue', values: [10, null, 12] },
    channels: [{ name: 'tv', spend: [1, 0, 2] }],
    controls: [{ name: 'price', values: [1, 2, 3] }],
  });
  assert.ok(t.target.values instanceof Float64Array && t.channels[0].spend instanceof Float64Array);
  assert.ok(Number.isNaN(t.target.values[1]));
  assert.equal(t.target.kind, 'revenue');
  assert.equal(t.channels[0].column, 'tv_spend');
  assert.equal(t.controls[0].sign, 'free');
  assert.deepEqual(t.events, []);
});

test('modelingTableFromArrays checks lengths and cells, naming the series', () => {
  const build = (spend: (number | null)[]) => modelingTableFromArrays({ dates, frequency: 'weekly', target: { name: 'revenue', values: [1, 2, 3] }, channels: [{ name: 'tv', spend }] });
  assert.throws(() => build([1, 2]), (e: unknown) => e instanceof EngineError && e.code === 'SHAPE_MISMATCH' && e.at?.series === 'tv' && /has 2 values but the table has 3 dates/.test(e.message));
  assert.throws(() => build([1, null, 2]), (e: unknown) => e instanceof EngineError && e.code === 'NON_FINITE' && e.at?.row === 1 && e.at.date === '2024-01-08');
});
