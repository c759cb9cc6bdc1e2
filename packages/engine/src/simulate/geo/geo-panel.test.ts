import { test } from 'node:test';
import assert from 'node:assert/strict';
import { geoShares } from '../../spec/panel.ts';
import type { AdstockSpec } from '../../transforms/adstock/types.ts';
import type { SaturationSpec } from '../../transforms/saturation/types.ts';
import { simulatePreset } from '../presets/index.ts';
import { simulateLiftTests } from '../lift-tests.ts';
import { simulateGeoPanel } from './geo-panel.ts';
import { panelLongTable } from './panel-long-table.ts';

const sim = simulateGeoPanel({ seed: 4 });
const { table, truth } = sim;
const panel = table.panel ?? assert.fail('table.panel is set');
const n = table.dates.length;
const sum = (x: ArrayLike<number>): number => { let s = 0; for (let i = 0; i < x.length; i++) s += x[i]; return s; };
const close = (a: number, b: number, rel: number, what: string): void => assert.ok(Math.abs(a - b) <= rel * Math.max(1, Math.abs(b)), `${what}: ${a} vs ${b}`);

test('same seed ⇒ identical table and truth; another seed differs; the preset is simulateGeoPanel', () => {
  const again = simulateGeoPanel({ seed: 4 });
  assert.deepEqual(again.table, table);
  assert.equal(JSON.stringify(again.truth), JSON.stringify(truth));
  assert.notDeepEqual(simulateGeoPanel({ seed: 5 }).table.target.values, table.target.values);
  // The preset adds the population column (table.panel.size), which changes none of the draws.
  const preset = simulatePreset('geo', 4);
  assert.equal(JSON.stringify(preset.truth), JSON.stringify(simulateGeoPanel({ seed: 4, population: true }).truth));
  assert.deepEqual(preset.table.target.values, table.target.values);
  assert.equal(preset.table.panel?.size?.column, 'population');
});

test('defaults: 20 geos, 156 weeks, 5 channels, one national and one geo control; sizes from ~1 % to ~15 %', () => {
  assert.equal(panel.geos.length, 20);
  assert.equal(n, 156);
  assert.deepEqual(table.channels.map((c) => c.name), ['tv', 'online_video', 'search', 'social', 'display']);
  assert.deepEqual(table.controls.map((c) => c.name), ['price', 'competitor_index']);
  assert.equal(panel.controls[0], null);
  assert.equal(panel.controls[1]?.length, 20);
  const sizes = truth.geo.geos.map((g) => g.size);
  assert.ok(Math.max(...sizes) / Math.min(...sizes) > 5, `sizes ${sizes.join(', ')}`);
  assert.deepEqual(truth.channels.map((c) => c.roi.toFixed(9)), ['1.000000000', '1.600000000', '3.500000000', '2.000000000', '1.300000000']);
});

test('the national columns are the geo sums (spend to the cent), and geoShares gives back the generating sizes', () => {
  for (let t = 0; t < n; t++) close(table.target.values[t], sum(panel.target.map((y) => y[t])), 1e-12, `KPI ${t}`);
  table.channels.forEach((c, i) => {
    for (let t = 0; t < n; t++) assert.equal(Math.round(sum(panel.spend[i].map((x) => x[t])) * 100), Math.round(c.spend[t] * 100), `${c.name} ${t}`);
    close(sum(c.spend), truth.channels[i].spend, 1e-12, `${c.name} spend`);
  });
  const shares = geoShares(panel);
  truth.geo.geos.forEach((g, k) => { close(shares[k], g.size, 1e-8, `${g.name} share`); assert.equal(g.share, shares[k]); });
});

test('truth: national contributions are the sums of the geos, and the national KPI is its components plus noise', () => {
  truth.channels.forEach((c) => {
    const perGeo = truth.geo.geos.map((g) => truth.geo.contributions[g.name][c.name]);
    for (let t = 0; t < n; t++) close(truth.contributions[c.name][t], sum(perGeo.map((x) => x[t])), 1e-12, `${c.name} ${t}`);
    close(c.contribution, sum(truth.geo.geos.map((g) => g.channels.find((x) => x.name === c.name)?.contribution ?? NaN)), 1e-12, c.name);
    close(c.spend, sum(truth.geo.geos.map((g) => g.channels.find((x) => x.name === c.name)?.spend ?? NaN)), 1e-12, c.name);
  });
  const names = Object.keys(truth.contributions);
  for (let t = 0; t < n; t++) close(table.target.values[t], sum(names.map((k) => truth.contributions[k][t])) + truth.noise[t], 1e-9, `KPI ${t}`);
});

// Independent re-implementation of the model's media term: normalised lag weights written out here.
function weights(spec: AdstockSpec, maxLag: number): number[] {
  const w = Array.from({ length: maxLag + 1 }, (_, l) => {
    if (spec.type === 'geometric') return spec.alpha ** l;
    if (spec.type === 'weibull-pdf') { const x = (l + 1) / spec.scale; return (spec.shape / spec.scale) * x ** (spec.shape - 1) * Math.exp(-(x ** spec.shape)); }
    throw new Error(spec.type);
  });
  const s = sum(w);
  return w.map((v) => v / s);
}
function hill(x: number, spec: SaturationSpec): number {
  if (spec.type !== 'hill') throw new Error(spec.type);
  return x <= 0 ? 0 : x ** spec.shape / (x ** spec.shape + spec.halfSaturation ** spec.shape);
}
function adstock(x: ArrayLike<number>, w: number[]): number[] {
  return Array.from({ length: x.length }, (_, t) => { let a = 0; for (let l = 0; l < w.length && l <= t; l++) a += w[l] * x[t - l]; return a; });
}

