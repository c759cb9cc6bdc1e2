import { test } from 'node:test';
import assert from 'node:assert/strict';
import { allocateBudget } from './allocate-budget.ts';
import { DEFAULT_BOUNDS, defaultBoundsNote, heldByDefaultBounds, planBoundStatus } from './default-bounds.ts';
import { mmChannel, responseModel } from './test-models.ts';
import type { Allocation } from './types.ts';

// a earns far more than b and c: the optimum pushes a to its upper bound and b, c to their lower ones.
const model = responseModel([mmChannel('a', 1000, 1000, 10), mmChannel('b', 1, 1, 10), mmChannel('c', 1, 1, 10)]);
const solve = (constraints: Parameters<typeof allocateBudget>[1]['constraints']): Allocation => {
  const r = allocateBudget(model, { budget: 30, constraints });
  if (!r.feasible) throw new Error(r.message);
  return r;
};
const rows = (r: Allocation) => r.channels.map((c) => ({ ...c, upper: c.upper }));

test('heldByDefaultBounds names channels whose binding limit is the default itself', () => {
  // a takes its 2× (20); b and c keep their 0.5× floors (5 each).
  const r = solve({ defaults: DEFAULT_BOUNDS });
  assert.deepEqual(r.channels.map((c) => c.status), ['at-upper', 'at-lower', 'at-lower']);
  assert.deepEqual(heldByDefaultBounds(rows(r), { defaults: DEFAULT_BOUNDS }), ['a', 'b', 'c']);
});

test('a limit from maxChange, a lock or the channel\'s own range is not the default', () => {
  const mc = { defaults: DEFAULT_BOUNDS, maxChange: { type: 'relative' as const, value: 0.1 } };
  const r = solve(mc);
  assert.equal(r.channels[0].status, 'at-upper');
  assert.deepEqual(heldByDefaultBounds(rows(r), mc), []);
  // a's own range (even one equal to the default) is the user's; b and c still sit on the default floor.
  const own = { defaults: DEFAULT_BOUNDS, channels: { a: { max: { type: 'multiple' as const, value: 2 } } } };
  assert.deepEqual(heldByDefaultBounds(rows(solve(own)), own), ['b', 'c']);
  const locked = { defaults: DEFAULT_BOUNDS, locks: { a: true as const } };
  assert.deepEqual(heldByDefaultBounds(rows(solve(locked)), locked), []);
});

test('defaultBoundsNote: one or several names, the front end\'s way to lift them, nothing without names', () => {
  assert.equal(defaultBoundsNote([], 'x'), '');
  assert.match(defaultBoundsNote(['a'], 'send bounds'), /^ a is held by the default bounds \(0\.5×–2× current spend\), .*; to go further, send bounds\.$/);
  assert.match(defaultBoundsNote(['a', 'b', 'c'], 'x'), /^ a, b and c are held/);
});

test('planBoundStatus: a plan channel on a bound in some periods is held there; every-period statuses pass through', () => {
  assert.equal(planBoundStatus({ status: 'free', periodsAtLower: 0, periodsAtUpper: 12 }), 'at-upper');
  assert.equal(planBoundStatus({ status: 'free', periodsAtLower: 3, periodsAtUpper: 2 }), 'at-lower');
  assert.equal(planBoundStatus({ status: 'free', periodsAtLower: 0, periodsAtUpper: 0 }), 'free');
  assert.equal(planBoundStatus({ status: 'free' }), 'free');
  assert.equal(planBoundStatus({ status: 'at-upper', periodsAtLower: 0, periodsAtUpper: 13 }), 'at-upper');
  assert.equal(planBoundStatus({ status: 'locked', periodsAtLower: 0, periodsAtUpper: 0 }), 'locked');
  // Through heldByDefaultBounds: tv on its default 2× in 12 of 13 periods is named.
  const rows = [{ channel: 'tv', current: 100, lower: 50, upper: 200, status: planBoundStatus({ status: 'free', periodsAtLower: 0, periodsAtUpper: 12 }) }];
  assert.deepEqual(heldByDefaultBounds(rows, {}), ['tv']);
});
