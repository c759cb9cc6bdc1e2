// `fit --refresh` of a geo-level run (--geo, --geo-size), of a run modelled on exposure (--media
// exposure) and of a geo run on exposure: the settings come from the previous model, without flags (real small fits).
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { inProcessCli, QUICK_FIT } from '../../test/in-process-cli.ts';

const { dir, mixwise, json } = inProcessCli('mixwise-refresh-inherit-');
const QUICK = QUICK_FIT;
const csv = (path: string): string[][] => readFileSync(join(dir, path), 'utf8').trimEnd().split('\n').map((l) => l.split(','));
const write = (name: string, lines: readonly string[][]): string => {
  writeFileSync(join(dir, name), lines.map((l) => l.join(',')).join('\n') + '\n');
  return name;
};

before(async () => {
  assert.equal((await mixwise(['simulate', '--preset', 'geo', '--seed', '3', '--out', 'geo'])).code, 0);
  assert.equal((await mixwise(['simulate', '--preset', 'retail', '--seed', '3', '--out', 'retail'])).code, 0);
});

test('a geo-level run is refreshed on its geo and size columns without --geo/--geo-size; --geo alone keeps the size column', async () => {
  const [header, ...rows] = csv('geo/data.csv');
  const g = header.indexOf('geo');
  const geos = [...new Set(rows.map((r) => r[g]))].sort().slice(0, 4);
  const dates = [...new Set(rows.map((r) => r[0]))].sort();
  const upTo = (n: number): string[][] => [header, ...rows.filter((r) => geos.includes(r[g]) && r[0] <= dates[n - 1])];
  const first = await mixwise(['fit', write('g104.csv', upTo(104)), '--target', 'revenue', '--geo', 'geo', '--geo-size', 'population', ...QUICK, '--out', 'g104']);
  assert.equal(first.code, 0, first.stderr);
  const prev = json('g104/model.json');
  assert.deepEqual([prev.panel.column, prev.panel.sizeColumn], ['geo', 'population']);
  write('g120.csv', upTo(120));
  // An inherited geo column is named as the previous run's, not as a --geo the user typed.
  const bayes = await mixwise(['fit', 'g120.csv', '--refresh', 'g104', '--method', 'bayes', ...QUICK, '--out', 'g-bayes']);
  assert.equal(bayes.code, 2);
  assert.match(bayes.stderr, /--method bayes is not supported with the geo column geo of the previous run g104 \(--refresh\) yet/);
  for (const [flags, out] of [[[], 'g120'], [['--geo', 'geo'], 'g120-geo']] as const) {
    const r = await mixwise(['fit', 'g120.csv', '--refresh', 'g104', ...flags, ...QUICK, '--out', out]);
    assert.equal(r.code, 0, r.stderr);
    const m = json(`${out}/model.json`);
    assert.deepEqual([m.panel.column, m.panel.sizeColumn, m.panel.geos], ['geo', 'population', geos]);
    // The shares are the population shares, not the KPI shares.
    const pop = geos.map((x) => Number(rows.find((r) => r[g] === x)?.[header.indexOf('population')]));
    const total = pop.reduce((s, v) => s + v, 0);
    m.panel.shares.forEach((s: number, i: number) => assert.ok(Math.abs(s - pop[i] / total) < 1e-9));
    assert.equal(json(`${out}/summary.json`).refresh.new_periods, 16);
  }
});

