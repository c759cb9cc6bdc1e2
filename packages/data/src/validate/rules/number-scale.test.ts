import { test } from 'node:test';
import assert from 'node:assert/strict';
import { baseCells } from '../../../test/make-csv.ts';
import { located, ruleCase } from '../../../test/rule-case.ts';
import { numberScale } from './number-scale.ts';

const scaled = (f: number): string[][] => baseCells().map((r, i) => (i === 0 ? r : [r[0], String(Number(r[1]) * f), ...r.slice(2)]));

test('numberScale: a KPI ×1e150 is one error for the column with the factor to divide by; ×1e-200 one to multiply by', () => {
  const big = ruleCase(scaled(1e150));
  const issues = numberScale(big.csv, big.roles);
  assert.deepEqual(located(issues), [['NUMBER_SCALE', 2, 'sales']]);
  assert.match(issues[0].message, /and 29 other values of 1e15 or more/);
  assert.match(issues[0].hint, /divide it by 1e147 .*"sales" \/ 1e147/);
  const small = ruleCase(scaled(1e-200));
  const tiny = numberScale(small.csv, small.roles);
  assert.deepEqual(located(tiny), [['NUMBER_SCALE', 2, 'sales']]);
  assert.match(tiny[0].hint, /multiply it by 1e2\d\d/);
});

test('numberScale: large currencies (1e12) pass; one huge cell in a normal column is left to implausibleValues unless winsorized', () => {
  const large = ruleCase(scaled(1e9));
  assert.deepEqual(numberScale(large.csv, large.roles), []);
  const cells = baseCells();
  cells[11][1] = '1e155';
  const one = ruleCase(cells);
  assert.deepEqual(numberScale(one.csv, one.roles), []);
  assert.deepEqual(located(numberScale(one.csv, one.roles, { winsorized: ['sales'] })), [['NUMBER_SCALE', 12, 'sales']]);
});

test('numberScale: values near the smallest double (5e-324) get no "multiply by 1e327" (not a number): the hint says to check the export', () => {
  const c = ruleCase(baseCells().map((r, i) => (i === 0 ? r : [r[0], i % 2 === 0 ? '5e-324' : '1e-320', ...r.slice(2)])));
  const [issue] = numberScale(c.csv, c.roles);
  assert.equal(issue.code, 'NUMBER_SCALE');
  assert.doesNotMatch(issue.hint, /1e3\d\d/);
  assert.match(issue.hint, /not amounts in any unit/);
});
