/**
 * The Bayesian fit (`--method bayes`: NUTS over the joint posterior) against the default ridge fit on
 * the same random scenarios as bench/accuracy.bench.ts: spend-weighted ROI error, coverage of the 90%
 * intervals (credible vs bootstrap), convergence (max R-hat, min bulk ESS, divergences) and wall time.
 *
 *   npm run bench bayes                 # seeds 1001–1006 (about 6 minutes on 2 cores)
 *   BENCH_SEEDS=20 npm run bench bayes  # seeds 1001–1020, the accuracy bench's scenarios (about 20 minutes)
 *   BENCH_QUICK=1 npm run bench bayes   # seeds 1001–1002
 */
import { availableParallelism } from 'node:os';
import { fitMmm, summarizeModel, randomScenario, type MmmModel, type SimulationResult } from '@mixwise/engine';
import { createChainRunner, createWorkerPool } from '@mixwise/parallel';

const quick = process.env.BENCH_QUICK === '1';
const pool = createWorkerPool(availableParallelism());
const chains = createChainRunner(availableParallelism());
const seeds = Array.from({ length: quick ? 2 : Number(process.env.BENCH_SEEDS ?? 6) }, (_, i) => 1001 + i);

interface Scored { error: number; covered: number; intervals: number; seconds: number }

function score(sim: SimulationResult, model: MmmModel, seconds: number): Scored {
  const summary = summarizeModel(model);
  let num = 0, den = 0, covered = 0, intervals = 0;
  for (const t of sim.truth.channels) {
    const est = summary.channels.find((c) => c.name === t.name);
    if (!est) throw new Error(`channel ${t.name} missing from the fit`);
    num += t.spend * Math.abs(est.roi - t.roi) / t.roi;
    den += t.spend;
    if (est.roi_interval) {
      intervals++;
      if (t.roi >= est.roi_interval[0] && t.roi <= est.roi_interval[1]) covered++;
    }
  }
  return { error: num / den, covered, intervals, seconds };
}

async function timed(sim: SimulationResult, method: 'ridge' | 'bayes'): Promise<{ model: MmmModel; scored: Scored }> {
  const t0 = performance.now();
  const model = await fitMmm(sim.table, { method }, { parallel: pool, chains });
  const seconds = (performance.now() - t0) / 1000;
  return { model, scored: score(sim, model, seconds) };
}

const pct = (v: number): string => `${(100 * v).toFixed(1)}%`;
const rows: { ridge: Scored; bayes: Scored }[] = [];
for (const seed of seeds) {
  const sim = randomScenario(seed);
  const ridge = await timed(sim, 'ridge');
  const bayes = await timed(sim, 'bayes');
  const b = bayes.model.bayes;
  if (!b) throw new Error('the Bayesian fit returned no diagnostics');
  rows.push({ ridge: ridge.scored, bayes: bayes.scored });
  console.log(`seed ${seed}: ROI error ridge ${pct(ridge.scored.error).padStart(6)} (${ridge.scored.seconds.toFixed(0)} s)  bayes ${pct(bayes.scored.error).padStart(6)} (${bayes.scored.seconds.toFixed(0)} s)`
    + `  |  max R-hat ${b.maxRhat.toFixed(3)}, min ESS ${b.minEss.toFixed(0)}, divergences ${b.divergences}, step sizes ${b.stepSizes.map((e) => e.toFixed(3)).join('/')}`);
}
for (const method of ['ridge', 'bayes'] as const) {
  const s = rows.map((r) => r[method]);
  const e = s.map((x) => x.error).sort((a, b) => a - b);
  const cov = s.reduce((a, x) => a + x.covered, 0), n = s.reduce((a, x) => a + x.intervals, 0);
  console.log(`${method.padEnd(6)} n=${s.length}  ROI error mean ${pct(e.reduce((a, b) => a + b, 0) / e.length)}  median ${pct(e[Math.floor(e.length / 2)])}`
    + `  |  90% intervals cover truth ${cov}/${n} (${pct(cov / n)})  |  mean time ${(s.reduce((a, x) => a + x.seconds, 0) / s.length).toFixed(0)} s`);
}
process.exit(0);
