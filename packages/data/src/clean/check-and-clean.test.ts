import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DataError } from '../issue.ts';
import { readOutcomeFromText } from '../validate/read-outcome.ts';
import { baseCells, toText } from '../../test/make-csv.ts';
import { BASE_ROLES, located } from '../../test/rule-case.ts';
import { checkAndClean } from './check-and-clean.ts';

function refused(run: () => unknown): DataError {
  try {
    run();
  } catch (err) {
    if (err instanceof DataError) return err;
    throw err;
  }
  throw new Error('expected a DataError');
}

test('checkAndClean: without steps, the validate rules refuse negative spend with a hint naming the cleaning step', () => {
  const cells = baseCells();
  cells[8][2] = '-5'; // file line 9, tv_spend
  const err = refused(() => checkAndClean(readOutcomeFromText(toText(cells), 'd.csv'), BASE_ROLES, { hints: 'flag' }));
  assert.deepEqual(located(err.issues), [['NEGATIVE_SPEND', 9, 'tv_spend']]);
  assert.match(err.issues[0].hint, /; or let Mixwise change it and log every change: mixwise fit --clean negatives=clip$/);
  const config = refused(() => checkAndClean(readOutcomeFromText(toText(cells), 'd.csv'), BASE_ROLES, { hints: 'config' }));
  assert.match(config.issues[0].hint, /: "cleaning: \[\{ negatives: clip \}\]" in mixwise\.yaml$/);
});

test('checkAndClean: with negatives clip the cleaned cells pass and the log has the one cell; warnings of the file are kept', () => {
  const cells = baseCells();
  cells[8][2] = '-5';
  const text = toText(cells).replace('\n2024-01-15', '\n\uFEFF2024-01-15'); // a stray BOM on line 4
  const checked = checkAndClean(readOutcomeFromText(text, 'd.csv'), BASE_ROLES, { steps: [{ type: 'negatives', mode: 'clip' }] });
  assert.equal(checked.csv.rows[7][2], '0');
  assert.deepEqual(checked.cleaning?.changes.map((c) => [c.column, c.row, c.before, c.after]), [['tv_spend', 9, '-5', '0']]);
  assert.deepEqual(located(checked.validation.issues), [['STRAY_BOM', 4, undefined]]);
});

test('checkAndClean: a step that refuses is reported with the file\'s other errors, not those the steps fix', () => {
  const cells = baseCells();
  cells[8][2] = '-5';           // line 9: fixed by negatives clip
  cells[13][3] = 'abc';         // line 14: no step fixes text in a spend cell
  const rows = cells.filter((_, k) => k !== 11); // drop 2024-03-11 (line 12): fill_gaps cannot invent its KPI
  const err = refused(() => checkAndClean(readOutcomeFromText(toText(rows), 'd.csv'), BASE_ROLES,
    { steps: [{ type: 'negatives', mode: 'clip' }, { type: 'fill-gaps' }] }));
  assert.deepEqual(located(err.issues).map((i) => i[0]).sort(), ['IRREGULAR_DATES', 'KPI_GAP', 'NOT_A_NUMBER']);
});
