import { test } from 'node:test';
import assert from 'node:assert/strict';
import { AFTER_PLAN_CHOICES, afterPlanOf, afterPlanSentence } from './after-plan.ts';

test('after-plan choices: current first (the default), then dark; anything else reads as current', () => {
  assert.deepEqual(AFTER_PLAN_CHOICES.map((c) => c.value), ['current', 'dark']);
  assert.equal(afterPlanOf('dark'), 'dark');
  assert.equal(afterPlanOf('current'), 'current');
  assert.equal(afterPlanOf(''), 'current');
});

test('after-plan sentence: names the assumption and the period word', () => {
  assert.match(afterPlanSentence('current', 'week'), /returns to its current spend per week/);
  assert.match(afterPlanSentence('dark', 'month'), /goes dark \(no spend\).*last months/);
  assert.notEqual(afterPlanSentence('current', 'week'), afterPlanSentence('dark', 'week'));
});
