import { test } from 'node:test';
import assert from 'node:assert/strict';
import { baseCells, toText } from '../../test/make-csv.ts';
import { BASE_ROLES } from '../../test/rule-case.ts';
import { readOutcomeFromText } from '../validate/read-outcome.ts';
import { runRules } from '../validate/run-rules.ts';
import { DataError, type Issue } from '../issue.ts';
import { checkAndClean } from './check-and-clean.ts';
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

test('a missing week inside the fitted range with a known KPI: the hint names fill_gaps with skip_missing_kpi (fill_gaps alone would refuse with KPI_GAP)', () => {
  const gap = gapOf(runRules(readOutcomeFromText(missingWeek(), 'd.csv'), BASE_ROLES, { cleaningHints: 'flag' }));
  // price is a control: the inserted week's price would be empty (and the control dropped) without impute_controls.
  assert.match(gap.hint, /; or insert them with 0 spend and interpolated controls, and leave them out of the fit \(each period is logged; their spend is unknown and set to 0: if it is known, add the rows with it and an empty KPI instead\): mixwise fit --clean fill_gaps,skip_missing_kpi,impute_controls$/);
  const across = gapOf(runRules(readOutcomeFromText(missingWeek(), 'd.csv'), BASE_ROLES, { kpiFrom: '2024-01-15' }));
  assert.doesNotMatch(across.message, /before the window's start/);
  assert.match(across.hint, /"cleaning: \[fill_gaps, skip_missing_kpi, impute_controls\]" in mixwise\.yaml$/);
  // Without controls (none given, none automatic), fill_gaps with skip_missing_kpi, saying that the 0 spend is a guess.
  const none = gapOf(runRules(readOutcomeFromText(missingWeek(), 'd.csv'), { target: 'sales', controls: [], events: ['promo'] }, { cleaningHints: 'flag' }));
  assert.match(none.hint, /; or insert them with 0 spend and leave them out of the fit \(each period is logged; their spend is unknown and set to 0: if it is known, add the rows with it and an empty KPI instead\): mixwise fit --clean fill_gaps,skip_missing_kpi$/);
});

test('a missing week with controls left to detection: the hint names impute_controls when a fit would take a column as a control', () => {
  // price is no role given; a fit takes it as an automatic control (complete, numeric, not named like a KPI).
  const gap = gapOf(runRules(readOutcomeFromText(missingWeek(), 'd.csv'), { target: 'sales' }, { cleaningHints: 'flag' }));
  assert.match(gap.hint, /mixwise fit --clean fill_gaps,skip_missing_kpi,impute_controls$/);
  const off = gapOf(runRules(readOutcomeFromText(missingWeek(), 'd.csv'), { target: 'sales', autoControls: false }, { cleaningHints: 'flag' }));
  assert.match(off.hint, /mixwise fit --clean fill_gaps,skip_missing_kpi$/);
  assert.deepEqual(cleaningFix(gap, { target: 'sales', controls: ['price'] })?.advised, ['impute_controls']);
});

test('a missing warm-up week before the window\'s start with a known KPI: the message says so and the hint names fill_gaps', () => {
  const gap = gapOf(runRules(readOutcomeFromText(missingWeek(), 'd.csv'), BASE_ROLES, { kpiFrom: '2024-01-22', cleaningHints: 'flag' }));
  assert.equal(gap.message, 'a gap of 14 days between 2024-01-08 (row 3) and 2024-01-22; weekly data needs 7; missing: 2024-01-15; '
    + 'all before the window\'s start 2024-01-22 (carryover warm-up, whose KPI is not fitted)');
  assert.match(gap.hint, /; or insert them with 0 spend and interpolated controls \(each period is logged; [^)]*\): mixwise fit --clean fill_gaps,impute_controls$/);
  // Without the KPI column the same gap gets no hint: whether the step works cannot be told.
  const unknown = gapOf(runRules(readOutcomeFromText(missingWeek(), 'd.csv'), {}, { kpiFrom: '2024-01-22', cleaningHints: 'flag' }));
  assert.doesNotMatch(unknown.hint, /fill_gaps/);
});

test('a warm-up gap in a summed panel: the message names the summed row first, and the hint still names fill_gaps', () => {
  // Two geos, geo by geo, both without the week 2024-01-15: after sum_panel the gap is on the summed row of 2024-01-22.
  const lines = ['date,geo,sales,tv_spend'];
  for (const geo of ['north', 'south']) {
    for (let w = 0; w < 30; w++) {
      if (w === 2) continue;
      lines.push(`${new Date(Date.UTC(2024, 0, 1 + 7 * w)).toISOString().slice(0, 10)},${geo},${5000 + 13 * w},${1000 + 37 * (w % 11)}`);
    }
  }
  const read = readOutcomeFromText(`${lines.join('\n')}\n`, 'geo.csv');
  let issues: Issue[] = [];
  try {
    checkAndClean(read, { target: 'sales' }, { steps: [{ type: 'sum-panel', column: 'geo' }], kpiFrom: '2024-01-29', hints: 'flag' });
  } catch (err) {
    if (!(err instanceof DataError)) throw err;
    issues = err.issues;
  }
  const gaps = issues.filter((i) => i.code === 'IRREGULAR_DATES');
  assert.equal(gaps.length, 1, issues.map((i) => i.message).join('\n'));
  assert.match(gaps[0].message, /^in the summed row for 2024-01-22 \(2 rows: lines 4, 33\): a gap of 14 days .*all before the window's start 2024-01-29/);
  assert.deepEqual(gaps[0].details, { warmUpGap: true, gap: true });
  assert.match(gaps[0].hint, /mixwise fit --clean fill_gaps$/);
  assert.deepEqual(cleaningFix(gaps[0], { target: 'sales', controls: [] }), { flag: 'fill_gaps', yaml: 'fill_gaps' });
});

test('an empty organic exposure cell names fill_gaps (0 exposure, as for spend); an empty cell of an unknown column names nothing', () => {
  const empty = (column: string): Issue => ({ code: 'EMPTY_CELL', severity: 'error', message: 'the organic exposure value is empty', hint: '', at: { file: 'd.csv', row: 5, column } });
  const roles = { controls: [], channels: [{ column: 'tv_spend' }], organic: ['sends'] };
  assert.deepEqual(cleaningFix(empty('sends'), roles), { flag: 'fill_gaps', yaml: 'fill_gaps' });
  assert.equal(cleaningFix(empty('other'), roles), undefined);
});
