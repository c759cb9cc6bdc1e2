// End-to-end: `mixwise fit --media exposure` without a config pairs each channel's exposure column by
// name (as `mixwise init` does), says which, and still exports each period's actual spend; a file
// with no exposure column is refused with the fix.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { mixwise, readSimpleCsv, STACK_LINE, tempDir, type MixwiseRun } from './run-mixwise.ts';
import { csvText, spendCsv } from './spend-csv.ts';

const dir = tempDir();
const rows = spendCsv(40);
// tv's impressions bought at a cost per 1,000 that rises 50% over the file, so e_t differs from spend_t.
const withImpressions = rows.map((r, i) => [...r, i === 0 ? 'tv_impressions' : String(Math.round((1000 * Number(r[2])) / (8 * (1 + (0.5 * (i - 1)) / 39))))]);
let fit: MixwiseRun;

before(() => {
  writeFileSync(join(dir, 'exposure.csv'), csvText(withImpressions));
  fit = mixwise(['fit', join(dir, 'exposure.csv'), '--target', 'sales', '--media', 'exposure', '--iterations', '300', '--seed', '1', '--workers', '1', '--out', join(dir, 'out')]);
});

after(() => rmSync(dir, { recursive: true, force: true }));

test('fit --media exposure pairs tv_impressions with tv, says so, leaves search on spend and exports the actual spend', () => {
  assert.equal(fit.status, 0, fit.stderr);
  assert.match(fit.stderr, /media exposure: tv ← tv_impressions; on spend \(no exposure column named for it.*\): search/);
  assert.doesNotMatch(fit.stderr, /not used by the model: .*tv_impressions/);
  const model = JSON.parse(readFileSync(join(dir, 'out', 'model.json'), 'utf8')) as { channels: { name: string; spend: number[]; media?: { column: string; spend: number[] } }[] };
  const tv = model.channels.find((c) => c.name === 'tv');
  assert.equal(tv?.media?.column, 'tv_impressions');
  assert.notDeepEqual(tv?.spend, tv?.media?.spend, 'the transforms saw exposure at the average cost, not the spend');
  // Exports: every period's spend is the input file's, for the channel on exposure as for the one on spend.
  const exported = readSimpleCsv(join(dir, 'out', 'exports', 'csv', 'spend.csv'));
  const [c, s] = [exported.header.indexOf('channel'), exported.header.indexOf('spend')];
  for (const [name, col] of [['tv', 2], ['search', 3]] as const) {
    const got = exported.rows.filter((r) => r[c] === name).map((r) => Number(r[s]));
    assert.deepEqual(got, rows.slice(1).map((r) => Number(r[col])), name);
  }
});

test('fit --media exposure on a file without exposure columns exits 1 naming the fix, no stack trace', () => {
  writeFileSync(join(dir, 'spend.csv'), csvText(rows));
  const r = mixwise(['fit', join(dir, 'spend.csv'), '--target', 'sales', '--media', 'exposure', '--iterations', '300', '--workers', '1', '--out', join(dir, 'none')]);
  assert.equal(r.status, 1, r.stderr);
  assert.match(r.stderr, /no channel has an exposure column/);
  assert.match(r.stderr, /tv_impressions/);
  assert.match(r.stderr, /config/);
  assert.doesNotMatch(r.stderr, STACK_LINE);
});

test('optimize --reference-periods on an exposure model: current is the actual mean spend of those periods, priced at their cost per 1,000 and said so', () => {
  assert.equal(fit.status, 0, fit.stderr);
  const model = JSON.parse(readFileSync(join(dir, 'out', 'model.json'), 'utf8')) as { window: { end: number }; channels: { name: string; media?: { costPerUnit: number; spend: number[] } }[] };
  const tv = model.channels.find((c) => c.name === 'tv')!;
  const r = mixwise(['optimize', '--model', join(dir, 'out'), '--reference-periods', '13', '--json']);
  assert.equal(r.status, 0, r.stderr);
  const out = JSON.parse(r.stdout) as { exposure_cost?: string; allocation: { channel: string; current: number; cost_per_1000?: number; cost_basis?: string }[] };
  const row = out.allocation.find((a) => a.channel === 'tv')!;
  const end = model.window.end;
  const actual = tv.media!.spend.slice(end - 13, end);
  assert.ok(Math.abs(row.current - actual.reduce((a, b) => a + b, 0) / 13) < 1e-9 * row.current, `${row.current}`);
  assert.equal(row.cost_basis, 'reference');
  assert.ok(row.cost_per_1000! > 1000 * tv.media!.costPerUnit, 'the cost per 1,000 rose over the file');
  assert.equal(out.allocation.find((a) => a.channel === 'search')?.cost_per_1000, undefined);
  assert.match(out.exposure_cost ?? '', /^tv is modelled on exposure: planned at the cost per 1,000 of the reference periods, [\d.]+ \(window average [\d.]+\)$/);
  const text = mixwise(['optimize', '--model', join(dir, 'out')]);
  assert.equal(text.status, 0, text.stderr);
  assert.match(text.stdout, /tv is modelled on exposure: planned at the window's average cost per 1,000, [\d.]+\./);
});

test('fit --media exposure takes a channel with a fixed fee whose exposure varies (spend alone would be refused)', () => {
  // search at a fixed 60 per week buying 3,000–5,000 clicks: no spend variation, but exposure varies.
  const fee = rows.map((r, i) => (i === 0 ? [...r, 'search_clicks'] : [r[0], r[1], r[2], '60', r[4], String(3000 + 1000 * (i % 3))]));
  writeFileSync(join(dir, 'fee.csv'), csvText(fee));
  const r = mixwise(['fit', join(dir, 'fee.csv'), '--target', 'sales', '--media', 'exposure', '--iterations', '300', '--seed', '1', '--workers', '1', '--out', join(dir, 'fee')]);
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stderr, /search_clicks/);
  const spend = mixwise(['fit', join(dir, 'fee.csv'), '--target', 'sales', '--iterations', '300', '--workers', '1', '--out', join(dir, 'fee-spend')]);
  assert.equal(spend.status, 1);
  assert.match(spend.stderr, /"search" spends the same amount \(60\)/);
});
