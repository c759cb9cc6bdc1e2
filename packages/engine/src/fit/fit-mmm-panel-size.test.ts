/**
 * A geo panel with a size column (PanelColumns.size, `--geo-size population`): s_g is each geo's share
 * of it, the model records the basis, the national model stays an exact aggregation of the geos, and on
 * data whose KPI per head differs across geos the size basis recovers the shared ROIs better than the
 * KPI shares.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fitMmm } from './fit-mmm.ts';
import { mediaContribution, mediaRoi } from './panel-contribution.ts';
import { simulateTestPanel, panelRoiError } from './geo-panel.test-support.ts';
import { EngineError } from '../errors.ts';
import { geoShares, modelingTableFromPanel } from '../spec/panel.ts';
import { parseModel } from '../model/parse-model.ts';
import { geoResults } from '../analysis/geo-results.ts';
import { applyAdstock } from '../transforms/adstock/adstock.ts';
import { getSaturationKernel } from '../transforms/saturation/registry.ts';

const FAST = { search: { iterations: 600, trials: 2, bootstrap: 2, posterior: 600 } };

test('geoShares: the size shares when sizes are given, the KPI shares otherwise; a bad size is refused naming the geo', () => {
  const target = [Float64Array.of(1, 2), Float64Array.of(3, 4)];
  const base = { column: 'region', geos: ['north', 'south'], target };
  assert.deepEqual(Array.from(geoShares(base)), [0.3, 0.7]);
  assert.deepEqual(Array.from(geoShares({ ...base, size: { column: 'population', values: [1, 3] } })), [0.25, 0.75]);
  for (const bad of [0, -2, Number.NaN]) {
    assert.throws(() => geoShares({ ...base, size: { column: 'population', values: [1, bad] } }),
      (e: unknown) => e instanceof EngineError && /region "south"/.test(e.message) && /population/.test(e.message));
  }
  assert.throws(() => geoShares({ ...base, size: { column: 'population', values: [1] } }), /1 values but there are 2 geos/);
  // A table built with sizes carries them, and its geo controls are averaged with the size shares.
  const table = modelingTableFromPanel({
    dates: ['2024-01-01', '2024-01-08'], frequency: 'weekly', column: 'region', geos: ['north', 'south'],
    target: { name: 'sales', values: target }, channels: [{ name: 'tv', spend: [[1, 1], [1, 1]] }],
    controls: [{ name: 'price', values: [[4, 4], [8, 8]] }], size: { column: 'population', values: [1, 3] },
  });
  assert.deepEqual(table.panel?.size, { column: 'population', values: [1, 3] });
  assert.deepEqual(Array.from(table.controls[0].values), [7, 7]);
});

test('a size-based fit records its basis and stays an exact aggregation: national fit = Σ_g s_g (μ_g + terms + β f(A(x_g/s_g)/scale))', async () => {
  const sim = simulateTestPanel(4, { nGeos: 4, weeks: 90, perCapitaSpread: 0.5, sizes: true });
  const model = await fitMmm(sim.table, FAST);
  const panel = model.panel!;
  const sizes = sim.table.panel!.size!.values;
  const total = sizes.reduce((a, b) => a + b, 0);
  assert.equal(panel.sizeColumn, 'population');
  assert.deepEqual(panel.sizes, [...sizes]);
  panel.shares.forEach((s, g) => assert.ok(Math.abs(s - sizes[g] / total) < 1e-15));
  // Not the KPI shares: the per-capita levels differ across geos.
  const kpi = geoShares({ ...sim.table.panel!, size: undefined });
  assert.ok(panel.shares.some((s, g) => Math.abs(s - kpi[g]) > 0.01), `${panel.shares.join()} vs ${Array.from(kpi).join()}`);
  assert.ok(Math.abs(model.intercept - panel.shares.reduce((a, s, g) => a + s * panel.intercepts[g], 0)) < 1e-9 * Math.abs(model.intercept));
  const n = model.dates.length;
  const geoSum = new Float64Array(n);
  const perChannel = model.channels.map(() => new Float64Array(n));
  panel.geos.forEach((_, g) => {
    const s = panel.shares[g];
    for (let t = 0; t < n; t++) {
      let f = panel.intercepts[g];
      for (const b of model.baseline) f += b.coef * (b.panelValues?.[g] ?? b.values)[t];
      geoSum[t] += s * f;
    }
    model.channels.forEach((ch, c) => {
      const a = applyAdstock(Float64Array.from(ch.panel!.spend[g], (x) => x / s), ch.adstock, { maxLag: ch.maxLag, normalised: true });
      const sat = new Float64Array(n);
      getSaturationKernel(ch.saturation.type).apply(a.map((v) => v / ch.scale), ch.saturation, sat);
      for (let t = 0; t < n; t++) { geoSum[t] += s * ch.coef * sat[t]; perChannel[c][t] += s * ch.coef * sat[t]; }
    });
  });
  const contributions = model.channels.map((ch) => mediaContribution(ch));
  for (let t = 0; t < n; t++) {
    let f = model.intercept;
    for (const b of model.baseline) f += b.coef * b.values[t];
    contributions.forEach((c, k) => {
      f += c[t];
      assert.ok(Math.abs(c[t] - perChannel[k][t]) <= 1e-9 * Math.max(1, Math.abs(c[t])), `${model.channels[k].name} row ${t}`);
    });
    assert.ok(Math.abs(f - geoSum[t]) < 1e-9 * Math.abs(f), `row ${t}: ${f} vs ${geoSum[t]}`);
    // And the national KPI is the geos' sum, so the national fit is the geo fits' sum.
    const y = sim.table.panel!.target.reduce((a, yg) => a + yg[t], 0);
    assert.ok(Math.abs(y - sim.table.target.values[t]) <= 1e-9 * Math.abs(y));
  }
  // The geo results say which basis; a model.json round trip keeps it, and a file without it still loads.
  const geos = geoResults(model);
  assert.ok(geos.every((g, i) => g.size_column === 'population' && g.size === sizes[i] && g.share === panel.shares[i]));
  const again = parseModel(JSON.parse(JSON.stringify(model)));
  assert.equal(again.panel?.sizeColumn, 'population');
  const older = JSON.parse(JSON.stringify(model));
  delete older.panel.sizeColumn;
  delete older.panel.sizes;
  assert.equal(parseModel(older).panel?.sizeColumn, undefined);
  assert.ok(geoResults(parseModel(older)).every((g) => g.size_column === undefined && g.size === undefined));
  const wrong = JSON.parse(JSON.stringify(model));
  wrong.panel.sizes[0] *= 2;
  assert.throws(() => parseModel(wrong), /panel\.sizes\[0\]/);
});

test('recovery: with KPI per head varying across geos, the size basis recovers the shared ROIs better than the KPI shares', async () => {
  // 10 geos × 104 weeks; per-capita baseline log-sd 0.5 (so KPI shares ≠ population shares); 0.5% noise
  // per geo, so the basis's bias is not hidden by noise. Measured with this search (seeds 1–4 at 0.5%
  // noise): size basis 0.036/0.210/0.119/0.052, KPI shares 0.242/0.213/0.228/0.162 (the KPI-share fit
  // puts search's ROI of 1.5 at 0.56–0.88). At 2% noise the means over seeds 1–6 were 0.163 vs 0.203,
  // at 8% noise 0.265 vs 0.265: noise then dominates and the basis makes no measurable difference.
  const spec = { search: { iterations: 1500, trials: 2, bootstrap: 0, posterior: 2000 } };
  const errors: [number, number][] = [];
  for (const seed of [1, 2, 3]) {
    const bySize = simulateTestPanel(seed, { nGeos: 10, weeks: 104, noise: 0.005, perCapitaSpread: 0.5, sizes: true });
    // The same draws without the size column (the national controls are then averaged with the KPI shares).
    const byKpi = simulateTestPanel(seed, { nGeos: 10, weeks: 104, noise: 0.005, perCapitaSpread: 0.5 });
    const n = bySize.table.dates.length;
    const roi = (m: Awaited<ReturnType<typeof fitMmm>>) => m.channels.map((c) => mediaRoi(c, 0, n));
    const a = await fitMmm(bySize.table, spec);
    const b = await fitMmm(byKpi.table, spec);
    assert.equal(b.panel?.sizeColumn, undefined);
    errors.push([panelRoiError(bySize, roi(a)), panelRoiError(byKpi, roi(b))]);
    console.log(`seed ${seed}: truth ${bySize.truthRoi.map((r) => r.toFixed(2)).join(' ')} | size basis ${roi(a).map((r) => r.toFixed(2)).join(' ')} (error ${errors.at(-1)![0].toFixed(3)}) | KPI shares ${roi(b).map((r) => r.toFixed(2)).join(' ')} (error ${errors.at(-1)![1].toFixed(3)})`);
  }
  const mean = (k: 0 | 1) => errors.reduce((a, e) => a + e[k], 0) / errors.length;
  console.log(`mean spend-weighted relative ROI error: size basis ${mean(0).toFixed(3)}, KPI shares ${mean(1).toFixed(3)}`);
  assert.ok(mean(0) <= mean(1), `size basis ${mean(0)} vs KPI shares ${mean(1)}`);
});
