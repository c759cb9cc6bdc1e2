// End to end: `mixwise fit --organic` on Robyn's simulated weekly data (../shared/datasets, see its
// SOURCE.md: `newsletter` is organic media there), and the errors of a bad organic column.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT, STACK_LINE, mixwise, tempDir } from './run-mixwise.ts';
import { csvText, spendCsv } from './spend-csv.ts';

const DATA = join(REPO_ROOT, '..', 'shared', 'datasets', 'robyn_simulated_weekly', 'dt_simulated_weekly.csv');
const skip = existsSync(DATA) ? false : `public dataset not found at ${DATA}`;
const dir = tempDir('mixwise-organic-');
after(() => rmSync(dir, { recursive: true, force: true }));

test('fit --organic newsletter: summary.organic with a positive contribution, part of the baseline; the channels stay paid-only', { skip }, () => {
  const out = join(dir, 'robyn');
  const r = mixwise(['fit', DATA, '--target', 'revenue', '--channels', 'tv_S,ooh_S,print_S,search_S,facebook_S', '--controls', 'competitor_sales_B',
    '--organic', 'newsletter', '--iterations', '600', '--out', out], 300_000);
  assert.equal(r.status, 0, r.stderr);
  const summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8'));
  assert.equal(summary.organic.length, 1);
  assert.equal(summary.organic[0].name, 'newsletter');
  assert.ok(summary.organic[0].contribution > 0, JSON.stringify(summary.organic));
  assert.ok(Math.abs(summary.baseline.components.organic - summary.organic[0].contribution) < 1e-6 * summary.organic[0].contribution);
  assert.deepEqual(summary.channels.map((c: { name: string }) => c.name), ['tv', 'ooh', 'print', 'search', 'facebook']);
  assert.match(r.stdout, /Organic media \(no spend, so no ROI; measured against zero exposure\): newsletter [\d,]+ \[90%: [\d,]+–[\d,]+\] \([\d.]+% of the fitted KPI; half by week \d+, 90% by week \d+\)/);
  const header = readFileSync(join(out, 'decomposition.csv'), 'utf8').split('\n')[0].split(',');
  assert.ok(header.includes('newsletter'), header.join(','));
});

/** A small weekly file with an organic column `sends`, one cell of it replaced. */
function withSends(row: number, value: string): string {
  const rows = spendCsv(30);
  rows[0].push('sends');
  for (let i = 1; i < rows.length; i++) rows[i].push(String(200 + 50 * (i % 5)));
  rows[row][rows[0].length - 1] = value;
  const path = join(dir, `sends-${row}-${value === '' ? 'empty' : 'bad'}.csv`);
  writeFileSync(path, csvText(rows));
  return path;
}

test('an organic column with a negative or an empty cell: exit 1 naming the file line and the column, and how to fix it', () => {
  const negative = mixwise(['fit', withSends(5, '-3'), '--target', 'sales', '--organic', 'sends', '--iterations', '100', '--out', join(dir, 'neg')]);
  assert.equal(negative.status, 1, negative.stderr);
  assert.match(negative.stderr, /sends-5-bad\.csv:6\b/);
  assert.match(negative.stderr, /column "sends"/);
  assert.match(negative.stderr, /organic exposure is negative \(-3\)/);
  assert.match(negative.stderr, /must be 0 or more/);
  assert.doesNotMatch(negative.stderr, STACK_LINE);
  const empty = mixwise(['fit', withSends(9, ''), '--target', 'sales', '--organic', 'sends', '--iterations', '100', '--out', join(dir, 'empty')]);
  assert.equal(empty.status, 1, empty.stderr);
  assert.match(empty.stderr, /sends-9-empty\.csv:10\b/);
  assert.match(empty.stderr, /the organic exposure value is empty/);
  assert.match(empty.stderr, /write 0 for periods with no exposure/);
  assert.match(empty.stderr, /--clean fill_gaps/);
});

