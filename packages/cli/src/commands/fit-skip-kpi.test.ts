// In-process tests of `mixwise fit --clean skip_missing_kpi` up to the fit (the fit itself is faked).
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ModelingTable } from '@mixwise/engine';
import type { CliDeps } from '../cli-deps.ts';
import { recordingFit, type FitCall } from '../../test/fake-fit.ts';
import { runCli } from '../program.ts';
import { captureIo } from '../../test/capture-io.ts';
import { csvText, spendCsv } from '../../test/spend-csv.ts';

const dir = mkdtempSync(join(tmpdir(), 'mixwise-fitskip-'));
after(() => rmSync(dir, { recursive: true, force: true }));

/** recordingFit (which writes the change log as runFit does), keeping only the tables. */
function fake(tables: ModelingTable[]): CliDeps {
  const calls: FitCall[] = [];
  const deps = recordingFit(calls);
  return { ...deps, runFit: async (table, options, io) => {
    tables.push(table);
    return deps.runFit(table, options, io);
  } };
}

// spendCsv rows[k] is file line k + 1: line 11 is 2024-03-04, line 21 is 2024-05-13.
const gap = spendCsv(30);
gap[10][1] = '';
gap[20][1] = 'NA';
writeFileSync(join(dir, 'gap.csv'), csvText(gap));

test('fit without skip_missing_kpi refuses an empty KPI, and the hint names --clean skip_missing_kpi', async () => {
  const cap = captureIo(dir);
  assert.equal(await runCli(['fit', 'gap.csv', '--target', 'sales', '--out', 'o1'], cap.io, fake([])), 1);
  assert.match(cap.stderr(), /gap\.csv:11 column "sales": the target value is empty/);
  assert.match(cap.stderr(), /fill in the KPI for this period .*or leave it out of the fit .*mixwise fit --clean skip_missing_kpi/s);
});

test('fit --clean skip_missing_kpi: the table has NaN for the two periods, changes.csv lists them, the screen says so', async () => {
  const tables: ModelingTable[] = [];
  const cap = captureIo(dir);
  assert.equal(await runCli(['fit', 'gap.csv', '--target', 'sales', '--clean', 'skip_missing_kpi', '--out', 'o2'], cap.io, fake(tables)), 0, cap.stderr());
  const y = Array.from(tables[0].target.values);
  assert.deepEqual(y.map((v, t) => (Number.isNaN(v) ? t : -1)).filter((t) => t >= 0), [9, 19]);
  assert.equal(readFileSync(join(dir, 'o2', 'changes.csv'), 'utf8'), 'step,column,row,date,before,after,reason\n'
    + 'skip_missing_kpi,sales,11,2024-03-04,,,KPI missing: period left out of the fit; its spend still carries over\n'
    + 'skip_missing_kpi,sales,21,2024-05-13,NA,,KPI missing: period left out of the fit; its spend still carries over\n');
  assert.match(cap.stderr(), /^cleaning: skip_missing_kpi left 2 periods without a KPI out of the fit \(sales rows 11, 21\); their spend still carries over$/m);
});

test('fit --clean skip_missing_kpi refuses a missing KPI at the window\'s start, naming --start', async () => {
  const edge = spendCsv(30);
  edge[1][1] = '';
  writeFileSync(join(dir, 'edge.csv'), csvText(edge));
  const cap = captureIo(dir);
  assert.equal(await runCli(['fit', 'edge.csv', '--target', 'sales', '--clean', 'skip_missing_kpi', '--out', 'o3'], cap.io, fake([])), 1);
  assert.match(cap.stderr(), /edge\.csv:2 column "sales": the first fitted period \(2024-01-01\) has no KPI/);
  assert.match(cap.stderr(), /--start 2024-01-08/);
  // With the window starting after it, the row only warms up carryover: no refusal.
  const ok = captureIo(dir);
  assert.equal(await runCli(['fit', 'edge.csv', '--target', 'sales', '--clean', 'skip_missing_kpi', '--start', '2024-01-08', '--out', 'o4'], ok.io, fake([])), 0, ok.stderr());
});

test('fit with fill_gaps and skip_missing_kpi from mixwise.yaml: a missing week is inserted, its KPI NaN, its spend 0', async () => {
  const missing = spendCsv(30);
  missing.splice(12, 1); // 2024-03-18 (file line 13) is gone
  writeFileSync(join(dir, 'missing.csv'), csvText(missing));
  writeFileSync(join(dir, 'skip.yaml'), 'version: 1\ndata: { path: missing.csv }\ncolumns: { target: sales, controls: [{ name: price }] }\ncleaning: [fill_gaps, skip_missing_kpi, impute_controls]\n');
  const tables: ModelingTable[] = [];
  const cap = captureIo(dir);
  assert.equal(await runCli(['fit', '--config', 'skip.yaml', '--out', 'o5'], cap.io, fake(tables)), 0, cap.stderr());
  const t = tables[0];
  assert.equal(t.dates[11], '2024-03-18');
  assert.ok(Number.isNaN(t.target.values[11]));
  assert.equal(t.channels.find((c) => c.name === 'tv')?.spend[11], 0);
  assert.match(readFileSync(join(dir, 'o5', 'changes.csv'), 'utf8'), /\nskip_missing_kpi,sales,,2024-03-18,,,KPI missing/);
});
