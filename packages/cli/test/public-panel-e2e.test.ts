// End to end on PyMC-Marketing's multidimensional example (../shared/datasets, see its README): a panel
// of two geos whose spend columns, x1 and x2, do not end in _spend.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT, mixwise, tempDir } from './run-mixwise.ts';

const DATA = join(REPO_ROOT, '..', 'shared', 'datasets', 'pymc_multidim', 'mmm_multidimensional_example.csv');
const skip = existsSync(DATA) ? false : `public dataset not found at ${DATA}`;
const dir = tempDir('mixwise-public-panel-');
after(() => rmSync(dir, { recursive: true, force: true }));

test('init: the NO_CHANNELS fix names --channels, and running it with --channels x1,x2 writes a config that sums the geos', { skip }, () => {
  const out = join(dir, 'mixwise.yaml');
  const refused = mixwise(['init', DATA, '--target', 'y', '--out', out]);
  assert.equal(refused.status, 1, refused.stderr);
  assert.match(refused.stderr, /name them with --channels col1,col2/);
  const run = mixwise(['init', DATA, '--target', 'y', '--channels', 'x1,x2', '--out', out]);
  assert.equal(run.status, 0, run.stderr);
  assert.match(run.stderr, /target y, 2 channels, 0 controls, 2 events; 159 weekly periods \(2022-06-06 … 2025-06-16\), the rows of each date added up over geo/);
  const text = readFileSync(out, 'utf8');
  assert.match(text, /^ {4}- name: x1\n {6}spend: x1\n {4}- name: x2\n {6}spend: x2$/m);
  assert.match(text, /^cleaning:\n {2}- sum_panel: \{ column: geo \}$/m);
});

test('validate: the panel\'s roll-up query keeps x1 and x2 (summed) beside the events and the KPI', { skip }, () => {
  const run = mixwise(['validate', DATA, '--target', 'y']);
  assert.equal(run.status, 1);
  assert.ok(run.stderr.includes('SELECT "date", sum("x1") AS "x1", sum("x2") AS "x2", max("event_1") AS "event_1", max("event_2") AS "event_2", sum("y") AS "y" FROM'), run.stderr);
});
