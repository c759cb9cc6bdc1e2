import { test } from 'node:test';
import assert from 'node:assert/strict';
import { baselineTermColumn, controlTermColumn } from './baseline-term-column.ts';

test('baselineTermColumn: the recorded column, else the name (model.json written before controls recorded it)', () => {
  assert.equal(baselineTermColumn({ name: 'cost', column: 'price' }), 'price');
  assert.equal(baselineTermColumn({ name: 'price' }), 'price');
});

test('controlTermColumn: a control records its table column (or its name); other terms record none', () => {
  const values = new Float64Array(0);
  const table = { controls: [{ name: 'cost', column: 'price', values, sign: 'negative' as const }, { name: 'temp', values, sign: 'free' as const }] };
  assert.deepEqual(controlTermColumn(table, { name: 'cost', kind: 'control' }), { column: 'price' });
  assert.deepEqual(controlTermColumn(table, { name: 'temp', kind: 'control' }), { column: 'temp' });
  assert.deepEqual(controlTermColumn(table, { name: 'promo', kind: 'event' }), {});
});
