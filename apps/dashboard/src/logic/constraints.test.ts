import { test } from 'node:test';
import assert from 'node:assert/strict';
import { allocateBudget, type ResponseModel } from '@mixwise/engine';
import { buildConstraints } from './constraints.ts';

test('buildConstraints writes multiples and locks', () => {
  const c = buildConstraints(['tv', 'search'], [{ min: 0.5, max: 2, locked: false }, { min: 0, max: 1, locked: true }], [10, 7]);
  assert.deepEqual(c.channels.tv, { min: { type: 'multiple', value: 0.5 }, max: { type: 'multiple', value: 2 } });
  assert.deepEqual(c.locks, { search: 7 });
  assert.equal('locks' in buildConstraints(['tv'], [{ min: 1, max: 1, locked: false }]), false);
  assert.throws(() => buildConstraints(['tv'], [{ min: 2, max: 1, locked: false }]), /above max/);
});

test('the engine honours the built bounds and locks', () => {
  const model: ResponseModel = {
    baseline: 0,
    channels: [
      { name: 'a', current: 10, coef: 100, gain: 1, saturation: { type: 'michaelis-menten', halfSaturation: 1 } },
      { name: 'b', current: 10, coef: 1, gain: 1, saturation: { type: 'michaelis-menten', halfSaturation: 1 } },
      { name: 'c', current: 10, coef: 1, gain: 1, saturation: { type: 'michaelis-menten', halfSaturation: 1 } },
    ],
  };
  const constraints = buildConstraints(['a', 'b', 'c'], [{ min: 0.5, max: 1.2, locked: false }, { min: 0.5, max: 1.5, locked: false }, { min: 0, max: 3, locked: true }], [10, 10, 4]);
  const r = allocateBudget(model, { budget: 30, constraints });
  assert.ok(r.feasible);
  // a is worth most but capped at 1.2 × 10 = 12; c is locked at 4; b takes the rest: 30 − 12 − 4 = 14
  assert.ok(Math.abs(r.channels[0].recommended - 12) < 1e-6);
  assert.ok(Math.abs(r.channels[2].recommended - 4) < 1e-9);
  assert.ok(Math.abs(r.channels[1].recommended - 14) < 1e-6);
});
