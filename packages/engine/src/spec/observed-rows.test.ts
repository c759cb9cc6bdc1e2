import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isObserved, missingRows, observedRows, reviveActual } from './observed-rows.ts';

test('isObserved: finite numbers only', () => {
  assert.deepEqual([0, -3.5, NaN, Infinity, null, undefined].map(isObserved), [true, true, false, false, false, false]);
});

test('observedRows and missingRows split a range between them', () => {
  const y = [1, NaN, 3, 4, NaN, 6];
  assert.deepEqual(Array.from(observedRows(y, 1, 6)), [2, 3, 5]);
  assert.deepEqual(missingRows(y, 1, 6), [1, 4]);
  assert.equal(observedRows(y, 3, 3).length, 0);
});

test('reviveActual: null from JSON becomes NaN, never 0', () => {
  const back = reviveActual(JSON.parse(JSON.stringify([1, NaN, 3])) as (number | null)[]);
  assert.equal(back[0], 1);
  assert.ok(Number.isNaN(back[1]));
  assert.equal(back[2], 3);
});
