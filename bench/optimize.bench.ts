/**
 * Budget optimizer (issue 4): speed, a reference check against an independent optimizer, and
 * decision quality on simulated data with known truth.
 *
 *   npm run bench optimize                # full (about 4 minutes on 2 cores: 8 fits with default settings)
 *   BENCH_QUICK=1 npm run bench optimize  # fewer reference problems and fits
 *   BENCH_HELDOUT=1 npm run bench optimize  # decision quality on held-out data instead (21 fits, ~15 minutes):
 *                                           # preset seeds 2–3 and random scenarios 506–520
 *   BENCH_METHOD=bayes npm run bench optimize  # decision quality with Bayesian fits (--method bayes: the
 *                                               # planner uses 200 posterior draws instead of the bootstrap)
 *
 * Targets: one 10-channel re-optimisation ≤ 5 ms, a 20-level frontier ≤ 50 ms, a 13-period flighted
 * plan for 10 channels ≤ 200 ms; reference gap ≤ 0.1 % everywhere and never worse by > 1e-9;
 * ≥ 90 % of the truly achievable uplift captured on average.
 */
import { fitMmm, randomScenario, simulatePreset, createRng, type SimulationResult } from '@mixwise/engine';
import { createChainRunner, createWorkerPool } from '@mixwise/parallel';
import {
  allocateBudget, budgetFrontier, compileCurves, planPeriods, randomAllocationProblem, referenceAllocation, responseModelFromMmm,
  type AllocationConstraints, type PlanModel, type ResponseModel,
} from '../packages/engine/src/optimize/index.ts';

const quick = process.env.BENCH_QUICK === '1';
const median = (v: number[]): number => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)];
const ms = (v: number): string => `${v.toFixed(2)} ms`;

// --- speed -----------------------------------------------------------------------------------
function timeIt(f: () => void, n: number): number {
  for (let i = 0; i < Math.min(20, n); i++) f(); // JIT warm-up
  const t: number[] = [];
  for (let i = 0; i < n; i++) { const t0 = performance.now(); f(); t.push(performance.now() - t0); }
  return median(t);
}
for (const [label, share] of [['concave curves', 0], ['30% S-shaped', 0.3], ['all S-shaped', 1]] as const) {
  const rng = createRng(5);
  const probs = Array.from({ length: 50 }, () => randomAllocationProblem(rng, 10, share));
  let k = 0;
  const one = timeIt(() => { const p = probs[k++ % probs.length]; allocateBudget(p.model, { budget: p.budget, constraints: p.constraints }); }, 200);
  const levels = Array.from({ length: 20 }, (_, i) => 0.5 + 0.1 * i);
  const front = timeIt(() => { const p = probs[k++ % probs.length]; budgetFrontier(p.model, { levels, constraints: p.constraints }); }, 30);
  console.log(`10 channels, ${label.padEnd(15)} one re-optimisation ${ms(one).padStart(9)} (target ≤ 5 ms)   20-level frontier ${ms(front).padStart(9)} (target ≤ 50 ms)   [median]`);
}
// The default objective on a fitted model: every channel the mean of 100 replicate curves (the
// replicates scatter coefficient, gain and Hill shape around the channel's curve).
for (const [label, share] of [['concave', 0], ['30% S-shaped', 0.3]] as const) {
  const rng = createRng(6);
  const scatter = (v: number, w: number): number => v * (1 - w + 2 * w * rng.next());
  const probs = Array.from({ length: 30 }, () => {
    const p = randomAllocationProblem(rng, 10, share);
    const channels = p.model.channels.map((ch) => ({
      ...ch,
      components: Array.from({ length: 100 }, () => ({
        coef: scatter(ch.coef, 0.4), gain: scatter(ch.gain, 0.2),
        saturation: ch.saturation.type === 'hill' ? { ...ch.saturation, shape: Math.max(0.5, scatter(ch.saturation.shape, 0.3)) } : ch.saturation,
      })),
    }));
    return { ...p, model: { ...p.model, channels } };
  });
  let k = 0;
  const one = timeIt(() => { const p = probs[k++ % probs.length]; allocateBudget(p.model, { budget: p.budget, constraints: p.constraints }); }, 60);
  const levels = Array.from({ length: 20 }, (_, i) => 0.5 + 0.1 * i);
  const front = timeIt(() => { const p = probs[k++ % probs.length]; budgetFrontier(p.model, { levels, constraints: p.constraints }); }, 8);
  console.log(`10 channels × 100 replicate curves (expected KPI), ${label.padEnd(12)} one re-optimisation ${ms(one).padStart(9)}   20-level frontier ${ms(front).padStart(9)}   [median]`);
}
{
  const rng = createRng(9);
  const p = randomAllocationProblem(rng, 10, 0.3);
  const plan: PlanModel = {
    baseline: p.model.baseline,
    channels: p.model.channels.map((ch, c) => {
      const alpha = 0.2 + 0.06 * c, L = c % 2 === 0 ? 12 : 52;
      const raw = Array.from({ length: L + 1 }, (_, l) => Math.pow(alpha, l));
      const s = raw.reduce((a, b) => a + b, 0);
      return { ...ch, weights: raw.map((w) => w / s), scale: 1 / ch.gain, history: Array.from({ length: L }, () => ch.current * (0.5 + rng.next())) };
    }),
  };
  const total = 13 * p.model.channels.reduce((a, c) => a + c.current, 0);
  const perPeriod = Array.from({ length: 13 }, (_, h) => (total / 13) * (h % 4 === 0 ? 1.6 : 0.8));
  const scale = total / perPeriod.reduce((a, b) => a + b, 0);
  const flighted = perPeriod.map((b) => b * scale);
  const opts = { periods: 13, budget: { perPeriod: flighted }, constraints: { defaults: { max: { type: 'multiple' as const, value: 3 } } } };
  const tPer = timeIt(() => { planPeriods(plan, opts); }, 10);
  const tTot = timeIt(() => { planPeriods(plan, { periods: 13, budget: { total } }); }, 10);
  const r = planPeriods(plan, { periods: 13, budget: { total } });
  console.log(`13-period plan, 10 channels (lags 12/52): flighted per-period budgets ${ms(tPer)}, free timing (one total) ${ms(tTot)} (target ≤ 200 ms)${r.feasible ? `; ${r.iterations} iterations, converged ${r.converged}` : ''}`);
}

