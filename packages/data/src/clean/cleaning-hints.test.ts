import { test } from 'node:test';
import assert from 'node:assert/strict';
import { baseCells, toText } from '../../test/make-csv.ts';
import { BASE_ROLES } from '../../test/rule-case.ts';
import { readOutcomeFromText } from '../validate/read-outcome.ts';
import { runRules } from '../validate/run-rules.ts';
import { cleaningFix } from './cleaning-hints.ts';

/** The base weeks from 2024-01-01 without 2024-01-15 (the gap is reported on line 4, 2024-01-22). */
function missingWeek(): string {
  const cells = baseCells();
  cells.splice(3, 1);
  return toText(cells);
}

const gapOf = (result: ReturnType<typeof runRules>) => {
  const gaps = result.issues.filter((i) => i.code === 'IRREGULAR_DATES');
  assert.equal(gaps.length, 1);
  return gaps[0];
};

test('a missing week before the KPI column is known: no fill_gaps hint (a fit has a KPI, which fill_gaps never invents)', () => {
  const gap = gapOf(runRules(readOutcomeFromText(missingWeek(), 'd.csv'), {}));
  assert.deepEqual([gap.at.row, gap.at.column], [4, 'date']);
  assert.equal(gap.hint, 'add the missing periods (with 0 spend where nothing was spent) so that dates are evenly spaced');
  assert.equal(cleaningFix(gap, { controls: [], channels: [{ column: 'tv_spend' }] }), undefined);
});

test('a missing week inside the fitted range with a known KPI: no fill_gaps hint (it would refuse with KPI_GAP)', () => {
  const gap = gapOf(runRules(readOutcomeFromText(missingWeek(), 'd.csv'), BASE_ROLES));
  assert.doesNotMatch(gap.hint, /fill_gaps/);
  const across = gapOf(runRules(readOutcomeFromText(missingWeek(), 'd.csv'), BASE_ROLES, { kpiFrom: '2024-01-15' }));
  assert.doesNotMatch(across.message, /before the window's start/);
  assert.doesNotMatch(across.hint, /fill_gaps/);
});

test('a missing warm-up week before the window\'s start with a known KPI: the message says so and the hint names fill_gaps', () => {
  const gap = gapOf(runRules(readOutcomeFromText(missingWeek(), 'd.csv'), BASE_ROLES, { kpiFrom: '2024-01-22', cleaningHints: 'flag' }));
  assert.equal(gap.message, 'a gap of 14 days between 2024-01-08 (row 3) and 2024-01-22; weekly data needs 7; missing: 2024-01-15; '
    + 'all before the window\'s start 2024-01-22 (carryover warm-up, whose KPI is not fitted)');
  assert.match(gap.hint, /; or let Mixwise change it and log every change: mixwise fit --clean fill_gaps$/);
  // Without the KPI column the same gap gets no hint: whether the step works cannot be told.
  const unknown = gapOf(runRules(readOutcomeFromText(missingWeek(), 'd.csv'), {}, { kpiFrom: '2024-01-22', cleaningHints: 'flag' }));
  assert.doesNotMatch(unknown.hint, /fill_gaps/);
});
