import { test } from 'node:test';
import assert from 'node:assert/strict';
import { explainAllocation } from './explain-allocation.ts';
import { keepsCurrentSpend } from './keep-current.ts';
import { allocateBudget } from './allocate-budget.ts';
import { minimumBudget } from './minimum-budget.ts';
import { mmChannel, responseModel } from './test-models.ts';

// Two Michaelis–Menten channels c = (4, 1), K = (1, 1), current (2, 2), baseline 10: at budget 4 the
// best split is (3, 1) (targets.test.ts), so only constraints can keep the current one.
const two = responseModel([mmChannel('a', 4, 1, 2), mmChannel('b', 1, 1, 2)], 10);
// Two equal channels at equal spend: the current split is the unconstrained optimum.
const even = responseModel([mmChannel('a', 1, 1, 2), mmChannel('b', 1, 1, 2)], 10);

test('keepsCurrentSpend: round-off is no change, a visible move is one', () => {
  assert.equal(keepsCurrentSpend([{ current: 2, recommended: 2 }, { current: 380000, recommended: 380000 + 1e-7 }]), true);
  assert.equal(keepsCurrentSpend([{ current: 2, recommended: 2.5 }, { current: 2, recommended: 1.5 }]), false);
  assert.equal(keepsCurrentSpend([{ current: 0, recommended: 0 }]), true);
});

test('an allocation held at the current split by its constraints says there is nothing to change and that relaxing them is the way to a better split', () => {
  // a locked at 2 and an exact budget of 4 leave b its current 2.
  const r = allocateBudget(two, { budget: 4, constraints: { locks: { a: true } } });
  assert.ok(r.feasible && keepsCurrentSpend(r.channels));
  const text = explainAllocation(r);
  assert.match(text, /^Keep the current spend of 4 per period, every channel as now\. Under these constraints there is nothing to change; they hold the split where it is: a: locked\. Relaxing them \(unlocking a channel, widening its bounds or the maximum change\) is how to find a better split\. The KPI is predicted to stay at 13\.33 per period\./);
  assert.doesNotMatch(text, /raise|cut|already the best|test/);
  // --max-change 0 holds both channels at their bounds.
  const held = explainAllocation(allocateBudget(two, { budget: 4, constraints: { maxChange: { type: 'relative', value: 0 } } }));
  assert.match(held, /they hold the split where it is: a: (lower|upper) bound, b: (lower|upper) bound\. Relaxing them/);
});

test('an allocation whose current split is already the best says so, with nothing to relax', () => {
  const r = allocateBudget(even, { budget: 4 });
  assert.ok(r.feasible && keepsCurrentSpend(r.channels));
  const text = explainAllocation(r);
  assert.match(text, /^Keep the current spend of 4 per period, every channel as now\. No channel bound binds: the current split is already the best for this budget, so there is nothing to change\./);
  assert.match(text, /returns about 0\.111 in KPI/);
  assert.doesNotMatch(text, /Relaxing|raise|cut/);
  // A real move is still described as one.
  assert.match(explainAllocation(allocateBudget(two, { budget: 4 })), /^Spend 4 per period \(unchanged\): raise a from 2 to 3/);
});

test('a KPI target below the baseline: no media spend is needed, and the least budget is 0 or the lower bounds', () => {
  const r = minimumBudget(two, { targetKpi: 5 });
  assert.ok(r.feasible && r.budget === 0);
  assert.match(explainAllocation(r, { targetKpi: 5 }), /^The target 5 is below what the baseline alone is predicted to deliver \(10 per period\): no media spend is needed to reach it; the least budget is 0\. Spend 0 per period \(−100\.0% vs 4 now\): /);
  // Without the target the paragraph cannot compare it with the baseline and says nothing of it.
  assert.match(explainAllocation(r), /^Spend 0 per period/);
  const bounded = minimumBudget(two, { targetKpi: 5, constraints: { defaults: { min: { type: 'multiple', value: 0.5 } }, locks: { b: 1.5 } } });
  assert.ok(bounded.feasible);
  assert.match(explainAllocation(bounded, { targetKpi: 5 }), /^The target 5 is below what the baseline alone is predicted to deliver \(10 per period\): no media spend is needed to reach it; the least budget is the total of the lower bounds and locks \(2\.5 per period\)\. Spend 2\.5 per period/);
});

test('a KPI target above the baseline that the lower bounds already reach says no spend above them is needed', () => {
  // At the lower bounds (1, 1): 10 + 4·1/2 + 1/2 = 12.5 ≥ 12.
  const r = minimumBudget(two, { targetKpi: 12, constraints: { defaults: { min: { type: 'multiple', value: 0.5 } } } });
  assert.ok(r.feasible);
  assert.match(explainAllocation(r, { targetKpi: 12 }), /^The target 12 is reached by the lower bounds alone \(predicted 12\.5 per period, the baseline 10 included\): no spend above them is needed; the least budget is the total of the lower bounds \(2 per period\)\. Spend 2 per period/);
  // A target that needs spend above them gets no such sentence.
  const more = minimumBudget(two, { targetKpi: 13.5, constraints: { defaults: { min: { type: 'multiple', value: 0.5 } } } });
  assert.ok(more.feasible);
  assert.match(explainAllocation(more, { targetKpi: 13.5 }), /^Spend 4 per period/);
});

test('with every channel held by a bound there is no shared marginal return to quote', () => {
  // Upper bounds 1.5 × current = (3, 3) take the whole budget of 6: both at their upper bound, while the
  // solver still reports a budget multiplier (0.0625). Up to 10, 4 stay unspent: the budget does not bind.
  const capped = { defaults: { max: { type: 'multiple' as const, value: 1.5 } } };
  const exact = allocateBudget(two, { budget: 6, constraints: capped }), upTo = allocateBudget(two, { budget: 10, mode: 'up-to', constraints: capped });
  assert.ok(exact.feasible && exact.multiplier > 0 && upTo.feasible && upTo.multiplier === 0 && !upTo.binding.includes('budget'));
  for (const r of [exact, upTo]) {
    assert.ok(r.feasible && r.channels.every((c) => c.status === 'at-upper'));
    const text = explainAllocation(r);
    assert.doesNotMatch(text, /next unit of budget|channels not held by a bound/);
    assert.match(text, /Constraints that bind: a: upper bound, b: upper bound\./);
  }
  // One free channel keeps the sentence: a capped at 2.5, b free.
  const one = allocateBudget(two, { budget: 4, constraints: { channels: { a: { max: { type: 'absolute', value: 2.5 } } } } });
  assert.ok(one.feasible && one.channels[1].status === 'free');
  assert.match(explainAllocation(one), /the next unit of budget returns about [\d.]+ in KPI wherever it goes among the channels not held by a bound/);
});
