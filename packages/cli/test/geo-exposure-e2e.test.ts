// End to end: `mixwise fit --geo --media exposure` on Meridian's simulated geo file (../shared/datasets,
// see its SOURCE.md): each channel's impressions per geo, ROIs against the spend, and a plan on the model.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT, mixwise, tempDir } from './run-mixwise.ts';

const DATA = join(REPO_ROOT, '..', 'shared', 'datasets', 'meridian_simulated', 'geo_media.csv');
const skip = existsSync(DATA) ? false : `public dataset not found at ${DATA}`;
const dir = tempDir('mixwise-geoexpo-');
after(() => rmSync(dir, { recursive: true, force: true }));

interface Channel { name: string; spend: number; roi: number; media?: { basis: string; column: string; cost_per_1000: number } }
interface Geo { name: string; channels: { name: string; spend: number; contribution: number }[] }

test('fit --geo geo --geo-size population --media exposure on Meridian\'s geo file: impressions per geo, positive ROIs against spend; optimize plans it', { skip }, () => {
  const out = join(dir, 'meridian');
  const r = mixwise(['fit', DATA, '--target', 'conversions', '--geo', 'geo', '--geo-size', 'population', '--media', 'exposure',
    '--iterations', '300', '--workers', '1', '--out', out], 300_000);
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stderr, /media exposure: Channel0 ← Channel0_impression, Channel1 ← Channel1_impression, Channel2 ← Channel2_impression, Channel3 ← Channel3_impression/);
  const summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8')) as { channels: Channel[]; geos: Geo[] };
  assert.deepEqual(summary.channels.map((c) => c.name), ['Channel0', 'Channel1', 'Channel2', 'Channel3']);
  for (const [k, c] of summary.channels.entries()) {
    assert.ok(c.roi > 0 && Number.isFinite(c.roi), `${c.name} ROI ${c.roi}`);
    assert.equal(c.media?.basis, 'exposure');
    assert.equal(c.media?.column, `${c.name}_impression`);
    // The file's cost per 1,000 is about 11.2–11.5 for every channel.
    assert.ok(c.media.cost_per_1000 > 10 && c.media.cost_per_1000 < 13, JSON.stringify(c.media));
    // Per geo, spend is the geo's actual spend: the geos add up to the national spend.
    const geoSpend = summary.geos.reduce((a, g) => a + g.channels[k].spend, 0);
    assert.ok(Math.abs(geoSpend - c.spend) <= 1e-6 * c.spend, `${c.name}: geos ${geoSpend} vs ${c.spend}`);
  }
  assert.equal(summary.geos.length, 20);
  const model = JSON.parse(readFileSync(join(out, 'model.json'), 'utf8')) as { channels: { media?: { geoSpend?: number[][] } }[] };
  assert.ok(model.channels.every((c) => c.media?.geoSpend?.length === 20));
  const plan = mixwise(['optimize', '--model', out, '--json'], 120_000);
  assert.equal(plan.status, 0, plan.stderr);
  const result = JSON.parse(plan.stdout) as { allocation: { channel: string; cost_per_1000?: number }[]; geo_split?: string };
  assert.match(result.geo_split ?? '', /population/);
  assert.ok(result.allocation.every((a) => a.cost_per_1000 !== undefined && a.cost_per_1000 > 10), plan.stdout);
});
