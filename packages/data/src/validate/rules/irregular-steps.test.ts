import { test } from 'node:test';
import assert from 'node:assert/strict';
import { baseCells } from '../../../test/make-csv.ts';
import { located, ruleCase } from '../../../test/rule-case.ts';
import { irregularSteps } from './irregular-steps.ts';
import { fillGaps } from '../../clean/steps/fill-gaps.ts';
import { daysFromIso, isoFromDays } from '../../read/date.ts';

test('irregularSteps: a missing week is reported on the row after the gap, with the missing date', () => {
  const cells = baseCells();
  cells.splice(10, 1); // removes 2024-03-04 (was line 11)
  const { csv, roles } = ruleCase(cells);
  const issues = irregularSteps(csv, roles);
  assert.deepEqual(located(issues), [['IRREGULAR_DATES', 11, 'date']]);
  assert.equal(issues[0].message, 'a gap of 14 days between 2024-02-26 (row 10) and 2024-03-11; weekly data needs 7; missing: 2024-03-04');
});

test('irregularSteps: three missing weeks are all listed; an extra mid-week row is a short step', () => {
  const gap = baseCells();
  gap.splice(10, 3);
  assert.match(irregularSteps(ruleCase(gap).csv, ruleCase(gap).roles)[0].message, /missing: 2024-03-04, 2024-03-11, 2024-03-18$/);
  const extra = baseCells();
  extra.splice(6, 0, ['2024-02-01', '1', '1', '1', '1', '0']); // new line 7, between 2024-01-29 (line 6) and 2024-02-05 (now line 8)
  const { csv, roles } = ruleCase(extra);
  assert.deepEqual(located(irregularSteps(csv, roles)), [['IRREGULAR_DATES', 7, 'date'], ['IRREGULAR_DATES', 8, 'date']]);
});

test('irregularSteps: monthly dates are UNSUPPORTED_FREQUENCY; silent on regular weeks', () => {
  const monthly = baseCells(14).map((r, i) => (i === 0 ? r : [`2024-${String(((i - 1) % 12) + 1).padStart(2, '0')}-01`.replace(/^2024/, String(2024 + Math.floor((i - 1) / 12))), ...r.slice(1)]));
  const m = ruleCase(monthly);
  assert.deepEqual(located(irregularSteps(m.csv, m.roles)), [['UNSUPPORTED_FREQUENCY', undefined, 'date']]);
  const { csv, roles } = ruleCase(baseCells());
  assert.deepEqual(irregularSteps(csv, roles), []);
});

test('irregularSteps after fill_gaps: a short step from an inserted week names that week, not a file row', () => {
  const cells = baseCells(12);
  // From line 4 on every date moves 2 days later (Wednesdays): fill_gaps inserts the week 2024-01-15 before 2024-01-17.
  for (const r of cells.slice(3)) r[0] = isoFromDays(daysFromIso(r[0]) + 2);
  const { csv, roles } = ruleCase(cells, { controls: [], events: [] });
  const filled = fillGaps(csv, { roles: { date: 'date', spend: ['tv_spend', 'search_spend'], controls: [], events: [] } }).table;
  const issues = irregularSteps(filled, roles).filter((i) => i.message.startsWith('a short step'));
  assert.equal(issues.length, 1);
  assert.match(issues[0].message, /^a short step of 2 days between 2024-01-15 \(the week 2024-01-15 that fill_gaps inserted \(it is not in the file\)\) and 2024-01-17/);
  assert.equal(issues[0].at.row, 4);
});

test('irregularSteps: weekly dates that move from Mondays to Tuesdays are one error naming both weekdays and the realignment', () => {
  const cells = baseCells().map((r, i) => (i < 12 ? r : [isoFromDays(daysFromIso(r[0]) + 1), ...r.slice(1)]));
  const { csv, roles } = ruleCase(cells);
  const issues = irregularSteps(csv, roles);
  assert.deepEqual(located(issues), [['IRREGULAR_DATES', 13, 'date']]);
  assert.equal(issues[0].message, 'weekly dates are Mondays up to row 12 (2024-03-11) and Tuesdays from row 13 (2024-03-19): the week start changed, which leaves a step of 8 days');
  assert.match(issues[0].hint, /^realign the weeks from row 13 on to Mondays \(each date 1 day earlier: 2024-03-19 becomes 2024-03-18\)/);
  assert.match(issues[0].hint, /CASE WHEN CAST\("date" AS DATE\) >= DATE '2024-03-19' THEN -1 ELSE 0 END/);
});

test('irregularSteps: a move to an earlier weekday (Mondays, then Sundays) is realigned later', () => {
  const cells = baseCells().map((r, i) => (i < 12 ? r : [isoFromDays(daysFromIso(r[0]) - 1), ...r.slice(1)]));
  const issues = irregularSteps(ruleCase(cells).csv, ruleCase(cells).roles);
  assert.equal(issues.length, 1);
  assert.match(issues[0].message, /Mondays up to row 12 .* and Sundays from row 13 .*step of 6 days/);
  assert.match(issues[0].hint, /each date 1 day later: 2024-03-17 becomes 2024-03-18/);
});
