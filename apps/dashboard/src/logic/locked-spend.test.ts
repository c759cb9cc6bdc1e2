import { test } from 'node:test';
import assert from 'node:assert/strict';
import { budgetFrontier, type ResponseModel } from '@mixwise/engine';
import { buildConstraints, DEFAULT_CONTROL } from './constraints.ts';
import { lockedSpendKey, lockedSpendOf } from './locked-spend.ts';

test('lockedSpendKey changes with a locked channel\'s spend or a lock, not with an unlocked channel\'s spend', () => {
  const k = lockedSpendKey([300000, 50, 7], [true, false, false]);
  assert.equal(lockedSpendKey([300000, 80, 9], [true, false, false]), k);
  assert.notEqual(lockedSpendKey([310000, 50, 7], [true, false, false]), k);
  assert.notEqual(lockedSpendKey([300000, 50, 7], [true, true, false]), k);
  assert.deepEqual(lockedSpendOf(k), [300000, null, null]);
  assert.deepEqual(lockedSpendOf(lockedSpendKey([0.1 + 0.2], [true])), [0.1 + 0.2], 'the exact spend, not a rounded one');
});

test('the scenarios built on the locked spend hold a locked channel at the amount typed, not at its current spend', () => {
  const mm = { type: 'michaelis-menten' as const, halfSaturation: 100 };
  const rm: ResponseModel = { baseline: 0, channels: [{ name: 'tv', current: 160, coef: 500, gain: 1, saturation: mm }, { name: 'search', current: 300, coef: 400, gain: 1, saturation: mm }] };
  const controls = [{ ...DEFAULT_CONTROL, locked: true }, { min: 0, max: 3, locked: false }];
  const constraints = buildConstraints(['tv', 'search'], controls, lockedSpendOf(lockedSpendKey([300, 300], [true, false])));
  assert.deepEqual(constraints.locks, { tv: 300 });
  for (const p of budgetFrontier(rm, { levels: [0.9, 1, 1.1], constraints })) {
    assert.ok(p.result.feasible, `level ${p.level}`);
    assert.equal(p.result.channels[0].recommended, 300, `level ${p.level}`);
  }
});