test('a run modelled on exposure is refreshed on the same exposure columns; a missing one is named with the file', async () => {
  const [header, ...rows] = csv('retail/data.csv');
  const tv = header.indexOf('tv_spend');
  // Impressions ≈ 120 per unit of spend, with a little noise.
  const withImpressions = (n: number): string[][] => [[...header, 'tv_impressions'], ...rows.slice(0, n).map((r, i) => [...r, String(Math.round(Number(r[tv]) * 120 + 10 * (i % 7)))])];
  const first = await mixwise(['fit', write('e104.csv', withImpressions(104)), '--target', 'revenue', '--media', 'exposure', ...QUICK, '--out', 'e104']);
  assert.equal(first.code, 0, first.stderr);
  assert.equal(json('e104/model.json').channels.find((c: { name: string }) => c.name === 'tv').media.column, 'tv_impressions');
  const r = await mixwise(['fit', write('e120.csv', withImpressions(120)), '--refresh', 'e104', ...QUICK, '--out', 'e120']);
  assert.equal(r.code, 0, r.stderr);
  const m = json('e120/model.json');
  assert.deepEqual(m.channels.map((c: { name: string; media?: { column: string } }) => [c.name, c.media?.column ?? null]),
    [['tv', 'tv_impressions'], ['ooh', null], ['search', null], ['social', null], ['display', null]]);
  const bad = await mixwise(['fit', write('e120-none.csv', [header, ...rows.slice(0, 120)]), '--refresh', 'e104', ...QUICK, '--out', 'e-bad']);
  assert.equal(bad.code, 1);
  assert.match(bad.stderr, /column tv_impressions \(channel tv's exposure in the previous run e104\) is not in the new data e120-none\.csv/);
  assert.match(bad.stderr, /or model the channels on spend with --media spend/);
});

test('a geo-level run modelled on exposure is refreshed on its geos and impressions; per-geo ROIs stay against spend and the note names the impressions', async () => {
  const [header, ...rows] = csv('geo/data.csv');
  const g = header.indexOf('geo'), tv = header.indexOf('tv_spend');
  const geos = [...new Set(rows.map((r) => r[g]))].sort().slice(0, 3);
  const dates = [...new Set(rows.map((r) => r[0]))].sort();
  // Impressions per unit of spend differ by geo (100, 130, 160), so exposure is not spend in disguise.
  const perUnit = (geo: string): number => 100 + 30 * geos.indexOf(geo);
  const upTo = (n: number): string[][] => [[...header, 'tv_impressions'],
    ...rows.filter((r) => geos.includes(r[g]) && r[0] <= dates[n - 1]).map((r) => [...r, String(Math.round(Number(r[tv]) * perUnit(r[g])))])];
  const first = await mixwise(['fit', write('ge80.csv', upTo(80)), '--target', 'revenue', '--geo', 'geo', '--geo-size', 'population', '--media', 'exposure', ...QUICK, '--out', 'ge80']);
  assert.equal(first.code, 0, first.stderr);
  const r = await mixwise(['fit', write('ge92.csv', upTo(92)), '--refresh', 'ge80', ...QUICK, '--out', 'ge92']);
  assert.equal(r.code, 0, r.stderr);
  const m = json('ge92/model.json');
  assert.deepEqual([m.panel.column, m.panel.sizeColumn, m.panel.geos], ['geo', 'population', geos]);
  const mtv = m.channels.find((c: { name: string }) => c.name === 'tv');
  assert.equal(mtv.media.column, 'tv_impressions');
  assert.equal(mtv.media.geoSpend.length, geos.length);
  assert.ok(m.channels.filter((c: { name: string }) => c.name !== 'tv').every((c: { media?: unknown }) => c.media === undefined), 'channels without impressions stay on spend');
  const summary = json('ge92/summary.json');
  assert.equal(summary.refresh.new_periods, 12);
  // Per-geo spend is each geo's actual tv spend over the window (not the spend-equivalent exposure).
  const k = summary.channels.findIndex((c: { name: string }) => c.name === 'tv');
  const actual = geos.map((x) => rows.filter((row) => row[g] === x && row[0] <= dates[91]).reduce((a, row) => a + Number(row[tv]), 0));
  summary.geos.forEach((geo: { channels: { spend: number }[] }, i: number) => assert.ok(Math.abs(geo.channels[k].spend - actual[i]) <= 1e-6 * actual[i], `${geos[i]}: ${geo.channels[k].spend} vs ${actual[i]}`));
  // The note under the per-geo ROIs words tv's operating point as impressions, not spend.
  assert.match(summary.geos_note, /for tv, modelled on exposure, tv_impressions per unit of population;/);
  assert.match(r.stdout.replace(/\s+/g, ' '), /for tv, modelled on exposure, tv_impressions per unit of population;/);
});
