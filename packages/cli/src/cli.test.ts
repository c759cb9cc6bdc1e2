// End-to-end: spawn the real `mixwise` launcher and check exit codes and messages.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readCsvFile, tableFromCsv } from '@mixwise/data';
import { csvText, spendCsv } from '../test/spend-csv.ts';

const BIN = fileURLToPath(new URL('../bin/mixwise.js', import.meta.url));

function mixwise(args: string[], cwd = mkdtempSync(join(tmpdir(), 'mixwise-cli-'))) {
  const run = spawnSync(process.execPath, [BIN, ...args], {
    cwd, encoding: 'utf8', timeout: 60_000, env: { ...process.env, NO_COLOR: '1', MIXWISE_DEBUG: '' },
  });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr, cwd };
}

test('--help lists the commands (exit 0)', () => {
  const r = mixwise(['--help']);
  assert.equal(r.status, 0, r.stderr);
  for (const command of ['simulate', 'fit', 'demo']) assert.match(r.stdout, new RegExp(`^\\s+${command}\\b`, 'm'));
});

test('unknown command → 2', () => {
  const r = mixwise(['frobnicate']);
  assert.equal(r.status, 2);
  assert.match(r.stderr, /unknown command 'frobnicate'/);
});

test('no command → 2 with the help on stderr', () => {
  const r = mixwise([]);
  assert.equal(r.status, 2);
  assert.match(r.stderr, /Usage: mixwise/);
});

test('fit without --target → 2 naming the option', () => {
  const r = mixwise(['fit', 'data.csv', '--out', 'out']);
  assert.equal(r.status, 2);
  assert.match(r.stderr, /--target/);
});

test('fit without --out → 2; bad --seed → 2; bad --method → 2', () => {
  assert.equal(mixwise(['fit', 'data.csv', '--target', 'sales']).status, 2);
  const seed = mixwise(['fit', 'data.csv', '--target', 'sales', '--out', 'o', '--seed', 'abc']);
  assert.equal(seed.status, 2);
  assert.match(seed.stderr, /--seed/);
  const method = mixwise(['fit', 'data.csv', '--target', 'sales', '--out', 'o', '--method', 'magic']);
  assert.equal(method.status, 2);
  assert.match(method.stderr, /ridge, bayes/);
});

test('fit on a missing file → 1 naming the file', () => {
  const r = mixwise(['fit', 'no-such-file.csv', '--target', 'sales', '--out', 'out']);
  assert.equal(r.status, 1);
  assert.match(r.stderr, /no-such-file\.csv/);
  assert.match(r.stderr, /file not found/);
});

test('fit on a CSV with text in a spend cell → 1 naming row and column', () => {
  const dir = mkdtempSync(join(tmpdir(), 'mixwise-cli-'));
  const rows = spendCsv(30);
  rows[13][2] = 'abc'; // file line 14
  writeFileSync(join(dir, 'data.csv'), csvText(rows));
  const r = mixwise(['fit', 'data.csv', '--target', 'sales', '--out', 'out'], dir);
  assert.equal(r.status, 1, r.stderr);
  assert.match(r.stderr, /data\.csv:14 column "tv_spend": value "abc" is not a number/);
  assert.match(r.stderr, /fix: /);
  assert.doesNotMatch(r.stderr, /at .*\.ts:\d+/, 'no stack trace');
});

test('simulate with an unknown preset → 2 listing the valid names', () => {
  const r = mixwise(['simulate', '--preset', 'nope', '--out', 'sim']);
  assert.equal(r.status, 2);
  assert.match(r.stderr, /retail/);
});

test('simulate writes data.csv (wide, readable by the data layer) and truth.json', () => {
  const r = mixwise(['simulate', '--preset', 'retail', '--seed', '3', '--out', 'sim']);
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /wrote .*sim\/data\.csv/);
  assert.match(r.stdout, /wrote .*sim\/truth\.json/);
  const csv = readCsvFile(join(r.cwd, 'sim', 'data.csv'));
  assert.deepEqual(csv.header.slice(0, 3), ['date', 'revenue', 'tv_spend']);
  const { table } = tableFromCsv(csv, { target: 'revenue' });
  assert.equal(table.frequency, 'weekly');
  const truth = JSON.parse(readFileSync(join(r.cwd, 'sim', 'truth.json'), 'utf8'));
  assert.equal(truth.seed, 3);
  assert.equal(truth.nTimes, table.dates.length);
});
