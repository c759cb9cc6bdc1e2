// In-process tests of `mixwise fit`: the same validation as `mixwise validate`, and --clean (the fit itself is faked).
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../program.ts';
import { parseCleanSteps } from './parse-options.ts';
import { captureIo } from '../../test/capture-io.ts';
import { csvText, spendCsv } from '../../test/spend-csv.ts';
import { recordingFit, type FitCall } from '../../test/fake-fit.ts';

const dir = mkdtempSync(join(tmpdir(), 'mixwise-fitclean-'));
after(() => rmSync(dir, { recursive: true, force: true }));

const fake = recordingFit;

// spendCsv: the header, then 30 weeks from 2024-01-01 with tv_spend = 100 + 5i (no outlier); rows[k] is file line k + 1.
const negative = spendCsv(30);
negative[8][2] = '-135'; // file line 9, 2024-02-19
writeFileSync(join(dir, 'negative.csv'), csvText(negative));

test('fit refuses negative spend (exit 1) with the validation message and a hint naming --clean negatives=clip', async () => {
  const cap = captureIo(dir);
  assert.equal(await runCli(['fit', 'negative.csv', '--target', 'sales', '--out', 'o1'], cap.io, fake([])), 1);
  assert.match(cap.stderr(), /negative\.csv:9 column "tv_spend": spend is negative \(-135\)/);
  assert.match(cap.stderr(), /--clean negatives=clip/);
  assert.doesNotMatch(cap.stderr(), /EXTREME_OUTLIER|robust standard deviations/, 'the file has no outlier');
  assert.equal(existsSync(join(dir, 'o1', 'changes.csv')), false);
});

