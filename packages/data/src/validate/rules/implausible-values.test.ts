import { test } from 'node:test';
import assert from 'node:assert/strict';
import { baseCells } from '../../../test/make-csv.ts';
import { located, ruleCase } from '../../../test/rule-case.ts';
import { implausibleValues } from './implausible-values.ts';
import { extremeOutliers } from './extreme-outliers.ts';

test('implausibleValues: a KPI cell ×1000 is an error at its row, with the fix; EXTREME_OUTLIER stays silent on it', () => {
  const cells = baseCells();
  cells[11][1] = '1110000'; // line 12; sales otherwise 1000 + 10·i, level 1150
  const { csv, roles } = ruleCase(cells);
  const issues = implausibleValues(csv, roles);
  assert.deepEqual(located(issues), [['IMPLAUSIBLE_VALUE', 12, 'sales']]);
  assert.equal(issues[0].severity, 'error');
  assert.match(issues[0].message, /^value 1110000 is \d+\.\d× the typical level of the column/);
  assert.match(issues[0].hint, /correct the cell/);
  assert.deepEqual(extremeOutliers(csv, roles), []);
});

test('implausibleValues: a spend of 1e300 is named readably; a winsorized column gets a warning; smooth data nothing', () => {
  const cells = baseCells();
  cells[5][2] = '1e300';
  const { csv, roles } = ruleCase(cells);
  const issues = implausibleValues(csv, roles);
  assert.deepEqual(located(issues), [['IMPLAUSIBLE_VALUE', 6, 'tv_spend']]);
  assert.match(issues[0].message, /is \d\.\d·10\^29\d×/);
  assert.equal(implausibleValues(csv, roles, { winsorized: ['tv_spend'] })[0].severity, 'warning');
  const plain = ruleCase(baseCells());
  assert.deepEqual(implausibleValues(plain.csv, plain.roles), []);
});
