import { test } from 'node:test';
import assert from 'node:assert/strict';
import { baseCells } from '../../../test/make-csv.ts';
import { located, ruleCase } from '../../../test/rule-case.ts';
import { tooFewPeriods } from './too-few-periods.ts';

test('tooFewPeriods: 11 rows is an error stating the rule', () => {
  const { csv, roles } = ruleCase(baseCells(11));
  const issues = tooFewPeriods(csv, roles);
  assert.deepEqual(located(issues), [['TOO_FEW_ROWS', undefined, undefined]]);
  assert.match(issues[0].message, /11 data rows; at least 12 periods.*max\(2 × parameters, 26\)/);
});

test('tooFewPeriods: 20 rows for 9 parameters is a warning; 26 rows is enough', () => {
  // parameters: 1 + 3·2 channels + 1 control + 1 event = 9 → max(18, 26) = 26
  const few = ruleCase(baseCells(20));
  const issues = tooFewPeriods(few.csv, few.roles);
  assert.deepEqual(located(issues), [['FEW_ROWS', undefined, undefined]]);
  assert.equal(issues[0].message, '20 periods for about 9 parameters; at least max(2 × 9, 26) = 26 are recommended');
  const enough = ruleCase(baseCells(26));
  assert.deepEqual(tooFewPeriods(enough.csv, enough.roles), []);
  // 14 event dummies: 1 + 6 + 1 + 14 = 22 parameters → 44 periods recommended
  assert.match(tooFewPeriods(enough.csv, enough.roles, { nEvents: 14 })[0].message, /= 44 are recommended/);
});
