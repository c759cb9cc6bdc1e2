// Fits the public datasets shipped beside the repo (../shared/datasets, see its README) with the real
// `mixwise fit` launcher: each fit must finish, report a sane R² and give every channel a positive ROI.
// Prints the ROIs and R² so they can be quoted.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = fileURLToPath(new URL('../../../../', import.meta.url));
const datasets = fileURLToPath(new URL('../../../../../shared/datasets/', import.meta.url));
const robyn = `${datasets}robyn_simulated_weekly/dt_simulated_weekly.csv`;
const meridian = `${datasets}meridian_simulated/national_media.csv`;
/** Summaries of the fits below, reused by the interval test (so each data set is fitted once). */
const fitted = new Map<string, Summary>();
const outDirs: string[] = [];
after(() => { for (const d of outDirs) rmSync(d, { recursive: true, force: true }); });

interface Summary {
  target: string;
  periods: number;
  fit: { r2: number; nrmse: number; mape: number };
  channels: { name: string; spend: number; contribution: number; roi: number; mroi: number; roi_interval: [number, number] | null }[];
}

function fit(label: string, args: string[]): Summary {
  const out = mkdtempSync(join(tmpdir(), 'mixwise-public-'));
  outDirs.push(out);
  const t0 = performance.now();
  const r = spawnSync(process.execPath, [join(repo, 'packages/cli/bin/mixwise.js'), 'fit', ...args, '--json', '--out', out], {
    cwd: repo, encoding: 'utf8', timeout: 300_000, env: { ...process.env, NO_COLOR: '1' },
  });
  const seconds = (performance.now() - t0) / 1000;
  assert.equal(r.status, 0, `${label}: exit ${r.status}\n${r.stderr}`);
  const summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8')) as Summary;
  assert.deepEqual(JSON.parse(r.stdout), summary);
  const rois = summary.channels.map((c) => {
    const ci = c.roi_interval === null ? '' : ` [${c.roi_interval[0].toFixed(2)}, ${c.roi_interval[1].toFixed(2)}]`;
    return `${c.name} ${c.roi.toFixed(3)}${ci} (mROI ${c.mroi.toFixed(3)})`;
  });
  console.log(`${label}: R² ${summary.fit.r2.toFixed(4)}, NRMSE ${summary.fit.nrmse.toFixed(4)}, MAPE ${(100 * summary.fit.mape).toFixed(2)}%, ${seconds.toFixed(1)} s; ROI: ${rois.join('; ')}`);
  return summary;
}

function assertSane(label: string, s: Summary, channels: string[]): void {
  assert.deepEqual(s.channels.map((c) => c.name), channels);
  assert.ok(s.fit.r2 > 0 && s.fit.r2 <= 1, `${label}: R² ${s.fit.r2} not in (0, 1]`);
  for (const c of s.channels) {
    assert.ok(c.spend > 0, `${label} ${c.name}: spend ${c.spend}`);
    assert.ok(Number.isFinite(c.roi) && c.roi > 0, `${label} ${c.name}: ROI ${c.roi} (the issue requires sane, positive ROIs)`);
    assert.ok(Number.isFinite(c.mroi), `${label} ${c.name}: mROI ${c.mroi}`);
  }
}

test('Robyn simulated weekly: fit completes with positive ROIs for all five channels', { skip: existsSync(robyn) ? false : 'shared datasets not present' }, () => {
  const s = fit('Robyn dt_simulated_weekly', [
    robyn, '--target', 'revenue', '--date', 'DATE', '--channels', 'tv_S,ooh_S,print_S,facebook_S,search_S',
    '--controls', 'competitor_sales_B', '--events', 'events', '--iterations', '4000',
  ]);
  assert.equal(s.target, 'revenue');
  assert.equal(s.periods, 208);
  fitted.set('Robyn', s);
  assertSane('Robyn', s, ['tv', 'ooh', 'print', 'facebook', 'search']);
});

test('Meridian national_media: fit completes with positive ROIs for all four channels', { skip: existsSync(meridian) ? false : 'shared datasets not present' }, () => {
  const s = fit('Meridian national_media', [
    meridian, '--target', 'conversions', '--channels', 'Channel0_spend,Channel1_spend,Channel2_spend,Channel3_spend',
    '--controls', 'competitor_activity_score_control,sentiment_score_control', '--iterations', '4000',
  ]);
  assert.equal(s.target, 'conversions');
  assert.equal(s.periods, 156);
  fitted.set('Meridian', s);
  assertSane('Meridian', s, ['Channel0', 'Channel1', 'Channel2', 'Channel3']);
});

test('the 90% bootstrap ROI interval of every channel contains its point ROI (Robyn and Meridian)', { skip: existsSync(robyn) && existsSync(meridian) ? false : 'shared datasets not present' }, () => {
  assert.equal(fitted.size, 2, 'the two fits above must have run');
  const outside: string[] = [];
  for (const [label, s] of fitted) {
    for (const c of s.channels) {
      assert.ok(c.roi_interval !== null, `${label} ${c.name}: no interval (bootstrap is on by default)`);
      const [lo, hi] = c.roi_interval;
      if (!(lo <= c.roi && c.roi <= hi)) outside.push(`${label} ${c.name}: ROI ${c.roi.toFixed(3)} outside [${lo.toFixed(3)}, ${hi.toFixed(3)}]`);
    }
  }
  // An interval that excludes the estimate it is reported beside means the bootstrap does not resample
  // the chosen model (its pool of candidates must contain the chosen hyperparameters).
  assert.deepEqual(outside, []);
});
