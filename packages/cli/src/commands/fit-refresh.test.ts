// End-to-end tests of `mixwise fit --refresh` and `mixwise compare` on simulated data (real, small fits):
// a refresh inherits the earlier run's settings, searches near its values and stores the comparison.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { inProcessCli, QUICK_FIT } from '../../test/in-process-cli.ts';

const { dir, mixwise, json } = inProcessCli('mixwise-refresh-');
const QUICK = QUICK_FIT;

/** The simulated file's header and its first n data rows. */
function firstRows(n: number, name: string, dropColumn?: string): string {
  const lines = readFileSync(join(dir, 'sim', 'data.csv'), 'utf8').trimEnd().split('\n');
  const drop = dropColumn === undefined ? -1 : lines[0].split(',').indexOf(dropColumn);
  const keep = (l: string): string => (drop < 0 ? l : l.split(',').filter((_, j) => j !== drop).join(','));
  writeFileSync(join(dir, name), [lines[0], ...lines.slice(1, n + 1)].map(keep).join('\n') + '\n');
  return name;
}

before(async () => {
  assert.equal((await mixwise(['simulate', '--preset', 'retail', '--seed', '3', '--out', 'sim'])).code, 0);
  const first = await mixwise(['fit', firstRows(104, 'd104.csv'), '--target', 'revenue', '--seasonality', '1', ...QUICK, '--out', 'r104']);
  assert.equal(first.code, 0, first.stderr);
});

test('fit --refresh: inherits target, columns and settings, searches inside the narrowed bounds, and stores the comparison', async () => {
  const r = await mixwise(['fit', firstRows(120, 'd120.csv'), '--refresh', 'r104', ...QUICK, '--out', 'r120']);
  assert.equal(r.code, 0, r.stderr);
  const prev = json('r104/model.json'), next = json('r120/model.json');
  assert.equal(next.target.name, 'revenue');
  assert.deepEqual(next.channels.map((c: { column: string }) => c.column), prev.channels.map((c: { column: string }) => c.column));
  assert.deepEqual(next.baseline.map((b: { name: string }) => b.name), prev.baseline.map((b: { name: string }) => b.name));
  // --seasonality 1 of the first fit is inherited (the default would be 2 for weekly data).
  assert.equal(next.spec.seasonalityOrder, 1);
  assert.deepEqual(next.spec.search.roiPrior, prev.spec.search.roiPrior);
  // The default prior stays the default one (recomputed by the default rule), not a prior "given" by the refresh.
  assert.equal(next.search.roiPriorSource, 'default');
  assert.equal(prev.search.roiPriorSource, 'default');
  // 16 new weeks of a 120-week window: 13% is below the floor, so each range is searched over 20%.
  const { ranges, ...record } = next.refresh;
  assert.deepEqual(record, { previous: 'r104', previousSource: prev.source, newPeriods: 16, boundWidth: 0.2 });
  // The full ranges narrowed are recorded per channel (the engine's defaults here), for the next refresh to narrow again.
  assert.deepEqual(Object.keys(ranges), prev.channels.map((c: { name: string }) => c.name));
  assert.deepEqual(ranges.tv.saturation, { halfSaturation: [0.3, 3], shape: [0.5, 3] });
  next.channels.forEach((c: any, i: number) => { // eslint-disable-line @typescript-eslint/no-explicit-any
    const p = prev.channels[i], spec = next.spec.channels[i];
    assert.equal(c.adstock.type, p.adstock.type, `${c.name}: adstock family inherited`);
    assert.equal(c.saturation.type, p.saturation.type);
    assert.equal(spec.adstock, p.adstock.type);
    assert.equal(c.maxLag, p.maxLag);
    for (const part of ['adstock', 'saturation'] as const) {
      for (const [name, [lo, hi]] of Object.entries(spec.bounds[part]) as [string, [number, number]][]) {
        const value = c[part][name], previous = p[part][name];
        assert.ok(lo - 1e-9 <= value && value <= hi + 1e-9, `${c.name} ${part}.${name} ${value} outside [${lo}, ${hi}]`);
        assert.ok(lo - 1e-9 <= previous && previous <= hi + 1e-9, `${c.name} ${part}.${name}: the earlier ${previous} is inside [${lo}, ${hi}]`);
      }
    }
    // Hill's shape is linear on [0.5, 3]: at most 20% of that width.
    assert.ok(spec.bounds.saturation.shape[1] - spec.bounds.saturation.shape[0] <= 0.2 * 2.5 + 1e-9);
  });
  const summary = json('r120/summary.json'), before = json('r104/summary.json');
  assert.equal(summary.refresh.previous, 'r104');
  assert.equal(summary.refresh.new_periods, 16);
  const tv = summary.refresh.comparison.channels.find((c: { name: string }) => c.name === 'tv');
  const tvB = summary.channels.find((c: { name: string }) => c.name === 'tv'), tvA = before.channels.find((c: { name: string }) => c.name === 'tv');
  assert.equal(tv.roi_change, tvB.roi - tvA.roi);
  assert.equal(tv.spend_per_period_a, tvA.spend / 104);
  assert.match(r.stdout, /Refresh of r104: 16 new periods; each curve parameter searched over 20% of its range/);
  assert.match(r.stdout, /Largest ROI move/);

  // compare: the same numbers as the refresh's comparison, known from the two summaries.
  const c = await mixwise(['compare', 'r104', 'r120', '--json']);
  assert.equal(c.code, 0, c.stderr);
  const out = JSON.parse(c.stdout);
  assert.deepEqual(out, summary.refresh.comparison);
  assert.deepEqual([out.a.periods, out.b.periods, out.a.first_date, out.b.last_date], [104, 120, before.window.start, summary.window.end]);
  assert.equal(out.baseline_share_change, summary.baseline.share - before.baseline.share);
  const text = await mixwise(['compare', 'r104', 'r120']);
  assert.equal(text.code, 0);
  assert.match(text.stdout, /^Comparing A \(r104\) with B \(r120\), KPI revenue/);
  assert.match(text.stdout, /data window +2022-01-03 to \S+ +2022-01-03 to /);
});