test('fit --clean fill_gaps: an empty organic cell becomes 0 exposure, logged in changes.csv like a spend fill', () => {
  const out = join(dir, 'filled');
  const r = mixwise(['fit', withSends(9, ''), '--target', 'sales', '--organic', 'sends', '--clean', 'fill_gaps', '--iterations', '100', '--out', out]);
  assert.equal(r.status, 0, r.stderr);
  const changes = readFileSync(join(out, 'changes.csv'), 'utf8').trim().split('\n');
  const line = changes.find((l) => l.includes(',sends,'));
  assert.ok(line !== undefined, changes.join('\n'));
  assert.match(line, /^fill_gaps,sends,10,[-0-9]+,,0,no exposure recorded: 0$/);
});

test('a column that is both organic and a control is refused; with --method bayes organic media get a credible interval', () => {
  const path = withSends(3, '250');
  const both = mixwise(['fit', path, '--target', 'sales', '--controls', 'price,sends', '--organic', 'sends', '--iterations', '100', '--out', join(dir, 'both')]);
  assert.equal(both.status, 1, both.stderr);
  assert.match(both.stderr, /the column "sends" is given two roles: control and organic media/);
  const bayes = mixwise(['fit', path, '--target', 'sales', '--organic', 'sends', '--method', 'bayes', '--chains', '1', '--warmup', '20', '--draws', '12',
    '--iterations', '100', '--out', join(dir, 'bayes')]);
  assert.equal(bayes.status, 0, bayes.stderr);
  const summary = JSON.parse(readFileSync(join(dir, 'bayes', 'summary.json'), 'utf8')) as { organic?: { name: string; contribution_interval?: [number, number] | null }[] };
  assert.equal(summary.organic?.[0].name, 'sends');
  assert.ok(Array.isArray(summary.organic?.[0].contribution_interval), JSON.stringify(summary.organic));
});

test('fit --config with columns.organic: the column is organic media, in summary.organic and model.spec.organic', () => {
  const data = withSends(2, '300');
  const config = join(dir, 'organic.yaml');
  writeFileSync(config, `version: 1\ndata: { path: ${data} }\ncolumns:\n  target: sales\n  controls: [{ name: price }]\n  organic: [sends]\n`);
  const out = join(dir, 'config-run');
  const r = mixwise(['fit', '--config', config, '--iterations', '200', '--out', out]);
  assert.equal(r.status, 0, r.stderr);
  const summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8'));
  assert.deepEqual(summary.organic.map((o: { name: string }) => o.name), ['sends']);
  const model = JSON.parse(readFileSync(join(out, 'model.json'), 'utf8'));
  assert.deepEqual(model.spec.organic.map((o: { name: string }) => o.name), ['sends']);
  assert.deepEqual(model.baseline.filter((b: { kind: string }) => b.kind === 'organic').map((b: { name: string }) => b.name), ['sends']);
});

test('prepare with an organic column at 0 in every period: exit 1, ORGANIC_ALL_ZERO at the column with the config fix, nothing written', () => {
  const rows = spendCsv(30);
  rows[0].push('newsletter');
  for (let i = 1; i < rows.length; i++) rows[i].push('0');
  writeFileSync(join(dir, 'zero-sends.csv'), csvText(rows));
  writeFileSync(join(dir, 'organic.yaml'), ['version: 1', 'data: { path: zero-sends.csv }', 'columns:', '  target: sales',
    '  channels: [{ name: tv, spend: tv_spend }, { name: search, spend: search_spend }]', '  controls: [{ name: price, sign: negative }]',
    '  organic: [newsletter]', ''].join('\n'));
  const out = join(dir, 'prepared-zero');
  const r = mixwise(['prepare', '--config', join(dir, 'organic.yaml'), '--out', out]);
  assert.equal(r.status, 1, r.stderr);
  // ORGANIC_ALL_ZERO's message at the file's column, its fix worded for the config.
  assert.match(r.stderr, /zero-sends\.csv column "newsletter": organic column "newsletter" is 0 in every period, so its effect cannot be estimated/);
  assert.match(r.stderr, /fix: leave it out: remove it from columns\.organic in mixwise\.yaml/);
  assert.doesNotMatch(r.stderr, STACK_LINE);
  assert.equal(existsSync(join(out, 'modeling_table.csv')), false);
});
