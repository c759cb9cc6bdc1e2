/**
 * ROI accuracy on simulated data the model was not tuned on (issue 2, target: spend-weighted mean
 * absolute ROI error ≤ 15%, aim 10%). Each seed draws a fresh scenario with randomScenario: 2–4 years,
 * 3–5 channels, geometric and long Weibull lags, concave and S-shaped Hill curves, correlated spends,
 * noise 2–12%. The model is fitted with default settings (fitMmm with no spec), in parallel workers.
 *
 *   npm run bench accuracy            # 20 seeds
 *   BENCH_SEEDS=1-40 npm run bench accuracy
 */
import { availableParallelism } from 'node:os';
import { fitMmm, summarizeModel } from '@mixwise/engine';
import { randomScenario } from '../packages/engine/src/simulate/random-scenario.ts';
import { createWorkerPool } from '../packages/cli/src/parallel/worker-pool.ts';

const [from, to] = (process.env.BENCH_SEEDS ?? '1-20').split('-').map(Number);
const pool = createWorkerPool(availableParallelism());
const errors: number[] = [];
const t0 = performance.now();
for (let seed = from; seed <= to; seed++) {
  const { table, truth } = randomScenario(seed);
  const model = await fitMmm(table, {}, { parallel: pool });
  const summary = summarizeModel(model);
  let num = 0, den = 0;
  const cells: string[] = [];
  for (const t of truth.channels) {
    const est = summary.channels.find((c) => c.name === t.name);
    if (!est) throw new Error(`channel ${t.name} missing from the fit`);
    num += t.spend * Math.abs(est.roi - t.roi) / t.roi;
    den += t.spend;
    cells.push(`${t.name} ${est.roi.toFixed(2)}/${t.roi.toFixed(2)}`);
  }
  errors.push(num / den);
  console.log(`seed ${String(seed).padStart(3)}  n=${table.dates.length} noise=${(truth.noiseShare * 100).toFixed(0)}%  err ${(100 * num / den).toFixed(1).padStart(5)}%  r2 ${summary.fit.r2.toFixed(3)}  ${cells.join('  ')}`);
}
const mean = errors.reduce((a, b) => a + b, 0) / errors.length;
const sorted = [...errors].sort((a, b) => a - b);
console.log(`\nspend-weighted mean absolute ROI error over ${errors.length} scenarios: ${(100 * mean).toFixed(1)}% (median ${(100 * sorted[Math.floor(sorted.length / 2)]).toFixed(1)}%, worst ${(100 * sorted[sorted.length - 1]).toFixed(1)}%); target ≤ 15%`);
console.log(`time ${((performance.now() - t0) / 1000).toFixed(1)} s`);
