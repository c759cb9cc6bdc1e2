import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readOutcomeFromText } from '../validate/read-outcome.ts';
import { tableFromCsv } from '../build/table-from-csv.ts';
import { baseCells, toText } from '../../test/make-csv.ts';
import { BASE_ROLES, located } from '../../test/rule-case.ts';
import { checkAndClean } from './check-and-clean.ts';
import { refused } from '../../test/refused.ts';

const SKIP = [{ type: 'skip-missing-kpi' as const }];

test('without skip_missing_kpi an empty KPI cell is still an error, and its hint names the step (flag or config)', () => {
  const cells = baseCells();
  cells[10][1] = ''; // file line 11
  const err = refused(() => checkAndClean(readOutcomeFromText(toText(cells), 'd.csv'), BASE_ROLES, { hints: 'flag' }));
  assert.deepEqual(located(err.issues), [['EMPTY_CELL', 11, 'sales']]);
  assert.match(err.issues[0].hint, /^fill in the KPI for this period \(rows must stay evenly spaced, so do not just delete it\); or leave it out of the fit .*: mixwise fit --clean skip_missing_kpi$/);
  const config = refused(() => checkAndClean(readOutcomeFromText(toText(cells), 'd.csv'), BASE_ROLES, { hints: 'config' }));
  assert.match(config.issues[0].hint, /: "cleaning: \[skip_missing_kpi\]" in mixwise\.yaml$/);
});

test('with skip_missing_kpi the empty and NA KPI cells pass every rule, are logged, and the modeling table has NaN there', () => {
  const cells = baseCells();
  cells[10][1] = '';
  cells[20][1] = 'NA';
  const checked = checkAndClean(readOutcomeFromText(toText(cells), 'd.csv'), BASE_ROLES, { steps: SKIP });
  assert.deepEqual(checked.validation.issues.filter((i) => i.severity === 'error'), []);
  assert.deepEqual(checked.cleaning?.changes.map((c) => [c.step, c.row, c.column, c.before, c.after]),
    [['skip-missing-kpi', 11, 'sales', '', ''], ['skip-missing-kpi', 21, 'sales', 'NA', '']]);
  const { table } = tableFromCsv(checked.csv, { ...BASE_ROLES, target: 'sales' });
  const y = Array.from(table.target.values);
  assert.ok(Number.isNaN(y[9]) && Number.isNaN(y[19]));
  assert.equal(y.filter((v) => Number.isNaN(v)).length, 2);
  assert.equal(y[0], 1000);
});

test('with skip_missing_kpi, the KPI rules do not see a left-out period (a huge neighbour is still checked)', () => {
  const cells = baseCells();
  cells[10][1] = '';
  cells[15][1] = '100000000'; // far above the KPI's level: still refused
  const err = refused(() => checkAndClean(readOutcomeFromText(toText(cells), 'd.csv'), BASE_ROLES, { steps: SKIP }));
  assert.ok(err.issues.every((i) => i.at.row !== 11), 'nothing about the skipped period');
  assert.ok(err.issues.some((i) => i.at.row === 16 && i.at.column === 'sales'));
});

test('fill_gaps without skip_missing_kpi: KPI_GAP names the step; with it, the missing week is inserted and not observed', () => {
  const cells = baseCells();
  cells.splice(11, 1); // the week 2024-03-11 (file line 12) is gone
  const text = toText(cells);
  const err = refused(() => checkAndClean(readOutcomeFromText(text, 'd.csv'), BASE_ROLES, { steps: [{ type: 'fill-gaps' }], hints: 'flag' }));
  assert.deepEqual(located(err.issues), [['KPI_GAP', 12, 'sales'], ['IRREGULAR_DATES', 12, 'date']]);
  assert.match(err.issues[0].hint, /; or insert them with 0 spend and interpolated controls, and leave them out of the fit .*: mixwise fit --clean fill_gaps,skip_missing_kpi,impute_controls$/);
  const plain = refused(() => checkAndClean(readOutcomeFromText(text, 'd.csv'), BASE_ROLES, { hints: 'flag' }));
  assert.deepEqual(located(plain.issues), [['IRREGULAR_DATES', 12, 'date']]);
  assert.match(plain.issues[0].hint, /or insert them with 0 spend and interpolated controls, and leave them out of the fit .*: mixwise fit --clean fill_gaps,skip_missing_kpi,impute_controls$/);
  const checked = checkAndClean(readOutcomeFromText(text, 'd.csv'), BASE_ROLES, { steps: [{ type: 'fill-gaps' }, ...SKIP, { type: 'impute-controls' }] });
  const { table } = tableFromCsv(checked.csv, { ...BASE_ROLES, target: 'sales' });
  assert.equal(table.dates.length, 30);
  assert.equal(table.dates[10], '2024-03-11');
  assert.ok(Number.isNaN(table.target.values[10]));
  assert.equal(table.channels[0].spend[10], 0);
});

test('a KPI written NaN: without skip_missing_kpi NON_FINITE names the step (Inf does not); with it the period is left out and logged, Inf stays an error', () => {
  const cells = baseCells();
  cells[10][1] = 'NaN'; // file line 11
  cells[12][1] = 'nan'; // file line 13
  const err = refused(() => checkAndClean(readOutcomeFromText(toText(cells), 'd.csv'), BASE_ROLES, { hints: 'flag' }));
  assert.deepEqual(located(err.issues), [['NON_FINITE', 11, 'sales'], ['NON_FINITE', 13, 'sales']]);
  assert.match(err.issues[0].hint, /; or leave it out of the fit .*: mixwise fit --clean skip_missing_kpi$/);
  const checked = checkAndClean(readOutcomeFromText(toText(cells), 'd.csv'), BASE_ROLES, { steps: SKIP });
  assert.deepEqual(checked.cleaning?.changes.map((c) => [c.row, c.before, c.after]), [[11, 'NaN', ''], [13, 'nan', '']]);
  const { table } = tableFromCsv(checked.csv, { ...BASE_ROLES, target: 'sales' });
  assert.ok(Number.isNaN(table.target.values[9]) && Number.isNaN(table.target.values[11]));

  cells[12][1] = 'Inf';
  const inf = refused(() => checkAndClean(readOutcomeFromText(toText(cells), 'd.csv'), BASE_ROLES, { steps: SKIP, hints: 'flag' }));
  assert.deepEqual(located(inf.issues), [['NON_FINITE', 13, 'sales']]);
  assert.doesNotMatch(inf.issues[0].hint, /skip_missing_kpi/);
});
