// `mixwise prepare` with a `cleaning:` list in mixwise.yaml (no process spawned).
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defaultDeps } from '../cli-deps.ts';
import { runCli } from '../program.ts';
import { captureIo } from '../../test/capture-io.ts';
import { csvText, spendCsv } from '../../test/spend-csv.ts';

const dir = mkdtempSync(join(tmpdir(), 'mixwise-prepclean-'));
after(() => rmSync(dir, { recursive: true, force: true }));
// The header, then 30 weeks from 2024-01-01 (rows[k] is file line k + 1); an empty tv cell, a negative search cell, an empty price.
const rows = spendCsv(30);
rows[4][2] = '';      // line 5, 2024-01-22
rows[20][3] = '-20';  // line 21, 2024-05-13
rows[9][4] = '';      // line 10, 2024-02-26, between 10.49 (line 9) and 10.49 (line 11)
writeFileSync(join(dir, 'data.csv'), csvText(rows));

const CONFIG = `version: 1
data: { path: data.csv }
columns:
  target: sales
  controls:
    - { name: price }
cleaning:
  - fill_gaps
  - negatives: clip
  - impute_controls
`;

test('prepare applies the config\'s cleaning steps in order and writes changes.csv and changes.json', async () => {
  writeFileSync(join(dir, 'mixwise.yaml'), CONFIG);
  const cap = captureIo(dir);
  assert.equal(await runCli(['prepare', '--config', 'mixwise.yaml', '--out', 'p'], cap.io, defaultDeps), 0, cap.stderr());
  assert.equal(readFileSync(join(dir, 'p', 'changes.csv'), 'utf8'), [
    'step,column,row,date,before,after,reason',
    'fill_gaps,tv_spend,5,2024-01-22,,0,no spend recorded: 0',
    'negatives,search_spend,21,2024-05-13,-20,0,negative value clipped to 0',
    'impute_controls,price,10,2024-02-26,,10.49,interpolated between row 9 and row 11',
    '',
  ].join('\n'));
  assert.deepEqual(JSON.parse(readFileSync(join(dir, 'p', 'changes.json'), 'utf8')).steps.map((s: { step: string; changes: number }) => [s.step, s.changes]),
    [['fill_gaps', 1], ['negatives', 1], ['impute_controls', 1]]);
  const table = readFileSync(join(dir, 'p', 'modeling_table.csv'), 'utf8').split('\n');
  assert.equal(table[4].split(',')[2], '0', 'tv_spend on line 5 is now 0');
  assert.match(cap.stderr(), /^cleaning: fill_gaps changed 1 cell \(tv_spend row 5\)$/m);
  assert.match(cap.stdout(), /p\/changes\.csv, p\/changes\.json/);
});

test('prepare without cleaning: refused (exit 1) with a hint naming the cleaning: entry; nothing written', async () => {
  writeFileSync(join(dir, 'plain.yaml'), CONFIG.slice(0, CONFIG.indexOf('cleaning:')));
  const cap = captureIo(dir);
  assert.equal(await runCli(['prepare', '--config', 'plain.yaml', '--out', 'q'], cap.io, defaultDeps), 1);
  assert.match(cap.stderr(), /data\.csv:21 column "search_spend": spend is negative \(-20\)/);
  assert.match(cap.stderr(), /"cleaning: \[\{ negatives: clip \}\]" in mixwise\.yaml/);
  assert.match(cap.stderr(), /"cleaning: \[fill_gaps\]" in mixwise\.yaml/);
  assert.match(cap.stderr(), /"cleaning: \[impute_controls\]" in mixwise\.yaml/);
  assert.equal(existsSync(join(dir, 'q')), false);
});

test('a bad winsorize quantile is a config error at its YAML line and key (exit 1)', async () => {
  writeFileSync(join(dir, 'bad.yaml'), `${CONFIG}  - winsorize: { lower: 0.2, upper: 0.1 }\n  - winsorize: { upper: 1.5 }\n`);
  const cap = captureIo(dir);
  assert.equal(await runCli(['prepare', '--config', 'bad.yaml', '--out', 'r'], cap.io, defaultDeps), 1);
  assert.match(cap.stderr(), /bad\.yaml:11: cleaning\[3\]\.winsorize\.upper: the lower quantile must be below the upper one/);
  assert.match(cap.stderr(), /bad\.yaml:12: cleaning\[4\]\.winsorize\.upper: 1\.5 is out of range: it must be ≤ 1/);
  assert.equal(existsSync(join(dir, 'r')), false);
});
