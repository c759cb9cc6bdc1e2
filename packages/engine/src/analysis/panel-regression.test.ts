import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { MmmModel } from '../model/mmm-model.ts';
import { wrongSignControls } from './sign-constraint-check.ts';
import { modelDiagnostics } from './diagnostics.ts';
import { panelRegression } from './panel-regression.ts';
import { nationalModel, panelModel } from '../model/panel-model.test-support.ts';

const close = (a: number, b: number, rel: number, what = '') => assert.ok(Math.abs(a - b) <= rel * Math.max(Math.abs(b), 1e-12), `${what}: ${a} vs ${b}`);

/** No media, KPI 100 − 5·price + e over 6 periods, price held at 0 by a positive sign, ridge λ 0 (as sign-constraint-check.test.ts). */
function priceModel(actual: number[], price: number[]): MmmModel {
  return {
    dates: price.map((_, t) => `2024-01-0${t + 1}`), window: { start: 0, end: 6 }, holdout: 0, channels: [], intercept: 0,
    actual, baseline: [{ name: 'price', kind: 'control', values: price, coef: 0, sign: 'positive' }],
    search: { chosen: { lambda: 0 } },
  } as unknown as MmmModel;
}
const price = [1, 2, 3, 4, 5, 6], e = [1, -1, -1, 1, 1, -1];
const national = price.map((p, t) => 100 - 5 * p + e[t]);

test('wrongSignControls on geos that are copies of the national series: the national slope, and χ² scaled by the residual degrees of freedom', () => {
  const m = priceModel(national, price);
  const [w] = wrongSignControls(m);
  const shares = [0.25, 0.75];
  const [g] = wrongSignControls({ ...m, panel: { column: 'geo', geos: ['a', 'b'], shares, intercepts: [0, 0], actual: shares.map((s) => national.map((v) => s * v)) } });
  close(g.freeCoef, w.freeCoef, 1e-12, 'free coefficient');
  // Same criterion, so the same ΔRSS/RSS; σ̂² divides by 12 − 1 − 2 rows instead of 6 − 1 − 1.
  close(g.chiSquare, (w.chiSquare * 9) / 4, 1e-10, 'χ²');
});

test('wrongSignControls on a geo panel with geo prices: the weighted within-geo regression, by hand', () => {
  const shares = [0.25, 0.75];
  const geoPrice = [[2, 1, 4, 3, 6, 5], [1, 3, 2, 5, 4, 6]];
  const values = price.map((_, t) => shares[0] * geoPrice[0][t] + shares[1] * geoPrice[1][t]);
  const ytilde = geoPrice.map((p, g) => p.map((v, t) => 50 + 10 * g - 4 * v + e[(t + g) % 6]));
  const m: MmmModel = {
    ...priceModel(values.map((_, t) => shares[0] * ytilde[0][t] + shares[1] * ytilde[1][t]), values),
    baseline: [{ name: 'price', kind: 'control', values, coef: 0, sign: 'positive', panelValues: geoPrice }],
    panel: { column: 'geo', geos: ['a', 'b'], shares, intercepts: [0, 0], actual: ytilde.map((y, g) => y.map((v) => shares[g] * v)) },
  };
  // Rows weighted 2·s_g (nGeos·w_g); demeaned within each geo.
  const dm = (v: number[]) => { const mean = v.reduce((a, b) => a + b, 0) / v.length; return v.map((x) => x - mean); };
  let spy = 0, spp = 0;
  geoPrice.forEach((p, g) => { const pt = dm(p), yt = dm(ytilde[g]); pt.forEach((v, t) => { spy += 2 * shares[g] * v * yt[t]; spp += 2 * shares[g] * v * v; }); });
  const slope = spy / spp;
  let rss = 0;
  geoPrice.forEach((p, g) => { const pt = dm(p), yt = dm(ytilde[g]); pt.forEach((v, t) => { rss += 2 * shares[g] * (yt[t] - slope * v) ** 2; }); });
  const chi = (slope * slope * spp) / (rss / (12 - 1 - 2));
  const [w] = wrongSignControls(m);
  close(w.freeCoef, slope, 1e-10, 'slope');
  close(w.chiSquare, chi, 1e-9, 'χ²');
  assert.ok(slope < -3, String(slope));
});

test('panelRegression: columns demeaned within each geo; a proportional panel\'s VIFs are the national ones', () => {
  const nat = nationalModel();
  const prop = panelModel(nat, true);
  const m = { ...prop, baseline: prop.baseline.map(({ panelValues: _, ...b }) => b) };
  const r = panelRegression(m, [4, 5, 6, 7, 8]);
  assert.equal(r.n, 15);
  for (const col of [r.y, ...r.columns]) {
    const size = col.reduce((a, v) => Math.max(a, Math.abs(v)), 0);
    for (let g = 0; g < 3; g++) assert.ok(Math.abs(col.slice(5 * g, 5 * g + 5).reduce((a, b) => a + b, 0)) <= 1e-12 * size, 'within-geo sum 0');
  }
  const a = modelDiagnostics(m).vif, b = modelDiagnostics(nat).vif;
  assert.equal(a.length, b.length);
  a.forEach((v, j) => close(v.vif, b[j].vif, 1e-8, v.name));
  // With the geos' own control values the VIFs change: the design is the geos', not the national sums.
  const geoVif = modelDiagnostics(prop).vif;
  assert.ok(geoVif.some((v, j) => Math.abs(v.vif - b[j].vif) > 1e-6 * b[j].vif));
});
