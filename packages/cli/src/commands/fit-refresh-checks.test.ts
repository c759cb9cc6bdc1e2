// End-to-end tests of what `fit --refresh` refuses, inherits and warns about beyond the basics
// (fit-refresh.test.ts): real small fits on simulated data.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { newPeriodsRoi, parseModel } from '@mixwise/engine';
import { inProcessCli, QUICK_FIT } from '../../test/in-process-cli.ts';

const { dir, mixwise, json } = inProcessCli('mixwise-refresh-checks-');
const QUICK = QUICK_FIT;
const text = (path: string): string => readFileSync(join(dir, path), 'utf8');

/** The simulated retail file as rows of cells (header first). */
let sim: string[][] = [];
/** Writes rows [from, to) of the simulated file (with its header), with columns dropped and dates remapped. */
function rows(name: string, from: number, to: number, options: { drop?: string[]; date?: (i: number) => string; extra?: [string, (r: string[]) => string] } = {}): string {
  const keep = sim[0].map((h, j) => (options.drop?.includes(h) === true ? -1 : j)).filter((j) => j >= 0);
  const line = (r: string[], i: number): string[] => {
    const cells = keep.map((j) => (j === 0 && options.date !== undefined ? options.date(i) : r[j]));
    return options.extra === undefined ? cells : [...cells, i < 0 ? options.extra[0] : options.extra[1](r)];
  };
  const body = sim.slice(1 + from, 1 + to).map((r, i) => line(r, from + i).join(','));
  writeFileSync(join(dir, name), [line(sim[0], -1).join(','), ...body].join('\n') + '\n');
  return name;
}

before(async () => {
  assert.equal((await mixwise(['simulate', '--preset', 'retail', '--seed', '3', '--out', 'sim'])).code, 0);
  sim = text('sim/data.csv').trimEnd().split('\n').map((l) => l.split(','));
  const first = await mixwise(['fit', rows('d104.csv', 0, 104), '--target', 'revenue', '--seasonality', '1', ...QUICK, '--out', 'r104']);
  assert.equal(first.code, 0, first.stderr);
});

test('--out naming the --refresh folder (also spelled another way) is a usage error and leaves the run alone', async () => {
  const before = text('r104/model.json');
  for (const out of ['r104', './r104/']) {
    const r = await mixwise(['fit', rows('d120.csv', 0, 120), '--refresh', 'r104', ...QUICK, '--out', out]);
    assert.equal(r.code, 2, r.stderr);
    assert.match(r.stderr, /is the --refresh folder r104: the refreshed run would replace the run it starts from.*write it to a new folder/);
  }
  assert.equal(text('r104/model.json'), before);
});

test('a daily file over a weekly run is refused naming both frequencies and the file; compare refuses runs of different frequencies', async () => {
  const day = (i: number): string => new Date(Date.UTC(2022, 0, 3 + i)).toISOString().slice(0, 10);
  const r = await mixwise(['fit', rows('daily.csv', 0, 120, { date: day }), '--refresh', 'r104', ...QUICK, '--out', 'r-daily']);
  assert.equal(r.code, 1, r.stderr);
  assert.match(r.stderr, /daily\.csv holds daily data but the previous run r104 was fitted on weekly data/);
  // A daily run fitted on its own is compared with the weekly one: refused, not spend/period side by side.
  const d = await mixwise(['fit', 'daily.csv', '--target', 'revenue', '--seasonality', '1', ...QUICK, '--out', 'r-daily']);
  assert.equal(d.code, 0, d.stderr);
  const c = await mixwise(['compare', 'r104', 'r-daily']);
  assert.equal(c.code, 1);
  assert.match(c.stderr, /r104 is a weekly model and r-daily a daily one/);
});

test('compare given a data file says to give a run folder, not --model', async () => {
  const r = await mixwise(['compare', 'r104', 'd104.csv']);
  assert.equal(r.code, 1);
  assert.match(r.stderr, /d104\.csv is not a run folder \(it is a file\)/);
  assert.doesNotMatch(r.stderr, /--model/);
});

