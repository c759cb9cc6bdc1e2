import { test } from 'node:test';
import assert from 'node:assert/strict';
import { allocateBudget } from './allocate-budget.ts';
import { budgetFrontier } from './budget-frontier.ts';
import { hillChannel, mmChannel, responseModel } from './test-models.ts';
import type { Allocation, AllocationConstraints, AllocationResult, ChannelResponse } from './types.ts';

function ok(r: AllocationResult): Allocation {
  if (!r.feasible) assert.fail(`infeasible: ${r.message}`);
  return r;
}

const close = (a: number, b: number, rel: number): boolean => Math.abs(a - b) <= rel * Math.max(Math.abs(a), Math.abs(b), 1e-300);

/** Michaelis–Menten marginal return with gain 1: d/dx c·x/(K + x) = c·K/(K + x)². */
const mmSlope = (ch: ChannelResponse, x: number): number => {
  const k = ch.saturation.type === 'michaelis-menten' ? ch.saturation.halfSaturation : NaN;
  return (ch.coef * k) / (k + x) ** 2;
};

const channels = [mmChannel('a', 3, 0.7, 2), mmChannel('b', 1, 0.3, 4), mmChannel('c', 2, 1.1, 6), mmChannel('locked', 50, 0.5, 3)];
const model = responseModel(channels, 5);
const constraints: AllocationConstraints = {
  defaults: { min: { type: 'multiple', value: 0.5 }, max: { type: 'multiple', value: 2 } },
  locks: { locked: true },
};
const movable = channels.filter((c) => c.name !== 'locked');
const sumLo = channels.reduce((s, c) => s + (c.name === 'locked' ? c.current : 0.5 * c.current), 0);
const sumHi = channels.reduce((s, c) => s + (c.name === 'locked' ? c.current : 2 * c.current), 0);

test('budget = Σ lower bounds: the budget binds and its multiplier is the best marginal return among channels that can grow', () => {
  const a = ok(allocateBudget(model, { budget: sumLo, constraints }));
  const best = Math.max(...movable.map((c) => mmSlope(c, 0.5 * c.current)));
  assert.ok(a.multiplier > 0);
  assert.ok(close(a.multiplier, best, 1e-12), `${a.multiplier} vs ${best}`);
  // The locked channel's steeper curve cannot take the next unit, so it does not set the multiplier.
  assert.ok(a.multiplier < mmSlope(channels[3], channels[3].current));
  assert.equal(a.binding[0], 'budget');
  for (const ch of a.channels.filter((c) => c.channel !== 'locked')) assert.equal(ch.status, 'at-lower');
  // It is the limit of the multiplier from just above the corner.
  const above = ok(allocateBudget(model, { budget: sumLo * (1 + 1e-9), constraints }));
  assert.ok(close(a.multiplier, above.multiplier, 1e-6), `${a.multiplier} vs ${above.multiplier}`);
});

test('the 50 % row of a sweep with 0.5×–2× bounds reports the same corner multiplier', () => {
  // Currents whose halves do not add up exactly in floating point: round-off must not pick a channel.
  const sweep = [mmChannel('a', 3, 0.7, 1.7), mmChannel('b', 1, 0.3, 0.3), mmChannel('c', 2, 1.1, 0.45)];
  const [row] = budgetFrontier(responseModel(sweep), { levels: [0.5], constraints: { defaults: constraints.defaults } });
  const a = ok(row.result);
  const best = Math.max(...sweep.map((c) => mmSlope(c, 0.5 * c.current)));
  assert.ok(close(a.multiplier, best, 1e-12), `${a.multiplier} vs ${best}`);
  assert.ok(a.binding.includes('budget'));
});

test('lower corner with S-shaped curves: the slope at the lower bound of the channel that can grow', () => {
  const m = responseModel([hillChannel('s', 1, 2, 3, 1), hillChannel('t', 4, 2, 3, 1)]);
  const lo = { min: { type: 'absolute', value: 0.5 }, max: { type: 'absolute', value: 3 } } as const;
  const a = ok(allocateBudget(m, { budget: 1, constraints: { defaults: lo } }));
  // Hill with shape 3, K = 2: d/dx c·x³/(x³ + 8) = 24·c·x² / (x³ + 8)², larger for coef 4.
  const slope = (coef: number, x: number): number => (24 * coef * x * x) / (x ** 3 + 8) ** 2;
  assert.ok(close(a.multiplier, slope(4, 0.5), 1e-12), `${a.multiplier}`);
  assert.ok(a.binding.includes('budget'));
});

test('budget = Σ upper bounds: the multiplier is the smallest marginal return among channels that can shrink', () => {
  const a = ok(allocateBudget(model, { budget: sumHi, constraints }));
  const least = Math.min(...movable.map((c) => mmSlope(c, 2 * c.current)));
  assert.ok(close(a.multiplier, least, 1e-12), `${a.multiplier} vs ${least}`);
  assert.equal(a.binding[0], 'budget');
  for (const ch of a.channels.filter((c) => c.channel !== 'locked')) assert.equal(ch.status, 'at-upper');
  const below = ok(allocateBudget(model, { budget: sumHi * (1 - 1e-9), constraints }));
  assert.ok(close(a.multiplier, below.multiplier, 1e-6), `${a.multiplier} vs ${below.multiplier}`);
  // Spending up to exactly that total binds the same way.
  const upTo = ok(allocateBudget(model, { budget: sumHi, constraints, mode: 'up-to' }));
  assert.ok(close(upTo.multiplier, least, 1e-12));
});

test("an 'up-to' budget above Σ upper bounds leaves money unspent: the budget does not bind", () => {
  const a = ok(allocateBudget(model, { budget: 2 * sumHi, constraints, mode: 'up-to' }));
  assert.ok(close(a.budget, sumHi, 1e-12));
  assert.equal(a.multiplier, 0);
  assert.ok(!a.binding.includes('budget'), a.binding.join(', '));
});

test('no channel can move: multiplier 0', () => {
  const a = ok(allocateBudget(model, { budget: 15, constraints: { locks: { a: true, b: true, c: true, locked: true } } }));
  assert.equal(a.multiplier, 0);
  assert.ok(!a.binding.includes('budget'));
});
