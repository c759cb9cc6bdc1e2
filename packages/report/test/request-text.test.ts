import { test } from 'node:test';
import assert from 'node:assert/strict';
import { requestText } from '../src/recommendation.ts';

test('requestText: a KPI target reads per period in steady state and as a total inside the plan with --periods', () => {
  assert.equal(requestText({ type: 'target-kpi', value: 2_800_000 }, 'revenue'), ', asked for the least budget reaching 2,800,000 revenue per period');
  assert.equal(requestText({ type: 'target-kpi', value: 36_500_000 }, 'revenue', 'plan'), ', asked for the least budget reaching 36,500,000 revenue in total inside the plan');
  assert.equal(requestText({ type: 'budget', value: 5_000_000 }, 'revenue', 'plan'), ', asked for a budget of 5,000,000 over the plan');
  assert.equal(requestText({ type: 'budget', value: null }, 'revenue'), '');
});
