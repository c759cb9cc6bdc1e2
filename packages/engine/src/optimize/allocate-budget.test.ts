import { test } from 'node:test';
import assert from 'node:assert/strict';
import { allocateBudget } from './allocate-budget.ts';
import { hillChannel, mmChannel, responseModel } from './test-models.ts';
import type { Allocation, AllocationResult } from './types.ts';

function ok(r: AllocationResult): Allocation {
  if (!r.feasible) assert.fail(`infeasible: ${r.message}`);
  return r;
}

test('two Michaelis–Menten channels: the closed-form KKT optimum', () => {
  // r_i = c_i x/(K_i + x); r_i' = c_i K_i/(K_i + x)² = λ ⇒ x_i = √(c_i K_i/λ) − K_i, and Σx = B gives
  // x_i = √(c_i K_i)(B + ΣK)/Σ√(c_j K_j) − K_i. c = (4, 1), K = (1, 1), B = 4: x = (3, 1), λ = 1/4,
  // KPI = 4·3/4 + 1/2 = 3.5.
  const a = ok(allocateBudget(responseModel([mmChannel('a', 4, 1, 2), mmChannel('b', 1, 1, 2)], 10), { budget: 4 }));
  assert.ok(Math.abs(a.channels[0].recommended - 3) < 1e-9);
  assert.ok(Math.abs(a.channels[1].recommended - 1) < 1e-9);
  assert.ok(Math.abs(a.multiplier - 0.25) < 1e-9);
  assert.ok(Math.abs(a.expected.recommended - 13.5) < 1e-9);
  // current (2, 2): 4·2/3 + 2/3 = 10/3 media, + 10 baseline
  assert.ok(Math.abs(a.expected.current - (10 + 10 / 3)) < 1e-12);
  assert.equal(a.method, 'kkt');
  assert.deepEqual(a.binding, ['budget']);
  assert.ok(Math.abs(a.channels[0].mroiRecommended - 0.25) < 1e-9);
  assert.ok(Math.abs(a.channels[0].roiRecommended! - 1) < 1e-9);
});

test('equal curves split the budget equally (concave and S-shaped)', () => {
  const mm = ok(allocateBudget(responseModel([mmChannel('a', 2, 3, 1), mmChannel('b', 2, 3, 7), mmChannel('c', 2, 3, 4)]), { budget: 30 }));
  for (const ch of mm.channels) assert.ok(Math.abs(ch.recommended - 10) < 1e-9);
  // Hill shape 2, K = 1, budget 6 over 2 channels: (3, 3) gives 2·0.9 = 1.8, beating (6, 0) at 36/37.
  const hill = ok(allocateBudget(responseModel([hillChannel('a', 1, 1, 2, 1), hillChannel('b', 1, 1, 2, 1)]), { budget: 6 }));
  for (const ch of hill.channels) assert.ok(Math.abs(ch.recommended - 3) < 1e-7, String(ch.recommended));
});

test('S-shaped curves with a small budget: concentrate rather than split', () => {
  // Hill shape 3, K = 1, budget 1: split (0.5, 0.5) gives 2·(1/8)/(1 + 1/8) = 0.2222; all on one
  // channel: 1/2. The optimum puts everything in one channel (by symmetry either one).
  const a = ok(allocateBudget(responseModel([hillChannel('a', 1, 1, 3, 0.5), hillChannel('b', 1, 1, 3, 0.5)]), { budget: 1 }));
  const xs = a.channels.map((c) => c.recommended).sort((p, q) => p - q);
  assert.ok(xs[0] < 1e-9 && Math.abs(xs[1] - 1) < 1e-9, String(xs));
  assert.ok(Math.abs(a.media.recommended - 0.5) < 1e-9);
  assert.ok(a.optimalityGap >= 0);
});

test('bounds, locks and maxChange hold; multiples, shares and absolute amounts', () => {
  const m = responseModel([mmChannel('a', 10, 1, 2), mmChannel('b', 1, 1, 2), mmChannel('c', 1, 1, 2)]);
  const a = ok(allocateBudget(m, {
    budget: 6,
    constraints: {
      defaults: { min: { type: 'multiple', value: 0.5 }, max: { type: 'multiple', value: 1.5 } },
      // b's own range replaces the defaults, so it repeats the lower bound.
      channels: { b: { min: { type: 'multiple', value: 0.5 }, max: { type: 'share', value: 0.2 } } },
      locks: { c: true },
    },
  }));
  assert.ok(Math.abs(a.channels[0].recommended - 3) < 1e-12); // a wants everything; capped at 1.5 × 2
  assert.equal(a.channels[0].status, 'at-upper');
  assert.equal(a.channels[2].recommended, 2);
  assert.equal(a.channels[2].status, 'locked');
  assert.ok(Math.abs(a.channels[1].recommended - 1) < 1e-12); // 6 − 3 − 2; within [1, 1.2]
  assert.equal(a.channels[1].status, 'at-lower');
  const b = ok(allocateBudget(m, { budget: 6, constraints: { maxChange: { type: 'relative', value: 0.25 } } }));
  assert.ok(Math.abs(b.channels[0].recommended - 2.5) < 1e-12);
});

test('infeasible requests are explained, never silently answered', () => {
  const m = responseModel([mmChannel('a', 1, 1, 2), mmChannel('b', 1, 1, 2)]);
  const low = allocateBudget(m, { budget: 1, constraints: { defaults: { min: { type: 'multiple', value: 0.5 } } } });
  assert.equal(low.feasible, false);
  assert.equal(!low.feasible && low.reason, 'BUDGET_BELOW_MINIMUM');
  assert.equal(!low.feasible && low.details.minimumBudget, 2);
  const high = allocateBudget(m, { budget: 10, constraints: { defaults: { max: { type: 'multiple', value: 1.5 } } } });
  assert.equal(!high.feasible && high.reason, 'BUDGET_ABOVE_MAXIMUM');
  const upTo = ok(allocateBudget(m, { budget: 10, mode: 'up-to', constraints: { defaults: { max: { type: 'multiple', value: 1.5 } } } }));
  assert.equal(upTo.budget, 6);
  const clash = allocateBudget(m, { budget: 4, constraints: { channels: { a: { min: { type: 'absolute', value: 3 }, max: { type: 'share', value: 0.5 } } } } });
  assert.equal(!clash.feasible && clash.reason, 'CONFLICTING_BOUNDS');
  assert.throws(() => allocateBudget(m, { budget: 4, constraints: { locks: { nope: true } } }), /unknown channel/);
});
