/**
 * Search speed: candidate models evaluated per second, 156 weeks × 5 channels, for geometric and
 * Weibull-PDF adstock (maxLag 52), Hill saturation. Prints single-thread and worker-pool figures.
 * The single-thread figure is also given per CPU-second (process.cpuUsage), which other processes do not move.
 * Target (issue 2): ≥ 10,000 candidates/s on the 2-core CI machine, aiming at 25,000.
 */
import { availableParallelism } from 'node:os';
import {
  buildSearchProblem, createCandidateEvaluator, defaultModelSpec, createRng, type ModelingTable, type AdstockType,
} from '@mixwise/engine';
import { createWorkerPool } from '@mixwise/parallel';

function table(nTimes: number, nChannels: number): ModelingTable {
  const rng = createRng(11);
  const dates = Array.from({ length: nTimes }, (_, t) => new Date(Date.UTC(2021, 0, 4 + 7 * t)).toISOString().slice(0, 10));
  const channels = Array.from({ length: nChannels }, (_, c) => ({
    name: `ch${c}`, column: `ch${c}_spend`,
    spend: Float64Array.from({ length: nTimes }, () => (rng.next() < 0.2 ? 0 : 1000 * (0.5 + rng.next()))),
  }));
  const target = Float64Array.from({ length: nTimes }, (_, t) => 10000 + 50 * t + 2000 * rng.next());
  return { dates, frequency: 'weekly', target: { name: 'revenue', kind: 'revenue', values: target }, channels, controls: [], events: [] };
}

async function measure(adstock: AdstockType): Promise<void> {
  const t = table(156, 5);
  const base = defaultModelSpec({ nTimes: 156, frequency: 'weekly', channels: t.channels.map((c) => c.name) });
  const spec = { ...base, channels: base.channels.map((c) => ({ ...c, adstock, maxLag: adstock === 'geometric' ? 12 : 52 })) };
  const problem = buildSearchProblem(t, spec);
  const ev = createCandidateEvaluator(problem);
  const n = 4000;
  const rng = createRng(3);
  const params = Float64Array.from({ length: n * ev.nParams }, () => rng.next());
  const out = new Float64Array(n * ev.nObjectives);
  ev.evaluate(params, 500, out); // warm-up (JIT)
  let t0 = performance.now();
  const cpu0 = process.cpuUsage();
  ev.evaluate(params, n, out);
  const single = n / ((performance.now() - t0) / 1000);
  const cpu = process.cpuUsage(cpu0);
  // Per CPU-second too: on a shared machine wall time depends on the other processes.
  const perCpu = n / ((cpu.user + cpu.system) / 1e6);

  const workers = availableParallelism();
  const pool = await createWorkerPool(workers)(problem);
  await pool.evaluate(params, n); // warm-up
  const big = Float64Array.from({ length: 5 * n * ev.nParams }, () => rng.next());
  t0 = performance.now();
  for (let k = 0; k < 5; k++) await pool.evaluate(big.subarray(k * n * ev.nParams, (k + 1) * n * ev.nParams), n);
  const parallel = (5 * n) / ((performance.now() - t0) / 1000);
  await pool.close();
  console.log(`${adstock.padEnd(12)} 156 weeks × 5 channels: ${single.toFixed(0).padStart(7)} candidates/s on one thread (${perCpu.toFixed(0)} per CPU-second), ${parallel.toFixed(0).padStart(7)} candidates/s on ${workers} workers (target ≥ 10,000)`);
}

await measure('geometric');
await measure('weibull-pdf');
