import { test } from 'node:test';
import assert from 'node:assert/strict';
import { neighbourLevel } from './neighbour-level.ts';
import { implausibleRows } from './typical-level.ts';

test('neighbourLevel: the larger of the nearest non-zero values on each side, within 4 periods', () => {
  assert.equal(neighbourLevel(Float64Array.of(2, 0, 5000, 3, 1), 2), 3);
  assert.equal(neighbourLevel(Float64Array.of(2, 4000, 5000, 3, 1), 2), 4000);
  // Zeros and unreadable cells are skipped; nothing within reach: undefined.
  assert.equal(neighbourLevel(Float64Array.of(7, 0, NaN, 0, 9), 2), 9);
  assert.equal(neighbourLevel(Float64Array.of(7, 0, 0, 0, 0, 5000, 0, 0, 0, 0, 8), 5), undefined);
  assert.equal(neighbourLevel(Float64Array.of(-6, 5000), 1), 6);
});

test('implausibleRows with isolated: a lone spike stays, a run of high values goes', () => {
  const trickle = [1, 2, 2, 2, 2, 2, 2, 2, 3, 2];
  assert.deepEqual(implausibleRows(Float64Array.from([...trickle, 2000, 2, 2])), [10]);
  assert.deepEqual(implausibleRows(Float64Array.from([...trickle, 2000, 2, 2]), { isolated: true }), [10]);
  assert.deepEqual(implausibleRows(Float64Array.from([...trickle, 2000, 1900, 2])), [10, 11]);
  assert.deepEqual(implausibleRows(Float64Array.from([...trickle, 2000, 1900, 2]), { isolated: true }), []);
  // An unreadable cell is never implausible, and is no neighbour.
  assert.deepEqual(implausibleRows(Float64Array.from([...trickle, NaN, 2000, 2]), { isolated: true }), [11]);
});
