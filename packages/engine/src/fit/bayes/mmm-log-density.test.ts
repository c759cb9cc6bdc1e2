import { test } from 'node:test';
import assert from 'node:assert/strict';
import { gradientMismatches } from './gradient-check.test-support.ts';
import { mmmLogDensity } from './mmm-log-density.ts';
import { buildSearchProblem } from '../search/search-problem.ts';
import { defaultModelSpec, type ModelSpec, type LiftTest } from '../../spec/model-spec.ts';
import { randomScenario } from '../../simulate/random-scenario.ts';
import { simulateLiftTests } from '../../simulate/lift-tests.ts';
import { channelContribution } from '../../model/channel-response.ts';
import { liftEffect } from '../../model/lift-effect.ts';
import { toUnit } from '../../transforms/param-spec.ts';
import { createRng } from '../../random/rng.ts';
import { normal } from '../../random/distributions.ts';
import { DEFAULT_ROI_PRIOR } from '../posterior/roi-prior.ts';

const sim = randomScenario(11, { nTimes: 80, nChannels: 2, noise: 0.05 });
const table = sim.table;
const names = table.channels.map((c) => c.name);

function problemFor(liftTests: LiftTest[], holdout = 0) {
  const base = defaultModelSpec({ nTimes: table.dates.length, frequency: 'weekly', channels: names });
  const spec: ModelSpec = {
    ...base, holdout, liftTests,
    channels: base.channels.map((c, i) => ({ ...c, adstock: i === 0 ? 'geometric' as const : 'weibull-pdf' as const, maxLag: 12 })),
  };
  return buildSearchProblem(table, spec);
}

function randomPosition(dim: number, seed: number): Float64Array {
  const rng = createRng(seed);
  return Float64Array.from({ length: dim }, () => normal(rng, 0, 0.7));
}

test('the gradient matches central differences of the log density in every coordinate (with lift tests)', () => {
  const problem = problemFor(simulateLiftTests(sim, { seed: 3 }));
  assert.ok(problem.liftTests.length >= 1);
  // The simulated control carries its known sign, so one baseline coordinate is a signed log |γ|.
  assert.ok(mmmLogDensity(problem, { roi: DEFAULT_ROI_PRIOR }).layout.baseline.some((b) => b.sign !== 0));
  const d = mmmLogDensity(problem, { roi: DEFAULT_ROI_PRIOR });
  for (const seed of [1, 2, 3]) {
    const x = randomPosition(d.layout.dim, seed);
    x[d.layout.logSigma] = -1;
    assert.deepEqual(gradientMismatches(d, x), [], `seed ${seed}`);
  }
});

test('the log density equals the model written out in original units (likelihood + priors + Jacobians), up to one constant', () => {
  const problem = problemFor([], 8);
  const d = mmmLogDensity(problem, { roi: { median: 2, sdLog: 0.7 } });
  const { fitStart, fitEnd } = problem;
  const n = fitEnd - fitStart;
  const y = table.target.values;
  let yMean = 0; for (let t = fitStart; t < fitEnd; t++) yMean += y[t]; yMean /= n;
  let v = 0; for (let t = fitStart; t < fitEnd; t++) v += (y[t] - yMean) ** 2;
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
    for (let t = fitStart; t < fitEnd; t++) lp += -Math.log(draw.sigma) - ((y[t] - pred[t]) ** 2) / (2 * draw.sigma ** 2);
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
      let m = 0; for (let t = fitStart; t < fitEnd; t++) m += problem.baseline[j].values[t]; m /= n;
      let s2 = 0; for (let t = fitStart; t < fitEnd; t++) s2 += (problem.baseline[j].values[t] - m) ** 2;
      const g = (draw.baselineCoef[j] * Math.sqrt(s2 / n)) / ySd;
      lp += b.sign === 0 ? -g * g / 8 : -g * g / 8 + Math.log(Math.abs(g));
    }
    let alpha = draw.intercept - yMean;
    problem.baseline.forEach((b, j) => {
      let m = 0; for (let t = fitStart; t < fitEnd; t++) m += b.values[t]; alpha += draw.baselineCoef[j] * m / n;
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

test('encode and decode are inverse on parameters inside the bounds', () => {
  const problem = problemFor([]);
  const d = mmmLogDensity(problem, { roi: DEFAULT_ROI_PRIOR });
  const x = randomPosition(d.layout.dim, 9);
  const back = d.encode(d.decode(x));
  for (let i = 0; i < x.length; i++) assert.ok(Math.abs(back[i] - x[i]) < 1e-6, `${d.layout.names[i]}: ${back[i]} vs ${x[i]}`);
  // Names: curve parameters, log ROI per channel, then intercept, baseline and log σ.
  assert.deepEqual(d.layout.names.slice(0, 4), [`${names[0]}.adstock.logit_alpha`, `${names[0]}.saturation.logit_halfSaturation`, `${names[0]}.saturation.logit_shape`, `${names[0]}.log_roi`]);
  assert.equal(d.layout.names.at(-1), 'log_sigma');
});

test("'auto' families are refused: the Bayesian model samples within one family per channel", () => {
  const base = defaultModelSpec({ nTimes: table.dates.length, frequency: 'weekly', channels: names });
  assert.throws(() => mmmLogDensity(buildSearchProblem(table, base), { roi: DEFAULT_ROI_PRIOR }), /one adstock and one saturation family/);
});

test('the lift a test\'s likelihood term uses equals liftEffect on the decoded channel curves', () => {
  const problem = problemFor(simulateLiftTests(sim, { seed: 3 }));
  for (const lt of problem.liftTests) {
    // With one test, log p(lift = L) = C − ½((pred − L)/se)², so two values of L give pred exactly.
    const withLift = (lift: number) => ({ ...problem, liftTests: [{ ...lt, lift }] });
    const d1 = mmmLogDensity(withLift(0), { roi: DEFAULT_ROI_PRIOR });
    const d2 = mmmLogDensity(withLift(10 * lt.se), { roi: DEFAULT_ROI_PRIOR });
    const grad = new Float64Array(d1.layout.dim);
    for (const seed of [4, 5, 6]) {
      const x = randomPosition(d1.layout.dim, seed);
      x[d1.layout.logSigma] = -1;
      const l1 = 0, l2 = 10 * lt.se;
      const diff = d1.logDensity(x, grad) - d2.logDensity(x, grad);
      const pred = (l1 + l2 - (2 * lt.se * lt.se * diff) / (l2 - l1)) / 2;
      const ch = d1.decode(x).channels[lt.channel], src = problem.channels[lt.channel];
      const want = liftEffect({ ...ch, spend: src.spend, maxLag: src.maxLag }, lt);
      assert.ok(Math.abs(pred - want) <= 1e-8 * Math.max(lt.se, Math.abs(want)), `seed ${seed}: density ${pred} vs liftEffect ${want}`);
    }
  }
});
