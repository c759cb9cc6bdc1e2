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

test('implausibleValues on spend: an isolated cell ×1000 is an error; a burst over several periods 500× a trickle is an EXTREME_OUTLIER warning', () => {
  const typo = baseCells();
  typo[12][2] = String((100 + 5 * 11) * 1000); // line 13, between 150 and 160
  const t = ruleCase(typo);
  const errors = implausibleValues(t.csv, t.roles);
  assert.deepEqual(located(errors).map((e) => [...e, errors[0].severity]), [['IMPLAUSIBLE_VALUE', 13, 'tv_spend', 'error']]);
  assert.match(errors[0].message, /\(the median of its non-zero values\) and 968\.8× the periods around it \(160\): a spend 300× its level or more is a typo/);
  // A daily channel spending 1–3 a day, with a four-day campaign at 1000–1500 (500× its level).
  const burst = baseCells();
  burst.slice(1).forEach((r, i) => { r[2] = String(1 + (i % 3)); });
  for (const [line, spend] of [[11, '1000'], [12, '1500'], [13, '1200'], [14, '1000']] as const) burst[line - 1][2] = spend;
  const b = ruleCase(burst);
  const issues = implausibleValues(b.csv, b.roles);
  assert.deepEqual(located(issues), [11, 12, 13, 14].map((line) => ['EXTREME_OUTLIER', line, 'tv_spend']));
  assert.ok(issues.every((i) => i.severity === 'warning'));
  assert.match(issues[1].message, /^value 1500 is 750\.0× the typical level of the column, 2 .*the periods around it run at a similar level \(1200\): a burst of spend/);
  // Not warned twice.
  assert.deepEqual(extremeOutliers(b.csv, b.roles).filter((i) => i.at.column === 'tv_spend'), []);
});

test('implausibleValues on the KPI: a burst over several periods is still an error (the KPI rule is unchanged)', () => {
  const cells = baseCells();
  for (const line of [11, 12, 13, 14]) cells[line - 1][1] = '1500000';
  const { csv, roles } = ruleCase(cells);
  const issues = implausibleValues(csv, roles);
  assert.deepEqual(located(issues), [11, 12, 13, 14].map((line) => ['IMPLAUSIBLE_VALUE', line, 'sales']));
  assert.ok(issues.every((i) => i.severity === 'error'));
});
