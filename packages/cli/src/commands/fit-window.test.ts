// In-process tests of the modeling window (--start/--end, config window:) in `mixwise fit` and
// `mixwise prepare`: rows after the end are ignored, rows before the start only warm up carryover,
// and a holdout is checked against the window whichever source gave them (the fit itself is faked).
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ModelingTable } from '@mixwise/engine';
import { defaultDeps } from '../cli-deps.ts';
import type { FitRunOptions } from './fit-run.ts';
import { runCli } from '../program.ts';
import { captureIo } from '../../test/capture-io.ts';
import { csvText, spendCsv } from '../../test/spend-csv.ts';
import { recordingFit } from '../../test/fake-fit.ts';

const dir = mkdtempSync(join(tmpdir(), 'mixwise-window-'));
after(() => rmSync(dir, { recursive: true, force: true }));

// 40 weeks from 2024-01-01 (date, sales, tv_spend, search_spend, price); the window is weeks 4 … 35.
const START = '2024-01-29';
const END = '2024-09-02';
const WINDOW = ['--start', START, '--end', END];

/** The 40-week file with `edit` applied to its data rows (row 0 is 2024-01-01; columns as above). */
function file(name: string, edit: (rows: string[][]) => void): string {
  const rows = spendCsv(40);
  const data = rows.slice(1);
  edit(data);
  writeFileSync(join(dir, name), csvText([rows[0], ...data]));
  return name;
}

const fake = recordingFit;

async function fit(args: string[], out = 'o'): Promise<{ code: number; stderr: string; calls: { table: ModelingTable; options: FitRunOptions }[] }> {
  const calls: { table: ModelingTable; options: FitRunOptions }[] = [];
  const cap = captureIo(dir);
  const code = await runCli(['fit', ...args, '--out', out], cap.io, fake(calls));
  return { code, stderr: cap.stderr(), calls };
}

test('rows after --end are not checked: a blank or text KPI, negative spend, a missing week there do not stop the fit', async () => {
  const files = [
    file('blank-after.csv', (d) => { for (const r of d.slice(-3)) r[1] = ''; }),
    file('text-after.csv', (d) => { d[39][1] = 'abc'; }),
    file('negative-after.csv', (d) => { d[38][2] = '-100'; }),
    file('gap-after.csv', (d) => { d.splice(37, 1); }),
  ];
  for (const name of files) {
    const { code, stderr, calls } = await fit([name, '--target', 'sales', ...WINDOW]);
    assert.equal(code, 0, `${name}: ${stderr}`);
    const { table, options } = calls[0];
    assert.equal(table.dates.at(-1), END, `${name}: the table ends at --end`);
    assert.deepEqual(options.window, { start: 4, end: 36 });
    const gap = name === 'gap-after.csv'; // one row fewer
    assert.match(stderr, new RegExp(`note: ignored ${gap ? 3 : 4} rows of ${name} dated after the window's end ${END} \\(lines 38–${gap ? 40 : 41}\\): not checked, not used`));
  }
});