test('a file of only the new weeks: the error says a refresh file holds the full history', async () => {
  const r = await mixwise(['fit', rows('new-only.csv', 104, 114), '--refresh', 'r104', ...QUICK, '--out', 'r-new-only']);
  assert.equal(r.code, 1, r.stderr);
  assert.match(r.stderr, /a refresh file must hold the full history, the previous run's periods \(2022-01-03 … \S+\) plus the new ones/);
});

test('an inherited control or event the new data lack: the fix says how to drop it, and --no-auto-controls / --events do', async () => {
  const r = await mixwise(['fit', rows('no-price.csv', 0, 120, { drop: ['price', 'promo'] }), '--refresh', 'r104', ...QUICK, '--out', 'r-bad']);
  assert.equal(r.code, 1);
  assert.match(r.stderr, /column price \(a control of the previous run r104\) is not in the new data no-price\.csv/);
  assert.match(r.stderr, /or drop it: --no-auto-controls \(no controls\)/);
  assert.match(r.stderr, /column promo \(an event of the previous run r104\)/);
  const prevEvents = json('r104/model.json').baseline.filter((b: { kind: string }) => b.kind === 'event').map((b: { name: string }) => b.name);
  assert.ok(prevEvents.includes('promo'), `promo is an event of r104 (${prevEvents.join(',')})`);
  const others = prevEvents.filter((e: string) => e !== 'promo');
  assert.match(r.stderr, new RegExp(`or drop it: --events ${others.join(',')}`));
  const ok = await mixwise(['fit', 'no-price.csv', '--refresh', 'r104', '--no-auto-controls', '--events', others.join(','), ...QUICK, '--out', 'r-no-price']);
  assert.equal(ok.code, 0, ok.stderr);
  const m = json('r-no-price/model.json');
  assert.deepEqual(m.baseline.filter((b: { kind: string }) => b.kind === 'control'), []);
  assert.deepEqual(m.baseline.filter((b: { kind: string }) => b.kind === 'event').map((b: { name: string }) => b.name).sort(), [...others].sort());
});

test('warnings: no new period, a later start; holdout periods are not counted as new', async () => {
  const same = await mixwise(['fit', 'd104.csv', '--refresh', 'r104', ...QUICK, '--out', 'r-same']);
  assert.equal(same.code, 0, same.stderr);
  const s = json('r-same/summary.json');
  const w = s.warnings.filter((x: { code: string }) => x.code === 'REFRESH_WINDOW');
  assert.equal(w.length, 1);
  assert.match(w[0].message, /d104\.csv's window ends \S+, on the last date of the previous run r104 .*: 0 new periods, so the refit cannot learn anything new/);
  assert.match(same.stdout, /0 new periods, so the refit cannot learn anything new/);
  assert.equal(s.refresh.new_periods, 0);
  // 20 rows dropped at the start and 16 added: a later start is warned about; 16 new periods, 8 of them held out.
  const late = await mixwise(['fit', rows('d20-120.csv', 20, 120), '--refresh', 'r104', '--holdout', '8', ...QUICK, '--out', 'r-late']);
  assert.equal(late.code, 0, late.stderr);
  const l = json('r-late/summary.json');
  assert.deepEqual(l.warnings.filter((x: { code: string }) => x.code === 'REFRESH_WINDOW').map((x: { message: string }) => /history dropped/.test(x.message)), [true]);
  assert.equal(l.refresh.new_periods, 8);
  // 8 fitted new periods of 92 fitted ones: 9%, below the 20% floor.
  assert.equal(l.refresh.bound_width, 0.2);
});

test('the headline gives each move in percent and never claims stability; the new periods\' ROIs match the decomposition', async () => {
  const r = await mixwise(['fit', rows('d130.csv', 0, 130), '--refresh', 'r104', ...QUICK, '--out', 'r130']);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /Largest ROI moves?: \S+ [\d.]+ → [\d.]+ \([+−][\d.]+, [+−]\d+%; (90% intervals (do not )?overlap|no interval)\)/);
  assert.doesNotMatch(r.stdout, /No channel's ROI moved|within the uncertainty/);
  assert.match(r.stdout, /"after" intervals are conditional on that narrowed search/);
  const s = json('r130/summary.json');
  const n = s.refresh.new_periods_roi;
  const dates = sim.slice(1).map((row) => row[0]);
  assert.deepEqual([n.periods, n.first_date, n.last_date], [26, dates[104], dates[129]]);
  // Known answer from the files: decomposition.csv's tv column over the new rows / tv_spend of those rows.
  const dec = text('r130/decomposition.csv').trimEnd().split('\n').map((l) => l.split(','));
  const tvCol = dec[0].indexOf('tv'), dateCol = dec[0].indexOf('date'), spendCol = sim[0].indexOf('tv_spend');
  let contribution = 0, spend = 0;
  for (const row of dec.slice(1)) if (row[dateCol] > dates[103]) contribution += Number(row[tvCol]);
  for (const row of sim.slice(105, 131)) spend += Number(row[spendCol]);
  const tv = n.channels.find((c: { name: string }) => c.name === 'tv');
  assert.ok(Math.abs(tv.spend - spend) < 1e-6 * spend, `${tv.spend} vs ${spend}`);
  assert.ok(Math.abs(tv.roi - contribution / spend) < 1e-4 * Math.abs(contribution / spend) + 1e-9, `${tv.roi} vs ${contribution / spend}`);
  assert.match(r.stdout, /New periods only \(\S+ to \S+, 26 periods\)[^\n]*with 90% intervals over its bootstrap replicates/);
  // The new periods' interval lies around the ROI and shows in the printed table.
  const [lo, hi] = tv.roi_interval;
  assert.ok(lo <= tv.roi && tv.roi <= hi && lo < hi, `${lo} ≤ ${tv.roi} ≤ ${hi}`);
  assert.match(r.stdout, /90% interval \(new\)/);
  // Counting every row of the window as new gives the summary's own roi_interval: the same replicates, the same rule.
  const whole = newPeriodsRoi(parseModel(json('r130/model.json')), '0000-00-00');
  for (const c of s.channels) {
    const mine = whole.channels.find((x) => x.name === c.name)?.roi_interval ?? [NaN, NaN];
    c.roi_interval.forEach((v: number, i: number) => assert.ok(Math.abs(mine[i] - v) <= 1e-9 * Math.abs(v), `${c.name}: ${mine[i]} vs ${v}`));
  }
  const compared = s.refresh.comparison.channels.find((c: { name: string }) => c.name === 'tv');
  assert.equal(compared.roi_change_relative, compared.roi_change / Math.abs(compared.roi_a));
});

test('--rename OLD=NEW: a renamed channel keeps its curves, narrowed bounds and comparison; a wrong OLD or no --refresh is exit 2', async () => {
  const renamed = rows('renamed.csv', 0, 120);
  writeFileSync(join(dir, renamed), text(renamed).replace('tv_spend', 'linear_tv_spend'));
  const r = await mixwise(['fit', renamed, '--refresh', 'r104', '--rename', 'tv_spend=linear_tv_spend', ...QUICK, '--out', 'r-renamed']);
  assert.equal(r.code, 0, r.stderr);
  const prev = json('r104/model.json'), m = json('r-renamed/model.json');
  const tvBefore = prev.channels.find((c: { name: string }) => c.name === 'tv');
  const tvNow = m.channels.find((c: { name: string }) => c.name === 'linear_tv');
  const spec = m.spec.channels.find((c: { name: string }) => c.name === 'linear_tv');
  assert.equal(tvNow.column, 'linear_tv_spend');
  assert.deepEqual([tvNow.adstock.type, tvNow.saturation.type, tvNow.maxLag], [tvBefore.adstock.type, tvBefore.saturation.type, tvBefore.maxLag]);
  // The bounds are narrowed around the previous tv's values (20% of the range): the previous value lies inside them.
  for (const [name, [lo, hi]] of Object.entries(spec.bounds.saturation) as [string, [number, number]][]) {
    assert.ok(lo - 1e-9 <= tvBefore.saturation[name] && tvBefore.saturation[name] <= hi + 1e-9, `${name}: ${tvBefore.saturation[name]} in [${lo}, ${hi}]`);
  }
  const c = json('r-renamed/summary.json').refresh.comparison;
  assert.deepEqual([c.only_in_a, c.only_in_b], [[], []]);
  const before = json('r104/summary.json').channels.find((x: { name: string }) => x.name === 'tv');
  assert.equal(c.channels.find((x: { name: string }) => x.name === 'linear_tv').roi_a, before.roi);
  const wrong = await mixwise(['fit', renamed, '--refresh', 'r104', '--rename', 'tv=linear_tv_spend', ...QUICK, '--out', 'r-bad']);
  assert.equal(wrong.code, 2);
  assert.match(wrong.stderr, /--rename tv: not a column of the previous run r104/);
  const alone = await mixwise(['fit', renamed, '--target', 'revenue', '--rename', 'tv_spend=linear_tv_spend', ...QUICK, '--out', 'r-bad']);
  assert.equal(alone.code, 2);
  assert.match(alone.stderr, /--rename .* only applies with --refresh/);
});
