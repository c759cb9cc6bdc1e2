import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildSearchProblem, defaultModelSpec, inThreadChains, mmmLogDensity, randomScenario, DEFAULT_ROI_PRIOR, type ChainJob } from '@mixwise/engine';
import { createChainRunner } from './chain-runner.ts';

const sim = randomScenario(3, { nTimes: 60, nChannels: 2, noise: 0.05 });
const base = defaultModelSpec({ nTimes: 60, frequency: 'weekly', channels: sim.table.channels.map((c) => c.name) });
const problem = buildSearchProblem(sim.table, { ...base, channels: base.channels.map((c) => ({ ...c, adstock: 'geometric' as const, maxLag: 6 })) });
const dim = mmmLogDensity(problem, { roi: DEFAULT_ROI_PRIOR }).layout.dim;
const jobs: ChainJob[] = [11, 12, 13].map((seed) => ({ problem, roiPrior: DEFAULT_ROI_PRIOR, start: new Float64Array(dim), seed, warmup: 20, draws: 8, maxDepth: 6 }));

test('chains on worker threads give the same draws as in this thread, in job order, with progress per chain', async () => {
  const seen = new Map<number, number>();
  const parallel = await createChainRunner(2)(jobs, (k, done) => seen.set(k, Math.max(seen.get(k) ?? 0, done)));
  const inline = await inThreadChains(jobs, () => undefined);
  assert.equal(parallel.length, 3);
  for (let k = 0; k < 3; k++) assert.deepEqual(Array.from(parallel[k].draws), Array.from(inline[k].draws));
  assert.deepEqual([...seen.entries()].sort(), [[0, 28], [1, 28], [2, 28]]);
});

test('an error thrown by onProgress stops the workers and rejects', async () => {
  await assert.rejects(createChainRunner(2)(jobs, () => { throw new Error('stop here'); }), /stop here/);
});
