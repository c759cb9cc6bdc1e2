import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readPlanBudget } from './plan-budget.ts';

test('readPlanBudget follows the simulator until typed, then reads amounts as the spend fields do', () => {
  assert.deepEqual(readPlanBudget(null, 4_940_000), { budget: 4_940_000, problem: null });
  assert.deepEqual(readPlanBudget('2.6M', 1), { budget: 2_600_000, problem: null });
  assert.deepEqual(readPlanBudget('250k', 1), { budget: 250_000, problem: null }, 'the k is not dropped');
  assert.deepEqual(readPlanBudget('2,600,000', 1), { budget: 2_600_000, problem: null });
  assert.deepEqual(readPlanBudget('0', 1), { budget: 0, problem: null });
  assert.deepEqual(readPlanBudget('  ', 1), { budget: null, problem: null }, 'cleared to retype: not an error yet');
  for (const bad of ['1,5', '-5', 'lots']) {
    const r = readPlanBudget(bad, 1);
    assert.equal(r.budget, null, bad);
    assert.match(r.problem ?? '', /^The budget over the plan must be an amount of 0 or more, such as 2600000/);
  }
});

test('readPlanBudget refuses a German-style 2.600.000 with the dot-thousands message', () => {
  const r = readPlanBudget('2.600.000', 1);
  assert.equal(r.budget, null);
  assert.match(r.problem ?? '', /separating thousands; type 2600000 or 2,600,000/);
});
