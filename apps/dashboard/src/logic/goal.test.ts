import { test } from 'node:test';
import assert from 'node:assert/strict';
import { goalDefault, goalOf, goalValueProblem, GOAL_CHOICES, readGoalField } from './goal.ts';

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
  assert.equal(GOAL_CHOICES[0].label('revenue', 'week', 'ROI'), 'Reach a target revenue per week (least budget)');
  // The media-return goal is named as the simulator names KPI ÷ spend: ROI for revenue, KPI per spend for a count KPI.
  assert.equal(GOAL_CHOICES[1].label('revenue', 'week', 'ROI'), 'Keep media ROI at least (most spend)');
  assert.equal(GOAL_CHOICES[1].label('orders', 'week', 'KPI per spend'), 'Keep media KPI per spend at least (most spend)');
});

test('readGoalField reads amounts as the spend fields do, and says so instead of guessing at other text', () => {
  assert.deepEqual(readGoalField('kpi', '3.02M'), { value: 3_020_000, problem: null });
  assert.deepEqual(readGoalField('kpi', '3,020,000'), { value: 3_020_000, problem: null });
  assert.deepEqual(readGoalField('kpi', '250k'), { value: 250_000, problem: null });
  assert.deepEqual(readGoalField('roi', '1.5'), { value: 1.5, problem: null });
  assert.deepEqual(readGoalField('roi', String(goalDefault('roi', 2_873_410, 900_000, 380_000))), { value: 2.37, problem: null });
  assert.deepEqual(readGoalField('kpi', ''), { value: null, problem: null }, 'cleared to retype: not an error yet');
  const comma = readGoalField('roi', '1,5');
  assert.equal(comma.value, null, '"1,5" is neither 1.5 nor 15');
  assert.match(comma.problem ?? '', /return per unit of spend must be a plain number above 0 with a decimal point, such as 1\.5 \(no comma/);
  // A comma group or a suffix is never a ratio: "1,125" is 1.125 to a German reader, not 1125.
  for (const text of ['1,125', '2.5k']) assert.equal(readGoalField('mroi', text).value, null, text);
  assert.match(readGoalField('kpi', 'lots').problem ?? '', /KPI target must be a number above 0, such as 3020000/);
  assert.match(readGoalField('kpi', '0').problem ?? '', /KPI target must be a number above 0/);
  assert.equal(readGoalField('kpi', '-5').value, null);
});

test('readGoalField: a return (ROI, mROI) is a ratio, so 1.125 is 1.125; a KPI target refuses dot thousands and suggests a decimal it accepts', () => {
  assert.deepEqual(readGoalField('roi', '1.125'), { value: 1.125, problem: null });
  assert.deepEqual(readGoalField('mroi', '1.250'), { value: 1.25, problem: null });
  assert.deepEqual(readGoalField('mroi', '1.500'), { value: 1.5, problem: null });
  const kpi = readGoalField('kpi', '2.125');
  assert.equal(kpi.value, null);
  assert.match(kpi.problem ?? '', /type 2125 or 2,125 \(or 2\.1250 if you meant the decimal\)/);
  assert.deepEqual(readGoalField('kpi', '2.1250'), { value: 2.125, problem: null }, 'the suggested decimal is accepted');
  assert.match(readGoalField('kpi', '-1.500').problem ?? '', /type -1500 or -1,500 \(or -1\.5 if you meant the decimal\)/);
});