// --- reference check -------------------------------------------------------------------------
{
  const rng = createRng(314);
  // Draw until this many problems are feasible (the issue asks for at least 200 compared problems).
  const wanted = quick ? 200 : 600;
  let solved = 0, drawn = 0, worst = -Infinity, sumGap = 0, beat = 0, within01 = 0;
  const methods: Record<string, number> = {};
  for (let i = 0; solved < wanted; i++) {
    drawn++;
    const p = randomAllocationProblem(rng, 2 + (i % 3), i % 2 === 0 ? 0 : 0.6);
    const a = allocateBudget(p.model, { budget: p.budget, constraints: p.constraints });
    if (!a.feasible) continue;
    solved++;
    methods[a.method] = (methods[a.method] ?? 0) + 1;
    const lo = Float64Array.from(a.channels, (c) => c.lower);
    const sLo = lo.reduce((x, y) => x + y, 0);
    const hi = Float64Array.from(a.channels, (c, k) => Math.min(c.upper, p.budget - (sLo - lo[k])));
    const ref = referenceAllocation(compileCurves(p.model), lo, hi, p.budget);
    const rel = (ref.value - a.media.recommended) / Math.abs(ref.value);
    worst = Math.max(worst, rel);
    sumGap += Math.max(0, rel);
    if (rel < -1e-9) beat++;
    if (rel <= 1e-3) within01++;
  }
  console.log(`reference check (lattice + pattern search, 2–4 channels, half the runs 60% S-shaped): ${solved} feasible problems (of ${drawn} drawn); ` +
    `worst (reference − Mixwise)/reference ${worst.toExponential(2)}, mean ${(sumGap / solved).toExponential(2)}; within 0.1%: ${within01}/${solved}; ` +
    `Mixwise strictly better on ${beat}; methods ${JSON.stringify(methods)}`);
}

// --- decision quality ------------------------------------------------------------------------
function trueModel(sim: SimulationResult, current: ResponseModel): ResponseModel {
  const win = sim.truth.conversion?.winRate ?? 1;
  return {
    baseline: 0,
    channels: sim.truth.channels.map((t) => {
      const cur = current.channels.find((c) => c.name === t.name);
      if (!cur) throw new Error(`channel ${t.name} missing from the fit`);
      // Normalised weights (Σw = 1): a sustained spend x gives beta·f(x / scale), times the win rate for two-stage KPIs.
      return { name: t.name, current: cur.current, coef: t.beta * win, gain: 1 / t.scale, saturation: t.saturation };
    }),
  };
}
const constraints: AllocationConstraints = { defaults: { min: { type: 'multiple', value: 0.5 }, max: { type: 'multiple', value: 1.5 } } };
const value = (m: ResponseModel, x: number[]): number => compileCurves(m).reduce((s, c, k) => s + c.value(x[k]), 0);
const randomCases = (from: number, n: number): [string, () => SimulationResult][] =>
  Array.from({ length: n }, (_, i) => [`random ${from + i}`, () => randomScenario(from + i)]);