test('a ragged line after --end is ignored with the other late rows; one inside the window, or whose date cannot be read, is still RAGGED_ROW', async () => {
  const late = await fit([file('ragged-after.csv', (d) => { d.push(['2024-10-07', '1', '2']); }), '--target', 'sales', ...WINDOW]);
  assert.equal(late.code, 0, late.stderr);
  assert.equal(late.calls[0].table.dates.at(-1), END);
  assert.match(late.stderr, /note: ignored 5 rows of ragged-after\.csv dated after the window's end 2024-09-02 \(lines 38–42\): not checked, not used/);
  assert.doesNotMatch(late.stderr, /RAGGED_ROW|fields but the header/);

  const inside = await fit([file('ragged-inside.csv', (d) => { d[10].pop(); d.push(['2024-10-07', '1']); }), '--target', 'sales', ...WINDOW]);
  assert.equal(inside.code, 1);
  assert.match(inside.stderr, /ragged-inside\.csv:12: this row has 4 fields but the header has 5/);
  assert.equal(inside.calls.length, 0);

  const undated = await fit([file('ragged-undated.csv', (d) => { d.push(['later', '1', '2']); }), '--target', 'sales', ...WINDOW]);
  assert.equal(undated.code, 1);
  assert.match(undated.stderr, /ragged-undated\.csv:42: this row has 3 fields but the header has 5/);
  assert.match(undated.stderr, /it is not ignored as a row after the window's end 2024-09-02: its date cannot be told \(the date column "date" is field 1 of 5/);
});

test('warm-up rows before --start need no KPI (NaN in the table) but still need valid spend; the window\'s KPI is checked', async () => {
  const blank = await fit([file('blank-warmup.csv', (d) => { for (const r of d.slice(0, 4)) r[1] = ''; d[1][1] = 'n/a?'; }), '--target', 'sales', ...WINDOW]);
  assert.equal(blank.code, 0, blank.stderr);
  const values = blank.calls[0].table.target.values;
  assert.ok(values.slice(0, 4).every(Number.isNaN), 'the unknown warm-up KPI is NaN');
  assert.ok(values.slice(4).every(Number.isFinite));

  const spend = await fit([file('spend-warmup.csv', (d) => { d[0][1] = ''; d[0][2] = ''; }), '--target', 'sales', ...WINDOW]);
  assert.equal(spend.code, 1);
  assert.match(spend.stderr, /spend-warmup\.csv:2 column "tv_spend": the spend value is empty/);
  assert.doesNotMatch(spend.stderr, /column "sales"/);

  const inside = await fit([file('blank-inside.csv', (d) => { d[4][1] = ''; }), '--target', 'sales', ...WINDOW]);
  assert.equal(inside.code, 1);
  assert.match(inside.stderr, /blank-inside\.csv:6 column "sales": the target value is empty/);

  const noWindow = await fit(['blank-warmup.csv', '--target', 'sales']);
  assert.equal(noWindow.code, 1, 'without --start every KPI is fitted');
});

test('a missing warm-up week before --start: the error says so and names --clean fill_gaps, which inserts it; a missing week inside the window names fill_gaps with skip_missing_kpi (fill_gaps alone would refuse with KPI_GAP)', async () => {
  const warm = file('gap-warmup.csv', (d) => { for (const r of d.slice(0, 4)) r[1] = ''; d.splice(1, 1); }); // 2024-01-08 missing
  const refused = await fit([warm, '--target', 'sales', ...WINDOW]);
  assert.equal(refused.code, 1);
  assert.match(refused.stderr, /gap-warmup\.csv:3 column "date": a gap of 14 days between 2024-01-01 \(row 2\) and 2024-01-15; weekly data needs 7; missing: 2024-01-08; all before the window's start 2024-01-29/);
  assert.match(refused.stderr, /mixwise fit --clean fill_gaps,impute_controls/);
  const filled = await fit([warm, '--target', 'sales', '--clean', 'fill_gaps,impute_controls', ...WINDOW], 'o-gap');
  assert.equal(filled.code, 0, filled.stderr);
  assert.equal(filled.calls[0].table.dates[1], '2024-01-08');

  const inside = await fit([file('gap-inside.csv', (d) => { d.splice(10, 1); }), '--target', 'sales', ...WINDOW]);
  assert.equal(inside.code, 1);
  assert.match(inside.stderr, /gap-inside\.csv:12 column "date": a gap of 14 days/);
  // price is an automatic control: the hint adds impute_controls, and says the inserted week's 0 spend is a guess.
  assert.match(inside.stderr, /or insert them with 0 spend and interpolated controls, and leave them out of the fit \(each period is logged; their spend is unknown and set to 0: if it is known, add the rows with it and an empty KPI instead\): mixwise fit --clean fill_gaps,skip_missing_kpi,impute_controls/);
  assert.doesNotMatch(inside.stderr, /--clean fill_gaps(?!,skip_missing_kpi,impute_controls)/);
});

test('the config window does the same: later rows ignored, the warm-up KPI may be blank', async () => {
  file('cfg.csv', (d) => { d[0][1] = ''; d[39][1] = 'abc'; });
  writeFileSync(join(dir, 'window.yaml'), `version: 1\ndata: { path: cfg.csv }\ncolumns: { target: sales }\nwindow: { start: ${START}, end: ${END} }\n`);
  const { code, stderr, calls } = await fit(['--config', 'window.yaml']);
  assert.equal(code, 0, stderr);
  assert.equal(calls[0].table.dates.length, 36);
  assert.match(stderr, /note: ignored 4 rows of cfg\.csv/);
});

test('a holdout leaving fewer than 12 periods of the window is a usage error whichever of flag or config gave them', async () => {
  file('plain.csv', () => undefined);
  writeFileSync(join(dir, 'holdout.yaml'), 'version: 1\ndata: { path: plain.csv }\ncolumns: { target: sales }\nholdout: 28\n');
  // 40 rows: holdout 28 leaves 12, fine for the whole file; --start/--end leave 32 − 28 = 4 to fit
  const config = await fit(['--config', 'holdout.yaml', ...WINDOW]);
  assert.equal(config.code, 2, config.stderr);
  assert.match(config.stderr, /holdout: 28 \(from the config\) leaves 4 of 32 periods of the window \(2024-01-29 … 2024-09-02, set by --start\/--end\) to fit: the window minus the holdout must keep at least 12 periods/);
  assert.doesNotMatch(config.stderr, /NO_SPEND_VARIATION|spend does not vary/);

  writeFileSync(join(dir, 'window-only.yaml'), `version: 1\ndata: { path: plain.csv }\ncolumns: { target: sales }\nwindow: { start: ${START}, end: ${END} }\n`);
  const flag = await fit(['--config', 'window-only.yaml', '--holdout', '25']);
  assert.equal(flag.code, 2, flag.stderr);
  assert.match(flag.stderr, /--holdout 25 leaves 7 of 32 periods of the window/);

  const fine = await fit(['--config', 'holdout.yaml', '--start', '2024-01-08']);
  assert.equal(fine.code, 2, '39 − 28 = 11 periods');
  assert.equal((await fit(['--config', 'holdout.yaml', '--start', '2024-01-08', '--holdout', '27'])).code, 0);
});

test('an --end before or near the start of the data is a usage error naming the file\'s dates, not the errors of an emptied table', async () => {
  file('early.csv', () => undefined);
  for (const [end, n] of [['2020-01-01', 0], ['2024-02-05', 6]] as const) {
    const { code, stderr, calls } = await fit(['early.csv', '--target', 'sales', '--end', end]);
    assert.equal(code, 2, stderr);
    assert.equal(calls.length, 0);
    assert.match(stderr, new RegExp(`--start/--end leave ${n} periods \\(2024-01-01 … 2024-09-30 in the file\\); at least 12 are needed`));
    assert.doesNotMatch(stderr, /no column looks like dates|data rows|NO_SPEND_VARIATION|spend does not vary/);
  }
  // Same for --start after the data, and for a config window (at the config's window line) in fit and prepare.
  assert.match((await fit(['early.csv', '--target', 'sales', '--start', '2025-01-06'])).stderr, /--start\/--end leave 0 periods \(2024-01-01 … 2024-09-30 in the file\)/);
  writeFileSync(join(dir, 'early.yaml'), 'version: 1\ndata: { path: early.csv }\ncolumns: { target: sales }\nwindow: { end: 2024-02-05 }\n');
  const config = await fit(['--config', 'early.yaml']);
  assert.equal(config.code, 1, config.stderr);
  assert.match(config.stderr, /early\.yaml:4: window: the window leaves 6 periods of the data \(2024-01-01 … 2024-09-30\); at least 12 are needed/);
  const cap = captureIo(dir);
  assert.equal(await runCli(['prepare', '--config', 'early.yaml', '--out', 'prepared-early'], cap.io, defaultDeps), 1);
  assert.match(cap.stderr(), /early\.yaml:4: window: the window leaves 6 periods of the data \(2024-01-01 … 2024-09-30\)/);
  assert.doesNotMatch(cap.stderr(), /data rows/);
  // A window long enough: the table's length is said to count the rows up to its end.
  const short = await fit(['early.csv', '--target', 'sales', '--end', '2024-04-15']);
  assert.equal(short.code, 0, short.stderr);
  assert.match(short.stderr, /16 periods up to the window's end 2024-04-15 for about \d+ parameters/);
});

test('prepare with a config window: rows after its end are left out of the modeling table, an unknown warm-up KPI is an empty cell', async () => {
  file('prep.csv', (d) => { d[0][1] = ''; d[39][2] = '-1'; });
  writeFileSync(join(dir, 'prep.yaml'), `version: 1\ndata: { path: prep.csv }\ncolumns: { target: sales }\nwindow: { start: ${START}, end: ${END} }\n`);
  const cap = captureIo(dir);
  assert.equal(await runCli(['prepare', '--config', 'prep.yaml', '--out', 'prepared'], cap.io, defaultDeps), 0, cap.stderr());
  const lines = readFileSync(join(dir, 'prepared', 'modeling_table.csv'), 'utf8').trim().split('\n');
  assert.equal(lines.length, 1 + 36);
  assert.match(lines[1], /^2024-01-01,,100,/);
  assert.match(lines.at(-1) ?? '', /^2024-09-02,/);
  assert.match(cap.stderr(), /note: ignored 4 rows of prep\.csv dated after the window's end 2024-09-02/);
});

test('prepare removes a change log and a datamart table an earlier run left in --out, and says so; fit removes a stale datamart table', async () => {
  file('stale.csv', () => undefined);
  writeFileSync(join(dir, 'stale.yaml'), 'version: 1\ndata: { path: stale.csv }\ncolumns: { target: sales }\n');
  const out = join(dir, 'stale-out');
  const cap0 = captureIo(dir);
  assert.equal(await runCli(['prepare', '--config', 'stale.yaml', '--out', 'stale-out'], cap0.io, defaultDeps), 0, cap0.stderr());
  for (const name of ['changes.csv', 'changes.json', 'datamart_table.csv']) writeFileSync(join(out, name), 'old\n');
  const cap = captureIo(dir);
  assert.equal(await runCli(['prepare', '--config', 'stale.yaml', '--out', 'stale-out'], cap.io, defaultDeps), 0, cap.stderr());
  for (const name of ['changes.csv', 'changes.json', 'datamart_table.csv']) {
    assert.equal(existsSync(join(out, name)), false, name);
    assert.match(cap.stderr(), new RegExp(`removed stale-out/${name.replace('.', '\\.')}: an earlier prepare's file that this prepare does not write`));
  }

  writeFileSync(join(out, 'datamart_table.csv'), 'old\n');
  const f = await fit(['stale.csv', '--target', 'sales'], 'stale-out');
  assert.equal(f.code, 0, f.stderr);
  assert.equal(existsSync(join(out, 'datamart_table.csv')), false);
  assert.match(f.stderr, /removed stale-out\/datamart_table\.csv: an earlier fit's file that this fit does not write/);
});

test('a data file that is itself OUT/datamart_table.csv is not removed', async () => {
  const out = join(dir, 'self');
  file('self.csv', () => undefined);
  writeFileSync(join(dir, 'self.yaml'), 'version: 1\ndata: { path: self/datamart_table.csv }\ncolumns: { target: sales }\n');
  mkdirSync(out);
  writeFileSync(join(out, 'datamart_table.csv'), readFileSync(join(dir, 'self.csv')));
  const cap = captureIo(dir);
  assert.equal(await runCli(['prepare', '--config', 'self.yaml', '--out', 'self'], cap.io, defaultDeps), 0, cap.stderr());
  assert.ok(existsSync(join(out, 'datamart_table.csv')));
});
