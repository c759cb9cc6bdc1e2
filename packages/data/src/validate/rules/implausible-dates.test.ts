import { test } from 'node:test';
import assert from 'node:assert/strict';
import { baseCells } from '../../../test/make-csv.ts';
import { located, ruleCase } from '../../../test/rule-case.ts';
import { implausibleDates } from './implausible-dates.ts';
import { irregularSteps } from './irregular-steps.ts';
import { unsortedDates } from './unsorted-dates.ts';
import { duplicateDates } from './duplicate-dates.ts';

/** The base table with one date replaced (line = file line). */
function withDate(line: number, date: string): string[][] {
  const cells = baseCells();
  cells[line - 1][0] = date;
  return cells;
}

test('implausibleDates: a year typo is one error naming the date the neighbours imply; no gap or order error follows', () => {
  const { csv, roles } = ruleCase(withDate(11, '2204-03-04'));
  const issues = implausibleDates(csv, roles, 2026);
  assert.deepEqual(located(issues), [['IMPLAUSIBLE_DATE', 11, 'date']]);
  assert.equal(issues[0].message, 'the date 2204-03-04 is outside the plausible years (1900 to 2031) and breaks the sequence of the rows around it (2024-02-26 on row 10, 2024-03-11 on row 12): it is probably a typo for 2024-03-04, the date they imply');
  assert.match(issues[0].hint, /^correct it to 2024-03-04 /);
  assert.deepEqual([...irregularSteps(csv, roles), ...unsortedDates(csv, roles), ...duplicateDates(csv, roles)], []);
});

test('implausibleDates: a plausible date out of sequence (2025 among 2024 weeks) is a probable typo too', () => {
  const { csv, roles } = ruleCase(withDate(11, '2025-03-04'));
  const issues = implausibleDates(csv, roles, 2026);
  assert.match(issues[0].message, /^the date 2025-03-04 breaks the sequence .* probably a typo for 2024-03-04/);
});

test('implausibleDates: years 1500 and 9992 are flagged; on the first row the two rows after imply the date', () => {
  assert.match(implausibleDates(...caseOf(withDate(11, '1500-03-04')), 2026)[0].message, /1500-03-04 is outside the plausible years \(1900 to 2031\)/);
  const first = implausibleDates(...caseOf(withDate(2, '9992-01-01')), 2026);
  assert.deepEqual(located(first), [['IMPLAUSIBLE_DATE', 2, 'date']]);
  assert.match(first[0].message, /2024-01-08 on row 3, 2024-01-15 on row 4\): it is probably a typo for 2024-01-01/);
});

test('implausibleDates: a future date within a few years is fine; a file far ahead is out of range without a sequence to imply', () => {
  const ahead = baseCells().map((r, i) => (i === 0 ? r : [r[0].replace(/^2024/, '2029'), ...r.slice(1)]));
  assert.deepEqual(implausibleDates(...caseOf(ahead), 2026), []);
  const cells = baseCells(3);
  cells[1][0] = '1800-01-01';
  cells[2][0] = '2024-05-01';
  const lone = implausibleDates(...caseOf(cells), 2026);
  assert.equal(lone[0].message, 'the date 1800-01-01 is outside the plausible years (1900 to 2031)');
});

test('implausibleDates: silent on regular dates, a repeated date (duplicateDates) and a missing week', () => {
  assert.deepEqual(implausibleDates(...caseOf(baseCells()), 2026), []);
  const repeat = baseCells();
  repeat[5][0] = repeat[4][0];
  assert.deepEqual(implausibleDates(...caseOf(repeat), 2026), []);
  const gap = baseCells();
  gap.splice(10, 1);
  assert.deepEqual(implausibleDates(...caseOf(gap), 2026), []);
});

function caseOf(cells: string[][]): [ReturnType<typeof ruleCase>['csv'], ReturnType<typeof ruleCase>['roles']] {
  const { csv, roles } = ruleCase(cells);
  return [csv, roles];
}

test('implausibleDates: a first row in order before a gap is a gap, not a typo; one after the next row is a typo', () => {
  const gap = baseCells();
  gap.splice(2, 1); // 2024-01-08 missing after the first row
  assert.deepEqual(implausibleDates(...caseOf(gap), 2026), []);
  const late = implausibleDates(...caseOf(withDate(2, '2024-02-01')), 2026);
  assert.match(late[0].message, /^the date 2024-02-01 breaks the sequence .* probably a typo for 2024-01-01/);
  const early = implausibleDates(...caseOf(withDate(2, '1024-01-01')), 2026);
  assert.match(early[0].message, /probably a typo for 2024-01-01/);
});

/** The base weeks in a given file order (indices into the 30 weeks), header first. */
function inOrder(order: readonly number[]): string[][] {
  const cells = baseCells();
  return [cells[0], ...order.map((w) => cells[w + 1])];
}

/** Weeks 0–29 out of order: week 5 sits between weeks 1 and 3, two steps apart, as if a typo for week 2; weeks 10 and 11 are swapped. */
const SHUFFLED = [0, 1, 5, 3, 2, 4, 6, 7, 8, 9, 11, 10, ...Array.from({ length: 18 }, (_, k) => k + 12)];

test('implausibleDates: an unsorted file has no typo (its neighbours imply a date another row holds); only the order error, no false gap', () => {
  const { csv, roles } = ruleCase(inOrder(SHUFFLED));
  assert.deepEqual(implausibleDates(csv, roles, 2026), []);
  assert.deepEqual(irregularSteps(csv, roles), []);
  assert.deepEqual(located(unsortedDates(csv, roles)), [['UNSORTED_DATES', 5, 'date']]);
});

test('implausibleDates: in an unsorted file with a real gap, no typo is proposed for the missing date; the gap names the row it is placed on', () => {
  // Week 2 (2024-01-15) is missing for real; week 5 still sits between weeks 1 and 3 in the file. Read alone,
  // 2024-02-05 there could be a typo for it, but the rows are out of order elsewhere too: sorting is the fix.
  const { csv, roles } = ruleCase(inOrder(SHUFFLED.filter((w) => w !== 2)));
  assert.deepEqual(implausibleDates(csv, roles, 2026), []);
  const gaps = irregularSteps(csv, roles);
  assert.deepEqual(located(gaps), [['IRREGULAR_DATES', 5, 'date']]);
  assert.equal(gaps[0].message, 'a gap of 14 days between 2024-01-08 (row 3) and 2024-01-22 (row 5); weekly data needs 7; missing: 2024-01-15');
});

test('implausibleDates: an out-of-range year in an unsorted file is still an error, without a date implied by file neighbours', () => {
  const cells = inOrder(SHUFFLED);
  cells[12][0] = '2204-03-04';
  const issues = implausibleDates(...caseOf(cells), 2026);
  assert.deepEqual(located(issues), [['IMPLAUSIBLE_DATE', 13, 'date']]);
  assert.equal(issues[0].message, 'the date 2204-03-04 is outside the plausible years (1900 to 2031)');
});
