import { test } from 'node:test';
import assert from 'node:assert/strict';
import { scenarioRowLabel, SCENARIO_NOTE } from './scenario-names.ts';

test('the middle scenario is labelled as today\'s budget re-split, not as the current plan', () => {
  assert.equal(scenarioRowLabel(1, 1), 'Today\'s budget, re-split (100.0%)');
  assert.equal(scenarioRowLabel(0, 0.8), 'Conservative (80.0%)');
  assert.doesNotMatch(scenarioRowLabel(1, 1), /^Current/);
  assert.match(SCENARIO_NOTE, /not today's plan/);
});