test('each geo\'s media effect recomputed from the truth\'s curve: s_g·β·f(A(x_g/s_g)/scale), with s_g = geoShares', () => {
  const shares = geoShares(panel);
  truth.channels.forEach((c, i) => {
    const w = weights(c.adstock, c.maxLag);
    // The national scale: mean adstocked national spend over rows with spend in the last maxLag + 1 rows.
    const national = table.channels[i].spend;
    const a = adstock(national, w);
    const active = a.map((_, t) => national.slice(Math.max(0, t - c.maxLag), t + 1).some((v) => v > 0));
    close(c.scale, sum(a.filter((_, t) => active[t])) / active.filter(Boolean).length, 1e-9, `${c.name} scale`);
    panel.geos.forEach((geo, g) => {
      const s = shares[g];
      const ag = adstock(Array.from(panel.spend[i][g], (v) => v / s), w);
      const want = truth.geo.contributions[geo][c.name];
      for (let t = 0; t < n; t++) close(s * c.beta * hill(ag[t] / c.scale, c.saturation), want[t], 1e-6, `${c.name} ${geo} ${t}`);
    });
    // Marginal ROI: the same effect with every geo's spend scaled by 1 ± h, by central difference.
    const total = (m: number): number => sum(panel.geos.map((_, g) => {
      const ag = adstock(Array.from(panel.spend[i][g], (v) => (m * v) / shares[g]), w);
      return sum(ag.map((a) => shares[g] * c.beta * hill(a / c.scale, c.saturation)));
    }));
    close(c.mroi, (total(1.001) - total(0.999)) / 0.002 / c.spend, 1e-6, `${c.name} mROI`);
    assert.ok(c.mroi < c.roi, `${c.name}: diminishing returns`);
  });
});

test('geo spend shares move apart from the KPI shares and over time; geo tests leave a geo dark', () => {
  const sizes = truth.geo.geos.map((g) => g.size);
  truth.channels.forEach((c, i) => {
    // Total spend share vs KPI share: off by more than 10 % in most geos.
    const off = truth.geo.geos.filter((g, k) => Math.abs((g.channels[i].spend / c.spend) / sizes[k] - 1) > 0.1).length;
    assert.ok(off >= 10, `${c.name}: ${off} of 20 geos' spend shares are within 10 % of their size`);
    // Week to week: the biggest geo's share of the week's spend varies (coefficient of variation > 0.1).
    const weekly = [];
    for (let t = 0; t < n; t++) if (table.channels[i].spend[t] > 0) weekly.push(panel.spend[i][0][t] / table.channels[i].spend[t]);
    const mean = sum(weekly) / weekly.length;
    const sd = Math.sqrt(sum(weekly.map((v) => (v - mean) ** 2)) / weekly.length);
    assert.ok(sd / mean > 0.1, `${c.name}: share cv ${sd / mean}`);
  });
  assert.ok(truth.geo.tests.length >= 9);
  for (const test of truth.geo.tests) {
    const i = table.channels.findIndex((c) => c.name === test.channel);
    const g = panel.geos.indexOf(test.geo);
    const from = table.dates.indexOf(test.start), to = table.dates.indexOf(test.end);
    assert.ok(from >= 0 && to >= from, JSON.stringify(test));
    for (let t = from; t <= to; t++) assert.equal(panel.spend[i][g][t], 0, `${test.channel} ${test.geo} ${table.dates[t]}`);
  }
});

test('panelLongTable: one row per date and geo whose sums are the national columns; lift tests are refused', () => {
  const long = panelLongTable(table) ?? assert.fail('a panel');
  assert.deepEqual(long.columns, ['date', 'geo', 'revenue', 'tv_spend', 'online_video_spend', 'search_spend', 'social_spend', 'display_spend', 'price', 'competitor_index', 'black_friday', 'christmas']);
  assert.equal(long.rows.length, n * 20);
  assert.deepEqual(long.rows[21].slice(0, 2), [table.dates[1], 'geo_02']);
  const rowsOf = (t: number) => long.rows.slice(t * 20, (t + 1) * 20);
  for (const t of [0, 50, 155]) {
    close(sum(rowsOf(t).map((r) => r[2] as number)), table.target.values[t], 1e-12, 'revenue');
    close(sum(rowsOf(t).map((r) => r[3] as number)), table.channels[0].spend[t], 1e-12, 'tv');
    assert.ok(rowsOf(t).every((r) => r[8] === table.controls[0].values[t]), 'price repeated');
    assert.deepEqual(rowsOf(t).map((r) => r[9]), panel.controls[1]?.map((p) => p[t]));
  }
  assert.equal(panelLongTable(simulatePreset('retail', 1).table), undefined);
  assert.throws(() => simulateLiftTests(sim), /not simulated for a geo panel/);
});
