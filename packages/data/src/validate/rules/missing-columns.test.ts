import { test } from 'node:test';
import assert from 'node:assert/strict';
import { baseCells } from '../../../test/make-csv.ts';
import { located, ruleCase } from '../../../test/rule-case.ts';
import { missingColumns } from './missing-columns.ts';

test('missingColumns: a KPI column not in the file, with the available columns in the hint', () => {
  const { csv } = ruleCase(baseCells());
  const issues = missingColumns(csv, { target: 'revenue' });
  assert.deepEqual(located(issues), [['MISSING_COLUMN', undefined, 'revenue']]);
  assert.match(issues[0].hint, /available columns: date, sales, tv_spend, search_spend, price, promo/);
});

test('missingColumns: silent when every role exists, and when no target is given', () => {
  const { csv } = ruleCase(baseCells());
  assert.deepEqual(missingColumns(csv, { target: 'sales', controls: ['price'] }), []);
  assert.deepEqual(missingColumns(csv, {}), []);
});
