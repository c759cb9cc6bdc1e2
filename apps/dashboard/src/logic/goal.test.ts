import { test } from 'node:test';
import assert from 'node:assert/strict';
import { goalDefault, goalOf, goalValueProblem, GOAL_CHOICES } from './goal.ts';

test('goalDefault: +5% KPI to three significant figures, today\'s media ROI, break-even', () => {
  assert.equal(goalDefault('kpi', 2_873_410, 900_000, 380_000), 3_020_000); // 3,017,080.5 → 3.02M
  assert.equal(goalDefault('roi', 2_873_410, 900_000, 380_000), 2.37); // 900,000 / 380,000 = 2.368…
  assert.equal(goalDefault('mroi', 2_873_410, 900_000, 380_000), 1);
  assert.equal(goalDefault('roi', 1, 0, 0), 1, 'nothing spent: no ROI to keep');
});

test('goalOf and goalValueProblem', () => {
  assert.deepEqual(['kpi', 'roi', 'mroi', 'x'].map(goalOf), ['kpi', 'roi', 'mroi', 'kpi']);
  assert.equal(goalValueProblem('kpi', 5), null);
  assert.match(goalValueProblem('kpi', 0) ?? '', /KPI target must be a number above 0/);
  assert.match(goalValueProblem('mroi', Number.NaN) ?? '', /return per unit of spend/);
  assert.equal(GOAL_CHOICES[0].label('revenue', 'week'), 'Reach a target revenue per week (least budget)');
});
