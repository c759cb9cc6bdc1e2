/**
 * Many-channel daily fit: CPU seconds per fit phase (process.cpuUsage, as wall time is noisy on a
 * shared machine) for a 30-channel, 3-year daily data set built from the simulator, fitted in the
 * calling thread. Channels cycle through the e-commerce preset's spend patterns and responses, with
 * varied means, decays and Weibull lags, so the search sees geometric and long-lag channels alike.
 *
 *   npm run bench many-channels                          # default fit (about 10 minutes on 2 cores)
 *   BENCH_QUICK=1 npm run bench many-channels            # 2,000 search and posterior iterations, 20 bootstrap replicates
 *   BENCH_CHANNELS=10 BENCH_QUICK=1 npm run bench many-channels
 */
import { fitMmm, summarizeModel, simulate, type MmmModel, type ModelingTable, type ModelSpec, type SimulationResult } from '@mixwise/engine';
import { ecommerceDailyOptions } from '../packages/engine/src/simulate/presets/ecommerce-daily.ts';
import type { SimulatedChannel } from '../packages/engine/src/simulate/types.ts';

/** A daily scenario with `nChannels` channels over `nTimes` days, deterministic in `seed`. */
export function manyChannelDaily(seed: number, nChannels = 30, nTimes = 1096): SimulationResult {
  const base = ecommerceDailyOptions(seed);
  const channels: SimulatedChannel[] = Array.from({ length: nChannels }, (_, c) => {
    const src = base.channels[c % base.channels.length];
    const k = Math.floor(c / base.channels.length);
    const adstock = src.adstock.type === 'geometric'
      ? { type: 'geometric' as const, alpha: Math.min(0.8, src.adstock.alpha + 0.05 * k) }
      : src.adstock;
    return {
      ...src, name: `${src.name}_${k + 1}`, adstock,
      spend: { ...src.spend, mean: src.spend.mean * (0.4 + 0.15 * ((c * 7) % 9)) / 3 },
      roi: (src.roi ?? 1) * (0.6 + 0.1 * ((c * 5) % 9)),
    };
  });
  return simulate({ ...base, preset: 'many-channels', nTimes, channels });
}

/** Fit and time each phase; returns the model's ROIs in channel order. */
export async function timedFit(sim: { readonly table: ModelingTable }, spec: Partial<ModelSpec>): Promise<{ phases: [string, number][]; rois: number[]; model: MmmModel }> {
  const phases: [string, number][] = [];
  let phase = 'setup';
  let mark = process.cpuUsage();
  const cpu = (): number => { const u = process.cpuUsage(mark); return (u.user + u.system) / 1e6; };
  const model = await fitMmm(sim.table, spec, {
    onProgress: (p) => {
      if (p.phase === phase) return;
      phases.push([phase, cpu()]);
      phase = p.phase; mark = process.cpuUsage();
    },
  });
  phases.push([phase, cpu()]);
  const rois = summarizeModel(model).channels.map((ch) => ch.roi);
  return { phases, rois, model };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const quick = process.env.BENCH_QUICK === '1';
  const nChannels = Number(process.env.BENCH_CHANNELS ?? 30);
  const sim = manyChannelDaily(1, nChannels);
  const spec = quick ? { search: { iterations: 2000, bootstrap: 20, posterior: 2000 } } : {};
  const wall = performance.now();
  const { phases } = await timedFit(sim, spec as Partial<ModelSpec>);
  const total = phases.reduce((a, [, s]) => a + s, 0);
  console.log(`${nChannels} channels × ${sim.table.dates.length} days, ${quick ? 'quick (2,000 search and posterior iterations, 20 bootstrap)' : 'default settings'}, in thread:`);
  for (const [name, s] of phases) console.log(`  ${name.padEnd(12)} ${s.toFixed(1).padStart(7)} s CPU`);
  console.log(`  ${'total'.padEnd(12)} ${total.toFixed(1).padStart(7)} s CPU, ${((performance.now() - wall) / 1000).toFixed(1)} s wall, peak RSS ${(process.memoryUsage().rss / 2 ** 20).toFixed(0)} MB`);
}
