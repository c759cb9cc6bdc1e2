import { test } from 'node:test';
import assert from 'node:assert/strict';
import { profit, profitText } from './profit.ts';
import { targetEfficiency } from './target-efficiency.ts';
import { allocateBudget } from './allocate-budget.ts';
import { mmChannel, responseModel } from './test-models.ts';

test('profit: margin × KPI − spend, before and after', () => {
  assert.deepEqual(profit(0.3, { current: 1000, recommended: 1100 }, { current: 200, recommended: 250 }), { current: 100, recommended: 80, lift: -20 });
});

test('profitText: whether the next unit pays for itself, and where profit is greatest', () => {
  const p = profit(0.5, { current: 1000, recommended: 1100 }, { current: 200, recommended: 250 });
  assert.equal(profitText(0.5, p, null, 'over the plan'), ' At a margin of 0.5 per unit of KPI, gross profit after media spend moves from 300 to 300 over the plan (+0).');
  assert.match(profitText(0.5, p, 1.2, 'per period'), /The next unit of budget returns 1\.2 in KPI, worth 0\.6: less than it costs, so the last units spent lose money at this margin; profit is greatest where the marginal return is 2 \(--target-mroi 2\)\.$/);
  assert.match(profitText(0.5, p, 3, 'per period'), /worth 1\.5: more than it costs, so more budget would raise profit; it is greatest where the marginal return falls to 2 \(--target-mroi 2\)\.$/);
  assert.match(profitText(0.5, p, 2, 'per period'), /worth 1: exactly its cost, so this is the profit-maximising spend\.$/);
});

test('the marginal-ROI floor 1/margin maximises margin × KPI − spend (closed form, two Michaelis–Menten channels)', () => {
  // r_i(x) = c_i x/(1 + x), c = (4, 1). Profit m·Σr_i(x_i) − Σx_i is greatest at r_i' = 1/m: with m = 1,
  // c_i/(1 + x)² = 1 ⇒ x = √c_i − 1 = (1, 0); no budget does better.
  const model = responseModel([mmChannel('a', 4, 1, 2), mmChannel('b', 1, 1, 2)]);
  const m = 1;
  const best = targetEfficiency(model, { type: 'mroi', value: 1 / m });
  assert.ok(best.feasible);
  assert.ok(Math.abs(best.channels[0].recommended - 1) < 1e-9 && Math.abs(best.channels[1].recommended) < 1e-9);
  const gain = (budget: number): number => {
    const r = allocateBudget(model, { budget });
    return r.feasible ? m * r.media.recommended - budget : NaN;
  };
  const atBest = m * best.media.recommended - best.budget;
  for (const b of [0.5, 0.9, 1.1, 1.5, 3]) assert.ok(gain(b) < atBest, `budget ${b}: ${gain(b)} vs ${atBest}`);
});