test('fit --clean negatives=clip: the table gets 0, changes.csv lists exactly the clipped cell, the screen summarises it', async () => {
  const calls: FitCall[] = [];
  const cap = captureIo(dir);
  assert.equal(await runCli(['fit', 'negative.csv', '--target', 'sales', '--clean', 'negatives=clip', '--out', 'o2'], cap.io, fake(calls)), 0, cap.stderr());
  assert.equal(calls[0].table.channels[0].spend[7], 0);
  assert.equal(calls[0].table.channels[0].spend[8], 140, 'other cells keep their values (100 + 5·8)');
  assert.equal(readFileSync(join(dir, 'o2', 'changes.csv'), 'utf8'),
    'step,column,row,date,before,after,reason\nnegatives,tv_spend,9,2024-02-19,-135,0,negative value clipped to 0\n');
  assert.deepEqual(JSON.parse(readFileSync(join(dir, 'o2', 'changes.json'), 'utf8')),
    { total: 1, steps: [{ step: 'negatives', changes: 1, columns: { tv_spend: 1 } }] });
  assert.match(cap.stderr(), /^cleaning: negatives changed 1 cell \(tv_spend row 9\)$/m);
  assert.match(cap.stderr(), /cleaning: 1 change logged in o2\/changes\.csv/);
  // A later fit of clean data into the same folder must not leave that log claiming its data were cleaned.
  const clean = spendCsv(30);
  writeFileSync(join(dir, 'clean.csv'), csvText(clean));
  const again = captureIo(dir);
  assert.equal(await runCli(['fit', 'clean.csv', '--target', 'sales', '--out', 'o2'], again.io, fake([])), 0, again.stderr());
  assert.equal(existsSync(join(dir, 'o2', 'changes.csv')), false);
  assert.equal(existsSync(join(dir, 'o2', 'changes.json')), false);
  assert.match(again.stderr(), /removed o2\/changes\.csv: an earlier fit's file that this fit does not write/);
});

test('fit runs every validate rule: a stray BOM and a KPI outlier are warnings passed on; a wrong delimiter is refused', async () => {
  const rows = spendCsv(30);
  rows[10][1] = '110000'; // file line 11: a KPI typo
  const text = csvText(rows).split('\n');
  text[2] = '\uFEFF' + text[2]; // file line 3
  writeFileSync(join(dir, 'warn.csv'), text.join('\n'));
  const calls: FitCall[] = [];
  const cap = captureIo(dir);
  assert.equal(await runCli(['fit', 'warn.csv', '--target', 'sales', '--out', 'o3'], cap.io, fake(calls)), 0, cap.stderr());
  const found = calls[0].options.warnings.map((w) => [w.code, w.at.row ?? null, w.at.column ?? null]);
  assert.ok(found.some(([c, r]) => c === 'STRAY_BOM' && r === 3), JSON.stringify(found));
  assert.ok(found.some(([c, r, col]) => c === 'EXTREME_OUTLIER' && r === 11 && col === 'sales'), JSON.stringify(found));
  writeFileSync(join(dir, 'pipe.csv'), csvText(spendCsv(30)).replaceAll(',', '|'));
  const pipe = captureIo(dir);
  assert.equal(await runCli(['fit', 'pipe.csv', '--target', 'sales', '--out', 'o4'], pipe.io, fake([])), 1);
  assert.match(pipe.stderr(), /seems to use "\|" as delimiter/);
});

test('fit --clean with empty spend cells: fill_gaps sets 0 and logs each cell; without it the hint names fill_gaps', async () => {
  const rows = spendCsv(30);
  for (const i of [12, 13, 14]) rows[i][3] = ''; // search_spend, file lines 13, 14, 15
  writeFileSync(join(dir, 'gaps.csv'), csvText(rows));
  const refused = captureIo(dir);
  assert.equal(await runCli(['fit', 'gaps.csv', '--target', 'sales', '--out', 'o5'], refused.io, fake([])), 1);
  assert.match(refused.stderr(), /gaps\.csv:13 column "search_spend"/);
  assert.match(refused.stderr(), /--clean fill_gaps/);
  const cap = captureIo(dir);
  assert.equal(await runCli(['fit', 'gaps.csv', '--target', 'sales', '--clean', 'sort_dates,fill_gaps', '--out', 'o6'], cap.io, fake([])), 0, cap.stderr());
  assert.match(cap.stderr(), /^cleaning: sort_dates changed nothing$/m);
  assert.match(cap.stderr(), /^cleaning: fill_gaps changed 3 cells \(search_spend rows 13, 14, 15\)$/m);
  assert.equal(readFileSync(join(dir, 'o6', 'changes.csv'), 'utf8').split('\n').length, 5, 'header, 3 rows, final newline');
});

test('--clean: bad steps and bad quantiles are usage errors (2); parseCleanSteps keeps the order', async () => {
  for (const bad of ['winsorize=0.9:0.1', 'winsorize=0:1.5', 'negatives', 'fill', 'sort_dates=1']) {
    const cap = captureIo(dir);
    assert.equal(await runCli(['fit', 'negative.csv', '--target', 'sales', '--clean', bad, '--out', 'o7'], cap.io, fake([])), 2, bad);
    assert.match(cap.stderr(), /--clean/);
  }
  assert.deepEqual(parseCleanSteps('sort_dates, fill_gaps,negatives=reject,winsorize=0.05:0.95,impute_controls,winsorize'), [
    { type: 'sort-dates' }, { type: 'fill-gaps' }, { type: 'negatives', mode: 'reject' },
    { type: 'winsorize', lower: 0.05, upper: 0.95 }, { type: 'impute-controls' }, { type: 'winsorize' },
  ]);
});

test('parseCleanSteps: decimal_comma is a bare step that may come before sum_panel (it always runs first)', () => {
  assert.deepEqual(parseCleanSteps('decimal_comma,sum_panel,sort_dates'), [{ type: 'decimal-comma' }, { type: 'sum-panel' }, { type: 'sort-dates' }]);
  assert.throws(() => parseCleanSteps('decimal_comma=1'), /takes no value/);
  assert.throws(() => parseCleanSteps('sort_dates,sum_panel'), /sum_panel must be the first cleaning step/);
});

test('--clean winsorize=COLUMN[+COLUMN][:LO:HI] names the columns (the KPI); an empty name or bad quantiles are usage errors', () => {
  assert.deepEqual(parseCleanSteps('winsorize=revenue'), [{ type: 'winsorize', columns: ['revenue'] }]);
  assert.deepEqual(parseCleanSteps('winsorize=revenue+price:0.05:0.95'), [{ type: 'winsorize', lower: 0.05, upper: 0.95, columns: ['revenue', 'price'] }]);
  for (const bad of ['winsorize=', 'winsorize=revenue+', 'winsorize=revenue:0.9:0.1', 'winsorize=0.5']) assert.throws(() => parseCleanSteps(bad), /winsorize/, bad);
});

test('fit on a panel (a row per date and geo): refused with a hint naming --clean sum_panel=geo; with it the model gets the national sums', async () => {
  const rows = [['date', 'geo', 'sales', 'tv_spend', 'search_spend', 'price']];
  for (const r of spendCsv(30).slice(1)) {
    for (const [geo, share] of [['north', 0.25], ['south', 0.75]] as const) {
      rows.push([r[0], geo, String(Number(r[1]) * share), String(Number(r[2]) * share), String(Number(r[3]) * share), r[4]]);
    }
  }
  writeFileSync(join(dir, 'panel.csv'), csvText(rows));
  const refused = captureIo(dir);
  assert.equal(await runCli(['fit', 'panel.csv', '--target', 'sales', '--out', 'o8'], refused.io, fake([])), 1);
  assert.match(refused.stderr(), /panel\.csv column "geo": every date has 2 rows/);
  assert.match(refused.stderr(), /mixwise fit --clean sum_panel=geo/);
  const calls: FitCall[] = [];
  const cap = captureIo(dir);
  assert.equal(await runCli(['fit', 'panel.csv', '--target', 'sales', '--clean', 'sum_panel', '--out', 'o9'], cap.io, fake(calls)), 0, cap.stderr());
  const national = spendCsv(30).slice(1);
  assert.deepEqual(Array.from(calls[0].table.target.values), national.map((r) => Number(r[1])));
  assert.deepEqual(Array.from(calls[0].table.channels[0].spend), national.map((r) => Number(r[2])));
  assert.deepEqual(calls[0].table.controls.map((c) => [c.name, Array.from(c.values)]), [['price', national.map((r) => Number(r[4]))]]);
  assert.match(cap.stderr(), /^cleaning: sum_panel changed 150 cells/m);
  const south = captureIo(dir);
  const one: FitCall[] = [];
  assert.equal(await runCli(['fit', 'panel.csv', '--target', 'sales', '--clean', 'sum_panel=geo:south', '--out', 'o10'], south.io, fake(one)), 0, south.stderr());
  assert.deepEqual(Array.from(one[0].table.target.values), national.map((r) => Number(r[1]) * 0.75));
});

test('--clean sum_panel: its forms parse; it must come first', async () => {
  assert.deepEqual(parseCleanSteps('sum_panel'), [{ type: 'sum-panel' }]);
  assert.deepEqual(parseCleanSteps('sum_panel=geo,sort_dates'), [{ type: 'sum-panel', column: 'geo' }, { type: 'sort-dates' }]);
  assert.deepEqual(parseCleanSteps('sum_panel=geo:north + south'), [{ type: 'sum-panel', column: 'geo', keep: ['north', 'south'] }]);
  // A panel by date, geo and product: its key columns joined with +, as winsorize's columns are.
  assert.deepEqual(parseCleanSteps('sum_panel=geo+product,sort_dates'), [{ type: 'sum-panel', column: ['geo', 'product'] }, { type: 'sort-dates' }]);
  assert.throws(() => parseCleanSteps('sum_panel=geo+product:NA'), /values to keep \(:VALUE…\) name one panel column's values/);
  for (const bad of ['sort_dates,sum_panel', 'sum_panel=', 'sum_panel=geo:', 'sum_panel=geo:a+', 'sum_panel=geo+', 'sum_panel=geo+product:NA']) {
    const cap = captureIo(dir);
    assert.equal(await runCli(['fit', 'negative.csv', '--target', 'sales', '--clean', bad, '--out', 'o11'], cap.io, fake([])), 2, bad);
    assert.match(cap.stderr(), /sum_panel/);
  }
});
