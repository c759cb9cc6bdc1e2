import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readOutcomeFromText } from '../validate/read-outcome.ts';
import { baseCells, toText } from '../../test/make-csv.ts';
import { BASE_ROLES, located } from '../../test/rule-case.ts';
import { checkAndClean, stepNames } from './check-and-clean.ts';
import { refused } from '../../test/refused.ts';

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

test('checkAndClean with sum-panel and kpiFrom: a blank (or dot-thousands) warm-up KPI sums to a blank total, not an error', () => {
  const lines = ['date,geo,tv_spend,search_spend,y'];
  for (let w = 0; w < 30; w++) {
    const d = new Date(Date.UTC(2024, 0, 1 + 7 * w)).toISOString().slice(0, 10);
    const y = (k: number): string => (w < 4 ? '' : String(200 + 5 * w + 30 * k + ((7 * w) % 11)));
    ['n', 's'].forEach((g, k) => lines.push(`${d},${g},${10 + ((3 * w) % 7) + k},${5 + ((5 * w) % 9) + 2 * k},${y(k)}`));
  }
  const text = lines.join('\n');
  const roles = { target: 'y', channels: ['tv_spend', 'search_spend'] };
  const steps = [{ type: 'sum-panel' as const, column: 'geo' }];
  const checked = checkAndClean(readOutcomeFromText(text, 'p.csv'), roles, { steps, kpiFrom: '2024-01-29' });
  assert.deepEqual(checked.csv.rows.slice(0, 5).map((r) => r[checked.csv.header.indexOf('y')]), ['', '', '', '', '482']);
  // Without a window, the blank KPI cannot be added up.
  const err = refused(() => checkAndClean(readOutcomeFromText(text, 'p.csv'), roles, { steps }));
  assert.ok(err.issues.some((i) => i.code === 'EMPTY_CELL' && /sum_panel: "y" is empty/.test(i.message)));
  // A '.' thousands KPI in a warm-up row is not refused either: that KPI is never fitted.
  const dotted = text.replace(/^(2024-01-01,n,[^,]*,[^,]*),$/m, '$1,1.234.567');
  assert.notEqual(dotted, text);
  const passed = checkAndClean(readOutcomeFromText(dotted, 'p.csv'), roles, { steps, kpiFrom: '2024-01-29' });
  assert.equal(passed.csv.rows[0][passed.csv.header.indexOf('y')], '');
});

test('checkAndClean with fill-gaps and kpiFrom: a missing warm-up week (KPI blank around it) is inserted, not a KPI_GAP; inside the window it still is', () => {
  const cells = baseCells(); // weekly from 2024-01-01
  for (const r of cells.slice(1, 6)) r[1] = '';
  const warm = [cells[0], ...cells.slice(1, 3), ...cells.slice(4)]; // 2024-01-15 missing
  const steps = [{ type: 'fill-gaps' as const }, { type: 'impute-controls' as const }];
  const checked = checkAndClean(readOutcomeFromText(toText(warm), 'd.csv'), BASE_ROLES, { steps, kpiFrom: '2024-02-05' });
  assert.deepEqual(checked.csv.rows.slice(0, 4).map((r) => [r[0], r[1]]), [['2024-01-01', ''], ['2024-01-08', ''], ['2024-01-15', ''], ['2024-01-22', '']]);
  assert.match(checked.cleaning?.changes[0].reason ?? '', /KPI "sales" is left empty \(a warm-up period before the window's start 2024-02-05/);
  // The other steps leave a blank warm-up KPI as it is (winsorize even when asked to cap the KPI).
  const all = [{ type: 'sort-dates' as const }, { type: 'negatives' as const, mode: 'clip' as const }, ...steps,
    { type: 'winsorize' as const, columns: ['sales', 'tv_spend'] }];
  const every = checkAndClean(readOutcomeFromText(toText(warm), 'd.csv'), BASE_ROLES, { steps: all, kpiFrom: '2024-02-05' });
  assert.deepEqual(every.csv.rows.slice(0, 6).map((r) => r[1] === ''), [true, true, true, true, true, false]);
  const inside = [...cells.slice(0, 10), ...cells.slice(11)]; // 2024-03-04 (line 11) missing
  const err = refused(() => checkAndClean(readOutcomeFromText(toText(inside), 'd.csv'), BASE_ROLES, { steps, kpiFrom: '2024-02-05' }));
  assert.deepEqual(located(err.issues.filter((i) => i.code === 'KPI_GAP')), [['KPI_GAP', 11, 'sales']]);
});

test('checkAndClean: an error on a week fill_gaps inserted names its date and says it was inserted, never a file row', () => {
  const cells = baseCells(); // weekly from 2024-01-01, line i + 2
  for (const r of cells.slice(1, 6)) r[1] = '';
  const warm = [cells[0], ...cells.slice(1, 3), ...cells.slice(4)]; // 2024-01-15 missing
  // fill_gaps without impute_controls leaves the inserted week's control "price" empty.
  const err = refused(() => checkAndClean(readOutcomeFromText(toText(warm), 'd.csv'), BASE_ROLES, { steps: [{ type: 'fill-gaps' }], kpiFrom: '2024-02-05', hints: 'flag' }));
  assert.deepEqual(located(err.issues), [['EMPTY_CELL', undefined, 'price']]);
  assert.deepEqual(err.issues[0].at, { file: 'd.csv', column: 'price' });
  assert.equal(err.issues[0].message, 'in the week 2024-01-15 that fill_gaps inserted (it is not in the file): the control value is empty');
  assert.match(err.issues[0].hint, /--clean impute_controls/);
  assert.doesNotMatch(err.message, /d\.csv:0|row 0/);
  assert.match(err.message, /^d\.csv column "price": in the week 2024-01-15 that fill_gaps inserted/);
});

test('stepNames: the top-level entries of a hint\'s yaml list, mappings with commas inside kept whole', () => {
  assert.deepEqual(stepNames('fill_gaps, skip_missing_kpi'), ['fill_gaps', 'skip_missing_kpi']);
  assert.deepEqual(stepNames('{ sum_panel: { column: [geo, product] } }'), ['sum_panel']);
  assert.deepEqual(stepNames('fill_gaps, { sum_panel: { column: [geo, product] } }, impute_controls'), ['fill_gaps', 'sum_panel', 'impute_controls']);
});

test('checkAndClean: when skip_missing_kpi refuses (most of the KPI missing), the blanks it would skip are not counted as errors too', () => {
  const cells = baseCells(40);
  for (let k = 2; k < 38; k++) if (k % 4 !== 0) cells[k][1] = ''; // 27 of the 40 KPI cells blank, none at the edges
  const err = refused(() => checkAndClean(readOutcomeFromText(toText(cells), 'd.csv'), BASE_ROLES, { steps: [{ type: 'skip-missing-kpi' }] }));
  assert.deepEqual(err.issues.map((i) => i.code), ['KPI_MOSTLY_MISSING']);
});
