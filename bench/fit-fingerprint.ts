/**
 * Fingerprint of default fits, to check that a speed-up leaves results unchanged to the bit: prints
 * each channel's ROI to 13 significant digits and a SHA-256 of the whole model JSON (coefficients,
 * chosen hyperparameters, bootstrap draws), for randomScenario(1001) and, with FINGERPRINT_DAILY=1,
 * the 30-channel daily scenario of many-channels.bench.ts. Run before and after a change and diff.
 *
 *   node --conditions=mixwise-source --import tsx bench/fit-fingerprint.ts > before.txt
 *   FINGERPRINT_QUICK=1: 2,000 search and posterior iterations, 20 bootstrap replicates, instead of the defaults.
 */
import { createHash } from 'node:crypto';
import { randomScenario, type ModelSpec, type SimulationResult } from '@mixwise/engine';
import { manyChannelDaily, timedFit } from './many-channels.bench.ts';

const quick = process.env.FINGERPRINT_QUICK === '1';
const spec = (quick ? { search: { iterations: 2000, bootstrap: 20, posterior: 2000 } } : {}) as Partial<ModelSpec>;
const cases: [string, () => SimulationResult][] = [['randomScenario(1001)', () => randomScenario(1001)]];
if (process.env.FINGERPRINT_DAILY === '1') cases.push(['30 channels daily', () => manyChannelDaily(1)]);
for (const [label, make] of cases) {
  const { phases, rois, model } = await timedFit(make(), spec);
  console.log(`${label}${quick ? ' (quick)' : ''}: model sha256 ${createHash('sha256').update(JSON.stringify(model)).digest('hex')}`);
  model.channels.forEach((ch, k) => console.log(`  ${ch.name.padEnd(14)} ROI ${rois[k].toPrecision(13)}`));
  console.error(`  CPU s: ${phases.map(([p, s]) => `${p} ${s.toFixed(1)}`).join(', ')}`);
}
