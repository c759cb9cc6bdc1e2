/**
 * The Bayesian density with periods whose KPI is missing (NaN): the likelihood and the KPI's
 * standardisation run over the observed fit rows only, the ROI stays contribution / spend over all
 * fit rows, and the gradient is still the density's.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { gradientMismatches } from './gradient-check.test-support.ts';
import { mmmLogDensity } from './mmm-log-density.ts';
import { buildSearchProblem } from '../search/search-problem.ts';
import { defaultModelSpec, type ModelSpec } from '../../spec/model-spec.ts';
import { randomScenario } from '../../simulate/random-scenario.ts';
import { channelContribution } from '../../model/channel-response.ts';
import { toUnit } from '../../transforms/param-spec.ts';
import { createRng } from '../../random/rng.ts';
import { normal } from '../../random/distributions.ts';
import { DEFAULT_ROI_PRIOR } from '../posterior/roi-prior.ts';

const sim = randomScenario(11, { nTimes: 80, nChannels: 2, noise: 0.05 });
const MISSING = [5, 30, 31, 32, 33, 50, 61];
const y = Float64Array.from(sim.table.target.values);
for (const t of MISSING) y[t] = NaN;
const table = { ...sim.table, target: { ...sim.table.target, values: y } };
const names = table.channels.map((c) => c.name);

function problemFor(holdout = 0) {
  const base = defaultModelSpec({ nTimes: table.dates.length, frequency: 'weekly', channels: names });
  const spec: ModelSpec = {
    ...base, holdout,
    channels: base.channels.map((c, i) => ({ ...c, adstock: i === 0 ? 'geometric' as const : 'weibull-pdf' as const, maxLag: 12 })),
  };
  return buildSearchProblem(table, spec);
}

function randomPosition(dim: number, seed: number): Float64Array {
  const rng = createRng(seed);
  return Float64Array.from({ length: dim }, () => normal(rng, 0, 0.7));
}

test('with missing KPI periods the gradient still matches central differences of the log density', () => {
  const d = mmmLogDensity(problemFor(), { roi: DEFAULT_ROI_PRIOR });
  for (const seed of [1, 2]) {
    const x = randomPosition(d.layout.dim, seed);
    x[d.layout.logSigma] = -1;
    assert.deepEqual(gradientMismatches(d, x), [], `seed ${seed}`);
  }
});

test('with missing KPI periods the log density is the model written out over the observed rows, up to one constant; ROI covers every fit row', () => {
  const problem = problemFor(8);
  const d = mmmLogDensity(problem, { roi: { median: 2, sdLog: 0.7 } });
  const { fitStart, fitEnd } = problem;
  const rows = Array.from({ length: fitEnd - fitStart }, (_, i) => fitStart + i).filter((t) => !MISSING.includes(t));
  const n = rows.length;
  assert.equal(n, fitEnd - fitStart - MISSING.length);
  let yMean = 0; for (const t of rows) yMean += y[t]; yMean /= n;
  let v = 0; for (const t of rows) v += (y[t] - yMean) ** 2;
  const ySd = Math.sqrt(v / n);
  // Independent path: decoded parameters in KPI units → channelContribution → Gaussian likelihood, and
  // each prior from its definition on the natural scale plus log|dθ/dx|.
  const independent = (x: Float64Array): number => {
    const draw = d.decode(x);
    const pred = new Float64Array(table.dates.length).fill(draw.intercept);
    problem.baseline.forEach((b, j) => { for (let t = 0; t < pred.length; t++) pred[t] += draw.baselineCoef[j] * b.values[t]; });
    draw.channels.forEach((ch, c) => {
      const contrib = channelContribution({ ...ch, spend: table.channels[c].spend, maxLag: 12 });
      for (let t = 0; t < pred.length; t++) pred[t] += contrib[t];
    });
    let lp = 0;
    for (const t of rows) lp += -Math.log(draw.sigma) - ((y[t] - pred[t]) ** 2) / (2 * draw.sigma ** 2);
    // The ROI is contribution / spend over every fit row, the missing ones included.
    draw.channels.forEach((ch, c) => {
      const contrib = channelContribution({ ...ch, spend: table.channels[c].spend, maxLag: 12 });
      let cs = 0, ss = 0;
      for (let t = fitStart; t < fitEnd; t++) { cs += contrib[t]; ss += table.channels[c].spend[t]; }
      assert.ok(Math.abs(cs / ss - ch.roi) < 1e-9 * ch.roi, `ROI ${ch.roi} vs ${cs / ss}`);
    });
    // σ/ySd ~ half-normal(1), coordinate log(σ/ySd): Jacobian σ/ySd.
    const st = draw.sigma / ySd;
    lp += -st * st / 2 + Math.log(st);
    draw.channels.forEach((ch, c) => {
      // log ROI ~ Normal(ln 2, 0.7) (a log-normal ROI seen on the log scale needs no Jacobian).
      lp += -((Math.log(ch.roi) - Math.log(2)) ** 2) / (2 * 0.49);
      const blk = d.layout.channels[c];
      const vals = [...Object.values(ch.adstock).filter((a) => typeof a === 'number'), ...Object.values(ch.saturation).filter((a) => typeof a === 'number')] as number[];
      blk.curveParams.forEach((p, i) => { const u = toUnit(p, vals[i]); lp += Math.log(u * (1 - u)); });
    });
    for (const b of d.layout.baseline) {
      const j = b.column;
      let m = 0; for (const t of rows) m += problem.baseline[j].values[t]; m /= n;
      let s2 = 0; for (const t of rows) s2 += (problem.baseline[j].values[t] - m) ** 2;
      const g = (draw.baselineCoef[j] * Math.sqrt(s2 / n)) / ySd;
      lp += b.sign === 0 ? -g * g / 8 : -g * g / 8 + Math.log(Math.abs(g));
    }
    let alpha = draw.intercept - yMean;
    problem.baseline.forEach((b, j) => {
      let m = 0; for (const t of rows) m += b.values[t]; alpha += draw.baselineCoef[j] * m / n;
    });
    alpha /= ySd;
    return lp - alpha * alpha / 50;
  };
  const grad = new Float64Array(d.layout.dim);
  const diffs = [4, 5, 6].map((seed) => {
    const x = randomPosition(d.layout.dim, seed);
    return d.logDensity(x, grad) - independent(x);
  });
  // The two differ only by −n·ln ySd (the standardisation), the same at every position.
  for (const diff of diffs) assert.ok(Math.abs(diff - diffs[0]) < 1e-6 * Math.abs(diffs[0]), `${diff} vs ${diffs[0]}`);
  assert.ok(Math.abs(diffs[0] - n * Math.log(ySd)) < 1e-6 * n * Math.log(ySd), `constant ${diffs[0]} vs n·ln ySd ${n * Math.log(ySd)}`);
});
