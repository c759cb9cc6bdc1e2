/**
 * fitMmm on a geo panel (table.panel): what the model stores, the refusals of stage 1 and the panel
 * checks, and recovery of national ROIs against a simulated truth, better than fitting the national sum.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fitMmm } from './fit-mmm.ts';
import { mediaContribution, mediaRoi } from './panel-contribution.ts';
import { simulateTestPanel, panelRoiError } from './geo-panel.test-support.ts';
import { EngineError } from '../errors.ts';
import { checkTable } from '../spec/check-table.ts';
import type { ModelingTable } from '../spec/modeling-table.ts';
import { applyAdstock } from '../transforms/adstock/adstock.ts';
import { getSaturationKernel } from '../transforms/saturation/registry.ts';

const FAST = { search: { iterations: 600, trials: 2, bootstrap: 3, posterior: 600 } };
const small = simulateTestPanel(4, { nGeos: 4, weeks: 90 });

async function rejects(run: () => unknown, code: string, ...parts: RegExp[]): Promise<void> {
  await assert.rejects(async () => run(), (e: unknown) => {
    assert.ok(e instanceof EngineError, String(e));
    assert.equal(e.code, code, e.message);
    for (const p of parts) assert.match(e.message, p);
    return true;
  });
}

test('a panel model stores geos, intercepts, geo spend and geo controls, and its national terms are the geo sums', async () => {
  const model = await fitMmm(small.table, FAST);
  const panel = model.panel;
  assert.ok(panel !== undefined);
  assert.deepEqual(panel.geos, ['geo1', 'geo2', 'geo3', 'geo4']);
  assert.equal(panel.column, 'geo');
  assert.ok(Math.abs(panel.shares.reduce((a, b) => a + b, 0) - 1) < 1e-12);
  assert.ok(Math.abs(model.intercept - panel.shares.reduce((a, s, g) => a + s * panel.intercepts[g], 0)) < 1e-9 * Math.abs(model.intercept));
  assert.deepEqual(panel.actual[2], Array.from(small.table.panel!.target[2]));
  for (const [k, ch] of model.channels.entries()) {
    assert.ok(ch.panel !== undefined);
    assert.deepEqual(ch.panel.spend[1], Array.from(small.table.panel!.spend[k][1]));
    assert.deepEqual(ch.panel.shares, panel.shares);
  }
  const price = model.baseline.find((b) => b.name === 'price');
  assert.ok(price?.panelValues !== undefined && price.panelValues.length === 4);
  assert.ok(model.baseline.filter((b) => b.name !== 'price').every((b) => b.panelValues === undefined));
  // ModelPanel's formula, geo by geo, summed with the shares, is the national fit from the national terms.
  const n = model.dates.length;
  const geoSum = new Float64Array(n);
  panel.geos.forEach((_, g) => {
    const s = panel.shares[g];
    for (let t = 0; t < n; t++) {
      let f = panel.intercepts[g];
      for (const b of model.baseline) f += b.coef * (b.panelValues?.[g] ?? b.values)[t];
      geoSum[t] += s * f;
    }
    for (const ch of model.channels) {
      const a = applyAdstock(Float64Array.from(ch.panel!.spend[g], (x) => x / s), ch.adstock, { maxLag: ch.maxLag, normalised: true });
      const sat = new Float64Array(n);
      getSaturationKernel(ch.saturation.type).apply(a.map((v) => v / ch.scale), ch.saturation, sat);
      for (let t = 0; t < n; t++) geoSum[t] += s * ch.coef * sat[t];
    }
  });
  const contributions = model.channels.map((ch) => mediaContribution(ch));
  for (let t = 0; t < n; t++) {
    let f = model.intercept;
    for (const b of model.baseline) f += b.coef * b.values[t];
    for (const c of contributions) f += c[t];
    assert.ok(Math.abs(f - geoSum[t]) < 1e-9 * Math.abs(f), `row ${t}: ${f} vs ${geoSum[t]}`);
  }
  assert.equal(model.bootstrapRoi.length, 3);
  assert.ok(model.bootstrapRoi.every((row) => row.every(Number.isFinite)));
});

test('stage 1 refuses the Bayesian method and organic media for a panel, naming the alternative; exposure without a column is named', async () => {
  const t = small.table;
  await rejects(() => fitMmm(t, { ...FAST, method: 'bayes' }), 'INVALID_ARGUMENT', /Bayesian/, /geo panel/, /sum_panel/);
  await rejects(() => fitMmm(t, { ...FAST, channels: [{ name: 'tv', adstock: 'geometric', maxLag: 8, saturation: 'hill', media: 'exposure' }] }), 'INVALID_ARGUMENT', /exposure/, /media: spend/);
  const organic: ModelingTable = { ...t, organic: [{ name: 'newsletter', column: 'newsletter', values: new Float64Array(t.dates.length).fill(1) }] };
  await rejects(() => fitMmm(organic, FAST), 'INVALID_ARGUMENT', /organic/, /sum_panel/);
});

test('checkTable: a missing geo KPI, negative geo spend, a wrong geo count or length, and national columns that disagree with the geos are named', () => {
  const t = small.table;
  const p = t.panel!;
  const withGeoKpi = (g: number, row: number, v: number): ModelingTable => ({ ...t, panel: { ...p, target: p.target.map((y, k) => (k === g ? Float64Array.from(y, (x, r) => (r === row ? v : x)) : y)) } });
  const check = (table: ModelingTable, code: string, ...parts: RegExp[]) => assert.throws(() => checkTable(table), (e: unknown) => {
    assert.ok(e instanceof EngineError, String(e));
    assert.equal(e.code, code, e.message);
    for (const part of parts) assert.match(e.message, part);
    return true;
  });
  check(withGeoKpi(2, 17, NaN), 'NON_FINITE', /geo "geo3"/, /row 17 \(2022-05-02\)/, /sum_panel/);
  const badSpend: ModelingTable = { ...t, panel: { ...p, spend: p.spend.map((c, k) => (k === 1 ? c.map((x, g) => (g === 0 ? Float64Array.from(x, (v, r) => (r === 5 ? -1 : v)) : x)) : c)) } };
  check(badSpend, 'INVALID_ARGUMENT', /channel "search" in geo "geo1"/, /row 5/);
  check({ ...t, panel: { ...p, target: p.target.slice(0, 3) } }, 'SHAPE_MISMATCH', /3 geo series but the panel has 4 geos/);
  check({ ...t, panel: { ...p, target: p.target.map((y, g) => (g === 1 ? y.subarray(1) : y)) } }, 'SHAPE_MISMATCH', /geo "geo2" has 89 values/);
  // A national KPI edited by hand, by far more than rounding: named by row and date.
  const edited = Float64Array.from(t.target.values);
  edited[30] *= 1 + 1e-6;
  check({ ...t, target: { ...t.target, values: edited } }, 'INVALID_ARGUMENT', /target "sales"/, /row 30 \(2022-08-01\)/, /geo aggregates/);
  // A geo control's national column is its share-weighted mean.
  const control = t.controls[0];
  check({ ...t, controls: [{ ...control, values: Float64Array.from(control.values, (v, r) => (r === 3 ? v + 0.01 : v)) }] }, 'INVALID_ARGUMENT', /control "price"/, /share-weighted mean/);
  // Rounding-level differences pass.
  const rounded = Float64Array.from(t.target.values, (v) => v * (1 + 1e-13));
  assert.doesNotThrow(() => checkTable({ ...t, target: { ...t.target, values: rounded } }));
});

test('recovery: the geo model\'s national ROIs are near the truth, and nearer than a fit of the national sum', async () => {
  // 10 geos × 104 weeks, 3 channels, 8% noise per geo (simulateTestPanel); a reduced search to stay fast.
  const spec = { search: { iterations: 1500, trials: 2, bootstrap: 0, posterior: 2000 } };
  const errors: [number, number][] = [];
  for (const seed of [1, 2, 3]) {
    const sim = simulateTestPanel(seed, { nGeos: 10, weeks: 104 });
    const n = sim.table.dates.length;
    const geo = await fitMmm(sim.table, spec);
    const national = await fitMmm({ ...sim.table, panel: undefined }, spec);
    assert.equal(national.panel, undefined);
    // Only a geo-level model needs schema 2; a national one stays readable by older versions.
    assert.deepEqual([geo.schemaVersion, national.schemaVersion], [2, 1]);
    const roi = (m: typeof geo) => m.channels.map((c) => mediaRoi(c, 0, n));
    errors.push([panelRoiError(sim, roi(geo)), panelRoiError(sim, roi(national))]);
    console.log(`seed ${seed}: truth ${sim.truthRoi.map((r) => r.toFixed(2)).join(' ')} | geo ${roi(geo).map((r) => r.toFixed(2)).join(' ')} (error ${errors.at(-1)![0].toFixed(3)}) | national sum ${roi(national).map((r) => r.toFixed(2)).join(' ')} (error ${errors.at(-1)![1].toFixed(3)})`);
  }
  const mean = (k: 0 | 1) => errors.reduce((a, e) => a + e[k], 0) / errors.length;
  console.log(`mean spend-weighted relative ROI error: geo ${mean(0).toFixed(3)}, national sum ${mean(1).toFixed(3)}`);
  // Bound: at 8% noise per geo the ridge fit's ROIs scatter by about ±20% (seeds 1–4 gave 0.18–0.24 with
  // this search, 0.18–0.27 with 12 geos × 130 weeks; at 1% noise the error is 0.035, so the estimator
  // itself is not biased beyond the ridge's shrinkage); the national sum gave 0.34–0.59. A mean of 0.30
  // leaves room for noise and the reduced search while failing a geo model no better than the national one.
  assert.ok(mean(0) < 0.3, `geo model mean ROI error ${mean(0)}`);
  assert.ok(mean(0) < mean(1), `geo ${mean(0)} vs national sum ${mean(1)}`);
});
