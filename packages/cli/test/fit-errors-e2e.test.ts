// End-to-end: bad input to `mixwise fit` exits 1 with a message a person can act on, never a stack trace.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { mixwise, STACK_LINE, tempDir } from './run-mixwise.ts';

const dir = tempDir();
const data = join(dir, 'sim', 'data.csv');
let lines: string[] = [];

before(() => {
  const sim = mixwise(['simulate', '--preset', 'retail', '--seed', '3', '--out', join(dir, 'sim')]);
  assert.equal(sim.status, 0, sim.stderr);
  lines = readFileSync(data, 'utf8').split('\n').filter((l) => l.length > 0);
});

after(() => rmSync(dir, { recursive: true, force: true }));

function write(name: string, content: string[]): string {
  const path = join(dir, name);
  writeFileSync(path, content.join('\n') + '\n');
  return path;
}

test('text in a spend cell → exit 1 naming the file line and the column, no stack trace, no output files', () => {
  const header = lines[0].split(',');
  const col = header.indexOf('search_spend');
  const bad = lines.slice();
  const cells = bad[20].split(',');
  cells[col] = 'n/a?';
  bad[20] = cells.join(','); // file line 21 (line 1 is the header)
  const out = join(dir, 'out-bad');
  const r = mixwise(['fit', write('bad.csv', bad), '--target', 'revenue', '--iterations', '1500', '--out', out]);
  assert.equal(r.status, 1, r.stderr);
  assert.match(r.stderr, /bad\.csv:21\b/);
  assert.match(r.stderr, /column "search_spend"/);
  assert.match(r.stderr, /n\/a\?/);
  assert.doesNotMatch(r.stderr, STACK_LINE);
  assert.equal(r.stdout, '');
  assert.ok(!existsSync(join(out, 'summary.json')));
});

test('a file with 5 rows → exit 1 saying how many periods are needed, no stack trace', () => {
  const r = mixwise(['fit', write('five.csv', lines.slice(0, 6)), '--target', 'revenue', '--iterations', '1500', '--out', join(dir, 'out-five')]);
  assert.equal(r.status, 1, r.stderr);
  assert.match(r.stderr, /5 data rows/);
  assert.match(r.stderr, /at least \d+ periods/);
  assert.doesNotMatch(r.stderr, STACK_LINE);
});

test('--target nope → exit 1 listing the available columns, no stack trace', () => {
  const r = mixwise(['fit', data, '--target', 'nope', '--iterations', '1500', '--out', join(dir, 'out-nope')]);
  assert.equal(r.status, 1, r.stderr);
  assert.match(r.stderr, /"nope"/);
  const available = /available columns: (.*)/.exec(r.stderr);
  assert.ok(available !== null, r.stderr);
  const listed = available[1].split(',').map((s) => s.trim());
  assert.deepEqual(listed, lines[0].split(','));
  assert.doesNotMatch(r.stderr, STACK_LINE);
});

test('--json with bad input still keeps stdout free of anything but JSON (here: nothing)', () => {
  const r = mixwise(['fit', data, '--target', 'nope', '--json', '--out', join(dir, 'out-nope-json')]);
  assert.equal(r.status, 1);
  assert.equal(r.stdout.trim(), '');
  assert.doesNotMatch(r.stderr, STACK_LINE);
});

test('--out naming a file, or a path below one, is a usage error (exit 2) before the data are read', () => {
  for (const out of [data, join(data, 'run')]) {
    const r = mixwise(['fit', data, '--target', 'revenue', '--out', out]);
    assert.equal(r.status, 2, r.stderr);
    assert.match(r.stderr, /is a file/);
    assert.doesNotMatch(r.stderr, STACK_LINE);
  }
});
