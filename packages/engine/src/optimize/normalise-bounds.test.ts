import { test } from 'node:test';
import assert from 'node:assert/strict';
import { boundsOf, normaliseBounds, type SpendLimits } from './normalise-bounds.ts';
import { DEFAULT_BOUNDS, DEFAULT_BOUNDS_TEXT } from './default-bounds.ts';
import { mmChannel, responseModel } from './test-models.ts';
import type { AllocationConstraints } from './types.ts';

const model = responseModel([mmChannel('tv', 100, 50, 40), mmChannel('search', 80, 20, 10), mmChannel('social', 60, 30, 20)]);

function limits(c: AllocationConstraints, budget = 70): SpendLimits {
  const r = normaliseBounds(model, c, budget);
  if ('feasible' in r) throw new Error(r.message);
  return r;
}

test('default bounds: every channel between 0.5× and 2× its current spend', () => {
  const l = limits({ defaults: DEFAULT_BOUNDS });
  assert.deepEqual([...l.lo], [20, 5, 10]);
  assert.deepEqual([...l.hi], [80, 20, 40]);
  assert.equal(DEFAULT_BOUNDS_TEXT, '0.5×–2×');
});

test('a channel\'s own bounds replace the defaults, not intersect them: it can widen them', () => {
  const l = limits({ defaults: DEFAULT_BOUNDS, channels: { tv: { min: { type: 'multiple', value: 0 }, max: { type: 'multiple', value: 3 } } } });
  assert.deepEqual([l.lo[0], l.hi[0]], [0, 120]);
  // The other channels keep the defaults.
  assert.deepEqual([l.lo[1], l.hi[1]], [5, 20]);
});

test('an empty own range leaves that channel unbounded; a one-sided one bounds only that side', () => {
  const l = limits({ defaults: DEFAULT_BOUNDS, channels: { tv: {}, search: { max: { type: 'absolute', value: 15 } } } });
  assert.deepEqual([l.lo[0], l.hi[0]], [0, Infinity]);
  assert.deepEqual([l.lo[1], l.hi[1]], [0, 15]);
  assert.deepEqual([l.lo[2], l.hi[2]], [10, 40]);
});

test('maxChange still intersects whichever bounds apply; a lock overrides everything', () => {
  const l = limits({ defaults: DEFAULT_BOUNDS, channels: { tv: {} }, maxChange: { type: 'relative', value: 0.25 }, locks: { social: true } });
  assert.deepEqual([l.lo[0], l.hi[0]], [30, 50]);
  assert.deepEqual([l.lo[1], l.hi[1]], [7.5, 12.5]);
  assert.deepEqual([l.lo[2], l.hi[2], l.locked[2]], [20, 20, 1]);
});

test('boundsOf reads own keys only (a channel named like an Object.prototype member gets the defaults)', () => {
  assert.equal(boundsOf({ defaults: DEFAULT_BOUNDS, channels: {} }, 'constructor'), DEFAULT_BOUNDS);
  assert.equal(boundsOf({}, 'tv'), undefined);
});