test('compare a run with itself: every change 0, every interval overlaps', async () => {
  const r = await mixwise(['compare', 'r104', 'r104', '--json']);
  assert.equal(r.code, 0, r.stderr);
  const c = JSON.parse(r.stdout);
  assert.ok(c.channels.length === 5 && c.channels.every((x: { roi_change: number; verdict: string }) => x.roi_change === 0 && x.verdict === 'intervals overlap'));
  assert.deepEqual([c.only_in_a, c.only_in_b, c.baseline_share_change], [[], [], 0]);
});

test('compare refuses runs of different KPIs and a folder that is not a run (exit 1)', async () => {
  cpSync(join(dir, 'r104'), join(dir, 'orders'), { recursive: true });
  const m = json('orders/model.json');
  writeFileSync(join(dir, 'orders/model.json'), JSON.stringify({ ...m, target: { name: 'orders', kind: 'count' } }));
  const r = await mixwise(['compare', 'r104', 'orders']);
  assert.equal(r.code, 1);
  assert.match(r.stderr, /RUN_MISMATCH|r104 models the KPI revenue and orders models orders/);
  mkdirSync(join(dir, 'empty'));
  const e = await mixwise(['compare', 'r104', 'empty']);
  assert.equal(e.code, 1);
  assert.match(e.stderr, /no model\.json in the folder/);
});

test('fit --refresh refuses new data without a column of the earlier run, naming it and the run', async () => {
  const r = await mixwise(['fit', firstRows(120, 'no-ooh.csv', 'ooh_spend'), '--refresh', 'r104', ...QUICK, '--out', 'r-bad']);
  assert.equal(r.code, 1);
  assert.match(r.stderr, /column ooh_spend \(a channel of the previous run r104\) is not in the new data no-ooh.csv/);
  const t = await mixwise(['fit', 'd120.csv', '--refresh', 'r104', '--target', 'price', ...QUICK, '--out', 'r-bad']);
  assert.equal(t.code, 1);
  assert.match(t.stderr, /--target price is not the KPI of the previous run r104/);
});
