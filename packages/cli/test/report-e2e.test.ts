// End-to-end: `mixwise fit` writes report.html into the run folder, and `mixwise report` renders a
// run folder to a chosen file; both show summary.json's numbers and need no network.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { mixwise, tempDir } from './run-mixwise.ts';

const dir = tempDir('mixwise-report-e2e-');
const run = join(dir, 'fit');

before(() => {
  const sim = mixwise(['simulate', '--preset', 'retail', '--seed', '4', '--out', join(dir, 'sim')]);
  assert.equal(sim.status, 0, sim.stderr);
  const fit = mixwise(['fit', join(dir, 'sim', 'data.csv'), '--target', 'revenue', '--iterations', '400', '--seed', '3', '--workers', '1', '--out', run]);
  assert.equal(fit.status, 0, fit.stderr);
  assert.match(fit.stdout, /report\.html/);
});

after(() => rmSync(dir, { recursive: true, force: true }));

interface Summary { channels: { name: string; spend: number; contribution: number; roi: number }[] }

/** data-value of a cell of the ROI table. */
function cell(page: string, channel: string, field: string): number {
  const html = page.match(/<table class="roi">.*?<\/table>/s)?.[0] ?? '';
  const row = html.match(new RegExp(`<tr data-key="${channel}">(.*?)</tr>`))?.[1] ?? '';
  return Number(row.match(new RegExp(`data-field="${field}" data-value="([^"]*)"`))?.[1]);
}

test('fit writes report.html with the numbers of summary.json', () => {
  const html = readFileSync(join(run, 'report.html'), 'utf8');
  const summary = JSON.parse(readFileSync(join(run, 'summary.json'), 'utf8')) as Summary;
  for (const c of summary.channels) {
    assert.equal(cell(html, c.name, 'spend'), c.spend);
    assert.equal(cell(html, c.name, 'contribution'), c.contribution);
    assert.equal(cell(html, c.name, 'roi'), c.roi);
  }
  assert.doesNotMatch(html, /https?:\/\/|<script/i);
});

test('mixwise report --model DIR --out FILE writes the report (exit 0)', () => {
  const out = join(dir, 'custom.html');
  const r = mixwise(['report', '--model', run, '--out', out, '--title', 'Q3 <review>']);
  assert.equal(r.status, 0, r.stderr);
  assert.equal(r.stdout, `wrote ${out}\n`);
  const html = readFileSync(out, 'utf8');
  assert.ok(html.includes('<title>Q3 &lt;review&gt;</title>'));
  // The subtitle names the run, the day it was fitted and the data file model.json records, not a path on this machine.
  assert.match(html, /<header><h1>[^<]*<\/h1>\n<p>fit · fitted \d{4}-\d{2}-\d{2} · data file data\.csv<\/p>/);
  assert.ok(!html.includes(dir));
  assert.equal((html.match(/<svg[\s>]/g) ?? []).length, 10);
});

test('mixwise report without --out writes DIR/report.html', () => {
  rmSync(join(run, 'report.html'));
  const r = mixwise(['report', '--model', run]);
  assert.equal(r.status, 0, r.stderr);
  assert.ok(existsSync(join(run, 'report.html')));
});

test('exit codes: 1 for a folder without a model, 2 without --model', () => {
  const missing = mixwise(['report', '--model', join(dir, 'nope')]);
  assert.equal(missing.status, 1);
  assert.match(missing.stderr, /nope/);
  const usage = mixwise(['report']);
  assert.equal(usage.status, 2);
  assert.match(usage.stderr, /--model/);
});

test('--out in a missing folder creates it; --out below a file or naming a folder → 2 naming the path', () => {
  const nested = join(dir, 'new', 'deeper', 'r.html');
  const r = mixwise(['report', '--model', run, '--out', nested]);
  assert.equal(r.status, 0, r.stderr);
  assert.ok(readFileSync(nested, 'utf8').startsWith('<!doctype html>'));
  const belowFile = join(run, 'model.json', 'r.html');
  const file = mixwise(['report', '--model', run, '--out', belowFile]);
  assert.equal(file.status, 2, file.stderr);
  assert.ok(file.stderr.includes(`${join(run, 'model.json')} is a file, not a folder`), file.stderr);
  assert.doesNotMatch(file.stderr, /ENOENT|ENOTDIR|\.tmp/);
  const folder = mixwise(['report', '--model', run, '--out', dir]);
  assert.equal(folder.status, 2, folder.stderr);
  assert.ok(folder.stderr.includes(`--out ${dir} is a folder, not a file`) && folder.stderr.includes(join(dir, 'report.html')), folder.stderr);
});
