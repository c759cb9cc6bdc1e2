import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createCandidateEvaluator } from './candidate-evaluator.ts';
import { buildSearchProblem, searchDimension, withoutValidation } from './search-problem.ts';
import { defaultModelSpec, type ModelSpec } from '../../spec/model-spec.ts';
import { modelingTableFromPanel } from '../../spec/panel.ts';
import type { ModelingTable } from '../../spec/modeling-table.ts';
import { simulatePreset } from '../../simulate/presets/index.ts';
import { createRng } from '../../random/rng.ts';
import { applyAdstock } from '../../transforms/adstock/adstock.ts';
import { getSaturationKernel } from '../../transforms/saturation/registry.ts';
import { leastSquares } from '../../linalg/least-squares.ts';

const SHARES = [0.1, 0.15, 0.2, 0.25, 0.3];

/** A panel whose every geo is exactly s_g × the national table (controls the same in every geo, given per geo). */
function scaledPanel(table: ModelingTable): ModelingTable {
  const scaled = (v: ArrayLike<number>) => SHARES.map((s) => Float64Array.from(v, (x) => s * x));
  return modelingTableFromPanel({
    dates: table.dates, frequency: table.frequency, column: 'geo', geos: SHARES.map((_, g) => `g${g}`),
    target: { name: table.target.name, kind: table.target.kind, values: scaled(table.target.values) },
    channels: table.channels.map((c) => ({ name: c.name, column: c.column, spend: scaled(c.spend) })),
    // The first control per geo (equal values), the others national: both paths of the evaluator.
    controls: table.controls.map((c, k) => ({ name: c.name, sign: c.sign, values: k === 0 ? SHARES.map(() => Float64Array.from(c.values)) : c.values })),
    events: table.events,
  });
}

const relErr = (a: number, b: number) => Math.abs(a - b) / Math.max(1e-300, Math.abs(b));

test('a panel of geos that are each s_g × the national series gives the national evaluator\'s objectives and coefficients', () => {
  const national = simulatePreset('retail', 3).table;
  const panel = scaledPanel(national);
  assert.ok(panel.panel !== undefined && panel.controls.length >= 2);
  const spec = defaultModelSpec({ nTimes: national.dates.length, frequency: 'weekly', channels: national.channels.map((c) => c.name) });
  const pn = buildSearchProblem(national, spec);
  const pp = buildSearchProblem(panel, spec);
  assert.ok(pp.panel !== undefined && pp.panel.baseline.some((b) => b !== null) && pp.panel.baseline.some((b) => b === null));
  assert.ok(pn.trainEnd < pn.fitEnd, 'the spec has validation rows');
  const en = createCandidateEvaluator(pn), ep = createCandidateEvaluator(pp);
  const rng = createRng(11);
  const d = searchDimension(pn);
  let worst = 0;
  for (let k = 0; k < 25; k++) {
    const u = Float64Array.from({ length: d }, () => rng.next());
    const fn = en.fitCandidate(u), fp = ep.fitCandidate(u);
    for (let o = 0; o < 3; o++) worst = Math.max(worst, relErr(fp.objectives[o], fn.objectives[o]));
    assert.ok(Number.isNaN(fp.objectives[3]));
    fn.mediaCoef.forEach((b, c) => { worst = Math.max(worst, Math.abs(fp.mediaCoef[c] - b) / Math.max(1e-9 * Math.max(...fn.mediaCoef), Math.abs(b))); });
    fn.baselineCoef.forEach((b, j) => { worst = Math.max(worst, relErr(fp.baselineCoef[j], b)); });
    fn.scales.forEach((s, c) => { worst = Math.max(worst, relErr(fp.scales[c], s)); });
    fn.mediaSum.forEach((s, c) => { worst = Math.max(worst, relErr(fp.mediaSum[c], s)); });
    worst = Math.max(worst, relErr(fp.intercept, fn.intercept));
    // Every geo's intercept is the national one (each geo is the national series in national units).
    for (const mu of fp.geoIntercepts ?? []) worst = Math.max(worst, relErr(mu, fn.intercept));
    // The batch path agrees with fitCandidate.
    const out = new Float64Array(4);
    ep.evaluate(u, 1, out);
    assert.deepEqual(Array.from(out.subarray(0, 3)), Array.from(fp.objectives.subarray(0, 3)));
  }
  console.log(`panel vs national evaluator, worst relative difference over 25 candidates: ${worst.toExponential(2)}`);
  assert.ok(worst < 1e-9, `worst relative difference ${worst}`);
});