const presetCases = (seed: number): [string, () => SimulationResult][] =>
  ['retail', 'ecommerce', 'b2b'].map((p) => [seed === 1 ? p : `${p} ${seed}`, () => simulatePreset(p, seed)]);
// The bench set was looked at while choosing defaults; the held-out set never was.
const cases: [string, () => SimulationResult][] = process.env.BENCH_HELDOUT === '1'
  ? [...presetCases(2), ...presetCases(3), ...randomCases(506, 15)]
  : [...presetCases(1), ...randomCases(501, quick ? 1 : 5)];
// Default fit settings (fitMmm's defaults: full search, posterior, 100 bootstrap replicates), in a worker pool;
// or, with BENCH_METHOD=bayes, the default Bayesian fit with its chains on worker threads.
const pool = createWorkerPool(2);
const method = process.env.BENCH_METHOD === 'bayes' ? 'bayes' : 'ridge';
const chains = method === 'bayes' ? createChainRunner(2) : undefined;
const captured: number[] = [], capturedExpected: number[] = [], possibleAll: number[] = [];
for (const [label, make] of cases) {
  const sim = make();
  const t0 = performance.now();
  const model = await fitMmm(sim.table, { method }, { parallel: pool, chains });
  const fitted = responseModelFromMmm(model);
  const truth = trueModel(sim, fitted);
  const budget = fitted.channels.reduce((s, c) => s + c.current, 0);
  const rec = allocateBudget(fitted, { budget, constraints });
  // The default of mixwise optimize on a model with replicates: the KPI averaged over the bootstrap replicates' curves.
  const expectedModel = responseModelFromMmm(model, { uncertainty: 'expected' });
  const replicates = expectedModel.channels[0].components?.length ?? 0;
  const recExpected = allocateBudget(expectedModel, { budget, constraints });
  const best = allocateBudget(truth, { budget, constraints });
  if (!rec.feasible || !best.feasible || !recExpected.feasible) { console.log(`${label}: infeasible`); continue; }
  const cur = value(truth, fitted.channels.map((c) => c.current));
  const possible = best.media.recommended - cur;
  const share = possible > 0 ? (value(truth, rec.channels.map((c) => c.recommended)) - cur) / possible : 1;
  const shareExpected = possible > 0 ? (value(truth, recExpected.channels.map((c) => c.recommended)) - cur) / possible : 1;
  captured.push(share);
  capturedExpected.push(shareExpected);
  possibleAll.push(possible / cur);
  console.log(`decision quality ${label.padEnd(12)} truly achievable uplift ${(100 * possible / cur).toFixed(2)}% of media KPI; recommendation captures ${(100 * share).toFixed(1)}% `
    + `(expected KPI over ${replicates} replicates: ${(100 * shareExpected).toFixed(1)}%) (fit ${((performance.now() - t0) / 1000).toFixed(1)} s)`);
}
const meanPct = (v: number[]): string => (100 * v.reduce((a, b) => a + b, 0) / v.length).toFixed(1);
const medPct = (v: number[]): string => (100 * median(v)).toFixed(1);
// Uplift-weighted: of all the uplift achievable across the data sets (each in % of its media KPI), the share captured.
const weightedPct = (v: number[]): string => (100 * v.reduce((a, x, i) => a + x * possibleAll[i], 0) / possibleAll.reduce((a, b) => a + b, 0)).toFixed(1);
console.log(`decision quality (default ${method} fit settings, ${process.env.BENCH_HELDOUT === '1' ? 'held-out set' : 'bench set'}): share of the truly achievable uplift captured, `
  + `mean ${meanPct(capturedExpected)}% / median ${medPct(capturedExpected)}% (expected KPI over the ${method === 'bayes' ? 'posterior draws\'' : 'bootstrap replicates\''} curves, the default), `
  + `mean ${meanPct(captured)}% / median ${medPct(captured)}% (point estimate) over ${captured.length} data sets (target ≥ 90%); `
  + `uplift-weighted ${weightedPct(capturedExpected)}% (expected) vs ${weightedPct(captured)}% (point)`);
