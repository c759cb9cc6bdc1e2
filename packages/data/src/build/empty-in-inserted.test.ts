import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readOutcomeFromText } from '../validate/read-outcome.ts';
import { checkAndClean } from '../clean/check-and-clean.ts';
import { baseCells, toText } from '../../test/make-csv.ts';
import { parseCsvText } from '../read/read-csv.ts';
import { tableFromCsv } from './table-from-csv.ts';
import { emptyOnlyInInserted, insertedControlsHint } from './empty-in-inserted.ts';

/** The base weeks without 2024-03-11, price and promo left to detection. */
function gapText(): string {
  const cells = baseCells();
  cells.splice(11, 1);
  return toText(cells);
}

test('fill_gaps with skip_missing_kpi and automatic controls: the control left empty in the inserted week is named, with impute_controls as the fix', () => {
  const checked = checkAndClean(readOutcomeFromText(gapText(), 'd.csv'), { target: 'sales' }, { steps: [{ type: 'fill-gaps' }, { type: 'skip-missing-kpi' }] });
  assert.equal(emptyOnlyInInserted(checked.csv, 'price'), true);
  const { warnings, roles } = tableFromCsv(checked.csv, { target: 'sales' });
  assert.deepEqual(roles.controls, []);
  const unused = warnings.find((w) => w.code === 'UNUSED_COLUMNS');
  assert.equal(unused?.message, 'numeric columns not used by the model: price (empty in the periods fill_gaps inserted)');
  assert.equal(unused?.hint, insertedControlsHint(['price'], 'flags'));
  assert.match(unused?.hint ?? '', /add impute_controls to the cleaning steps \(--clean fill_gaps,…,impute_controls\)/);
  // With impute_controls, price is complete and taken as a control.
  const imputed = checkAndClean(readOutcomeFromText(gapText(), 'd.csv'), { target: 'sales' },
    { steps: [{ type: 'fill-gaps' }, { type: 'skip-missing-kpi' }, { type: 'impute-controls' }] });
  assert.deepEqual(tableFromCsv(imputed.csv, { target: 'sales' }).roles.controls, ['price']);
});

test('a control empty in a row of the file keeps the plain reason (impute_controls is not what the hint is about)', () => {
  const cells = baseCells();
  cells[5][4] = '';
  const csv = parseCsvText(toText(cells), 'd.csv');
  assert.equal(emptyOnlyInInserted(csv, 'price'), false);
  const unused = tableFromCsv(csv, { target: 'sales' }).warnings.find((w) => w.code === 'UNUSED_COLUMNS');
  assert.match(unused?.message ?? '', /price \(has 1 empty cell, on line \d+: the cleaning step impute_controls fills it\)/);
  assert.doesNotMatch(unused?.hint ?? '', /impute_controls/);
});

test('a control with a few empty cells in the file is kept once impute_controls runs, with no control named (as in the dashboard)', () => {
  const cells = baseCells();
  cells[5][4] = '';
  const text = toText(cells);
  assert.deepEqual(tableFromCsv(parseCsvText(text, 'd.csv'), { target: 'sales' }).roles.controls, []);
  const imputed = checkAndClean(readOutcomeFromText(text, 'd.csv'), { target: 'sales' }, { steps: [{ type: 'impute-controls' }] });
  assert.deepEqual(imputed.cleaning?.changes.map((c) => [c.column, c.before]), [['price', '']]);
  assert.deepEqual(tableFromCsv(imputed.csv, { target: 'sales' }).roles.controls, ['price']);
});

test('insertedControlsHint names the config when the roles are set there, and several columns', () => {
  assert.equal(insertedControlsHint(['price', 'temp'], 'config'),
    'to use price, temp as controls, add impute_controls to the cleaning steps (cleaning: in mixwise.yaml): it interpolates their values in the periods fill_gaps inserted');
});

test('a control empty both in an inserted week and in the file: the first empty cell is named by its date, not as line 0', () => {
  const cells = baseCells();
  cells.splice(11, 1);
  cells[20][4] = '';
  const checked = checkAndClean(readOutcomeFromText(toText(cells), 'd.csv'), { target: 'sales' }, { steps: [{ type: 'fill-gaps' }, { type: 'skip-missing-kpi' }] });
  const unused = tableFromCsv(checked.csv, { target: 'sales' }).warnings.find((w) => w.code === 'UNUSED_COLUMNS');
  assert.match(unused?.message ?? '', /price \(has 2 empty cells, the first in the week 2024-03-11 that fill_gaps inserted \(it is not in the file\)/);
  assert.doesNotMatch(unused?.message ?? '', /line 0/);
});