for (const adstock of ['geometric', 'weibull-pdf'] as const) test(`for fixed hyperparameters and λ → 0 the panel fit is weighted least squares with explicit geo dummies (${adstock} adstock)`, () => {
  const nG = 3, n = 80, lag = 6;
  const rng = createRng(5);
  const shares = [0.5, 0.3, 0.2];
  const noise = () => rng.next() - 0.5;
  const spend = [0, 1].map((c) => shares.map((s) => Float64Array.from({ length: n }, (_, t) => s * (50 + 40 * Math.sin((t + 7 * c) / (4 + c)) + 30 * rng.next()))));
  const control = shares.map(() => Float64Array.from({ length: n }, () => noise()));
  const kpi = shares.map((s, g) => Float64Array.from({ length: n }, (_, t) => s * (1000 + 100 * g + 2 * t + 30 * control[g][t] + spend[0][g][t] / s + 0.5 * spend[1][g][t] / s + 20 * noise())));
  const dates = Array.from({ length: n }, (_, t) => new Date(Date.UTC(2022, 0, 3 + 7 * t)).toISOString().slice(0, 10));
  const table = modelingTableFromPanel({
    dates, frequency: 'weekly', column: 'geo', geos: ['a', 'b', 'c'],
    target: { name: 'sales', values: kpi },
    channels: [{ name: 'c0', spend: spend[0] }, { name: 'c1', spend: spend[1] }],
    controls: [{ name: 'weather', values: control }],
  });
  const base = defaultModelSpec({ nTimes: n, frequency: 'weekly', channels: ['c0', 'c1'] });
  const spec: ModelSpec = {
    ...base, seasonalityOrder: 0, validationShare: 0, lambda: { lower: 1e-12, upper: 2e-12 },
    channels: base.channels.map((c) => ({ ...c, adstock, saturation: 'hill' as const, maxLag: lag })),
  };
  const problem = withoutValidation(buildSearchProblem(table, spec));
  const fit = createCandidateEvaluator(problem).fitCandidate(new Float64Array(searchDimension(problem)).fill(0.4));
  const { fitStart, fitEnd } = problem;
  const rows = fitEnd - fitStart;
  // Independently: media columns per geo with the national scale (spend is always positive, so every row is active).
  const shareTotal = kpi.map((y) => y.reduce((a, b) => a + b, 0));
  const s = shareTotal.map((v) => v / shareTotal.reduce((a, b) => a + b, 0));
  const media = [0, 1].map((c) => {
    const h = fit.hyper.channels[c];
    const nat = applyAdstock(Float64Array.from(table.channels[c].spend), h.adstock, { maxLag: lag, normalised: true });
    let scale = 0;
    for (let t = fitStart; t < fitEnd; t++) scale += nat[t];
    scale /= rows;
    assert.ok(relErr(fit.scales[c], scale) < 1e-12);
    return s.map((sg, g) => {
      const a = applyAdstock(Float64Array.from(spend[c][g], (v) => v / sg), h.adstock, { maxLag: lag, normalised: true });
      const x = Float64Array.from(a, (v) => v / scale);
      const out = new Float64Array(n);
      getSaturationKernel(h.saturation.type).apply(x, h.saturation, out);
      return out;
    });
  });
  // Columns: 3 geo dummies, trend, weather, c0, c1; each row × √s_g.
  const p = nG + 4;
  const x = new Float64Array(nG * rows * p), y = new Float64Array(nG * rows);
  const trend = problem.baseline.find((b) => b.name === 'trend')!.values;
  for (let g = 0; g < nG; g++) {
    const r = Math.sqrt(s[g]);
    for (let i = 0; i < rows; i++) {
      const t = fitStart + i, row = g * rows + i;
      x[row * p + g] = r;
      x[row * p + nG] = r * trend[t];
      x[row * p + nG + 1] = r * control[g][t];
      x[row * p + nG + 2] = r * media[0][g][t];
      x[row * p + nG + 3] = r * media[1][g][t];
      y[row] = (r * kpi[g][t]) / s[g];
    }
  }
  const ref = leastSquares(x, nG * rows, p, y).coefficients;
  assert.deepEqual(problem.baseline.map((b) => b.name), ['trend', 'weather']);
  const got = [...(fit.geoIntercepts ?? []), fit.baselineCoef[0], fit.baselineCoef[1], fit.mediaCoef[0], fit.mediaCoef[1]];
  assert.equal(got.length, p);
  got.forEach((v, k) => assert.ok(relErr(v, ref[k]) < 1e-6, `coefficient ${k}: ${v} vs ${ref[k]}`));
  assert.ok(ref[nG + 2] > 0 && ref[nG + 3] > 0, 'no bound is active');
  // The national intercept is Σ s_g μ_g.
  assert.ok(relErr(fit.intercept, s.reduce((a, sg, g) => a + sg * ref[g], 0)) < 1e-6);
});

test('a panel problem survives structuredClone (as posted to a worker) and evaluates to the same objectives', () => {
  const national = simulatePreset('retail', 4).table;
  const spec = defaultModelSpec({ nTimes: national.dates.length, frequency: 'weekly', channels: national.channels.map((c) => c.name) });
  const problem = buildSearchProblem(scaledPanel(national), spec);
  const copy = structuredClone(problem);
  assert.ok(copy.panel !== undefined && copy.panel.shares instanceof Float64Array);
  const d = searchDimension(problem);
  const u = new Float64Array(3 * d).map((_, i) => ((i * 0.37) % 1));
  const a = new Float64Array(12), b = new Float64Array(12);
  createCandidateEvaluator(problem).evaluate(u, 3, a);
  createCandidateEvaluator(copy).evaluate(u, 3, b);
  assert.deepEqual(Array.from(b), Array.from(a));
});
