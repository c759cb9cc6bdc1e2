/**
 * ROI accuracy on simulated data the model was not tuned on (issue 2: spend-weighted mean absolute ROI
 * error ≤ 15%, aim 10%, with default settings). Every scenario is drawn fresh by randomScenario: 2–4
 * years of weeks, 3–5 channels, geometric and long Weibull lags, concave and S-shaped Hill curves,
 * correlated spends, noise 2–12% of mean KPI. Fits use fitMmm's defaults in a worker pool.
 *
 * Printed per section: mean and median of the per-scenario spend-weighted absolute relative ROI error,
 * the same figure for an oracle that knows every true curve and only estimates effect sizes (0.798 ×
 * its ROI standard error: the floor for any method on that data), and the coverage of the 90% ROI
 * intervals. Sections: default random scenarios; fixed noise 2% and 5%; the DECOMP.RSSD weight sweep
 * (why its default weight is 0); one simulated lift test per channel (calibration); the three presets;
 * the same random scenarios with 10% of the KPI periods missing (skip_missing_kpi: left out of the fit).
 *
 *   npm run bench accuracy                 # full (about 10 minutes on 2 cores)
 *   BENCH_QUICK=1 npm run bench accuracy   # 6 scenarios per section
 */
import { availableParallelism } from 'node:os';
import { fitMmm, summarizeModel, randomScenario, simulatePreset, simulateLiftTests, type ModelSpec, type SimulationResult } from '@mixwise/engine';
import { createWorkerPool } from '@mixwise/parallel';

const quick = process.env.BENCH_QUICK === '1';
const pool = createWorkerPool(availableParallelism());

interface Score { error: number; oracle: number; covered: number; intervals: number }

async function score(sim: SimulationResult, spec: Partial<ModelSpec> = {}): Promise<Score> {
  const model = await fitMmm(sim.table, spec, { parallel: pool });
  const summary = summarizeModel(model);
  let num = 0, den = 0, oracle = 0, covered = 0, intervals = 0;
  for (const t of sim.truth.channels) {
    const est = summary.channels.find((c) => c.name === t.name);
    if (!est) throw new Error(`channel ${t.name} missing from the fit`);
    num += t.spend * Math.abs(est.roi - t.roi) / t.roi;
    oracle += t.spend * 0.798 * t.oracleRoiSe / t.roi;
    den += t.spend;
    if (est.roi_interval) {
      intervals++;
      if (t.roi >= est.roi_interval[0] && t.roi <= est.roi_interval[1]) covered++;
    }
  }
  return { error: num / den, oracle: oracle / den, covered, intervals };
}

const pct = (v: number) => `${(100 * v).toFixed(1)}%`;
function report(label: string, scores: Score[]): void {
  const e = scores.map((s) => s.error).sort((a, b) => a - b);
  const o = scores.map((s) => s.oracle).sort((a, b) => a - b);
  const mean = (v: number[]) => v.reduce((a, b) => a + b, 0) / v.length;
  const med = (v: number[]) => v[Math.floor(v.length / 2)];
  const cov = scores.reduce((a, s) => a + s.covered, 0), n = scores.reduce((a, s) => a + s.intervals, 0);
  console.log(`${label.padEnd(34)} n=${String(scores.length).padStart(2)}  ROI error mean ${pct(mean(e)).padStart(6)}  median ${pct(med(e)).padStart(6)}  |  oracle mean ${pct(mean(o)).padStart(6)}  median ${pct(med(o)).padStart(6)}${n > 0 ? `  |  90% intervals cover truth ${cov}/${n} (${pct(cov / n)})` : ''}`);
}

/** A copy of a simulation with `share` of its KPI periods set to NaN: one 4-period block, the rest scattered. */
function withMissingKpi(sim: SimulationResult, share: number, seed: number): SimulationResult {
  const values = Float64Array.from(sim.table.target.values);
  const n = values.length;
  const want = Math.round(share * n);
  let state = seed * 2654435761 % 4294967296;
  const next = () => { state = (state * 1664525 + 1013904223) % 4294967296; return state / 4294967296; };
  const start = 1 + Math.floor(next() * (n - 6));
  for (let t = start; t < start + 4; t++) values[t] = NaN;
  let blanked = 4;
  while (blanked < want) {
    const t = 1 + Math.floor(next() * (n - 2));
    if (!Number.isNaN(values[t])) { values[t] = NaN; blanked++; }
  }
  return { ...sim, table: { ...sim.table, target: { ...sim.table.target, values } } };
}
const missingScores: Score[] = [];

