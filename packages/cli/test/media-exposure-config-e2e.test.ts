// End-to-end: `--media exposure` with a config that maps no `exposure:` column pairs by name as
// without a config; with a missing week, fill_gaps fills the paired exposure column too.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { mixwise, STACK_LINE, tempDir } from './run-mixwise.ts';
import { csvText, spendCsv } from './spend-csv.ts';

const dir = tempDir();
const rows = spendCsv(40);
const withImpressions = rows.map((r, i) => [...r, i === 0 ? 'tv_impressions' : String(Math.round((1000 * Number(r[2])) / (8 * (1 + (0.5 * (i - 1)) / 39))))]);
const args = ['--iterations', '200', '--seed', '1', '--workers', '1'];

after(() => rmSync(dir, { recursive: true, force: true }));

test('a config with no exposure: lines and --media exposure pairs tv_impressions by name and says so', () => {
  writeFileSync(join(dir, 'exposure.csv'), csvText(withImpressions));
  writeFileSync(join(dir, 'mixwise.yaml'), 'version: 1\ndata: { path: exposure.csv }\ncolumns:\n  target: sales\n  channels:\n    - { name: tv, spend: tv_spend }\n    - { name: search, spend: search_spend }\n  controls:\n    - { name: price }\n');
  const r = mixwise(['fit', '--config', join(dir, 'mixwise.yaml'), '--media', 'exposure', ...args, '--out', join(dir, 'cfg')]);
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stderr, /media exposure: tv ← tv_impressions/);
  assert.doesNotMatch(r.stderr, STACK_LINE);
});

test('a missing week with --media exposure --clean fill_gaps,skip_missing_kpi,impute_controls: the inserted week gets 0 exposure', () => {
  writeFileSync(join(dir, 'gap.csv'), csvText([...withImpressions.slice(0, 20), ...withImpressions.slice(21)]));
  const r = mixwise(['fit', join(dir, 'gap.csv'), '--target', 'sales', '--media', 'exposure', '--clean', 'fill_gaps,skip_missing_kpi,impute_controls', ...args, '--out', join(dir, 'gap')]);
  assert.equal(r.status, 0, r.stderr);
  assert.doesNotMatch(r.stderr, /the spend value is empty/);
  assert.doesNotMatch(r.stderr, /not used by the model: .*tv_impressions/);
});

test('a missing week with a config mapping exposure: (init\'s output) and cleaning fill_gaps: the mapped column is filled', () => {
  writeFileSync(join(dir, 'gap2.csv'), csvText([...withImpressions.slice(0, 20), ...withImpressions.slice(21)]));
  writeFileSync(join(dir, 'gap.yaml'), 'version: 1\ndata: { path: gap2.csv }\ncolumns:\n  target: sales\n  channels:\n    - { name: tv, spend: tv_spend, exposure: tv_impressions }\n    - { name: search, spend: search_spend }\n'
    + '  controls:\n    - { name: price }\nmodel: { media: exposure }\ncleaning: [fill_gaps, skip_missing_kpi, impute_controls]\n');
  const r = mixwise(['fit', '--config', join(dir, 'gap.yaml'), ...args, '--out', join(dir, 'gapcfg')]);
  assert.equal(r.status, 0, r.stderr);
  assert.doesNotMatch(r.stderr, /value is empty/);
});