const t0 = performance.now();
const seeds = Array.from({ length: quick ? 6 : 20 }, (_, i) => 1001 + i);

const sections: [string, (seed: number) => SimulationResult, Partial<ModelSpec>][] = [
  ['random scenarios, noise 2–12%', (s) => randomScenario(s), {}],
  ['random scenarios, noise 2%', (s) => randomScenario(s, { noise: 0.02 }), {}],
  ['random scenarios, noise 5%', (s) => randomScenario(s, { noise: 0.05 }), {}],
];
for (const [label, make, spec] of sections) {
  const scores: Score[] = [];
  for (const seed of seeds) scores.push(await score(make(seed), spec));
  report(label, scores);
}

// DECOMP.RSSD pulls every channel's effect share toward its spend share (equal ROIs). With a positive
// weight the default model is the lowest weighted score (the posterior does not model RSSD).
const sweepSeeds = seeds.slice(0, quick ? 4 : 12);
for (const w of [0, 0.1, 0.3, 1]) {
  const scores: Score[] = [];
  for (const seed of sweepSeeds) {
    const spec: Partial<ModelSpec> = w === 0 ? {} : { search: { iterations: 20000, trials: 4, seed: 1, bootstrap: 0, weights: { nrmseTrain: 1, nrmseValidation: 1, decompRssd: w, mapeLift: 1 } } };
    scores.push(await score(randomScenario(seed), spec));
  }
  report(`DECOMP.RSSD weight ${w}${w === 0 ? ' (default)' : ''}`, scores);
}

// Lift-test calibration: one simulated experiment per channel (simulateLiftTests: the channel dark for
// 8 weeks near the end of the data, lift measured through 4 weeks after; its true value is the
// counterfactual difference, measured with a standard error of 20% or 40% of it). The default fit puts the tests' Gaussian likelihood
// into the hyperparameter posterior; "lowest score" is the older rule (MAPE.LIFT as a search objective,
// posterior off), for comparison.
for (const rel of [0.2, 0.4]) {
  for (const posterior of [undefined, 0]) {
    const scores: Score[] = [];
    for (const seed of seeds) {
      const sim = randomScenario(seed);
      const search = posterior === 0 ? { iterations: 20000, trials: 4, seed: 1, bootstrap: 100, posterior: 0, weights: { nrmseTrain: 1, nrmseValidation: 1, decompRssd: 0, mapeLift: 1 } } : undefined;
      scores.push(await score(sim, { liftTests: simulateLiftTests(sim, { relativeSe: rel, seed }), ...(search ? { search } : {}) }));
    }
    report(`lift tests SE ${100 * rel}%, ${posterior === 0 ? 'lowest score' : 'posterior'}`, scores);
  }
}

// Periods without a KPI (a tracking outage; the data layer's skip_missing_kpi step): a 4-period block
// and scattered single periods, 10% of the window in all, never the first or last period, are set to
// NaN and left out of the fit. The same seeds with the full KPI are the first section's first rows.
for (const seed of seeds.slice(0, quick ? 4 : 10)) missingScores.push(await score(withMissingKpi(randomScenario(seed), 0.1, seed)));
report('random, 10% of KPI periods missing', missingScores);

for (const preset of ['retail', 'ecommerce', 'b2b']) {
  const scores: Score[] = [];
  for (const seed of (quick ? [1, 2] : [1, 2, 3, 4, 5])) scores.push(await score(simulatePreset(preset, seed)));
  report(`preset ${preset}`, scores);
}
console.log(`\ntarget (issue 2): mean ≤ 15% (aim 10%). Time ${((performance.now() - t0) / 1000).toFixed(0)} s`);
