/**
 * Fingerprint of default fits, to check that a speed-up leaves results unchanged to the bit: prints
 * each channel's ROI to 13 significant digits and a SHA-256 of the whole model JSON (coefficients,
 * chosen hyperparameters, bootstrap draws), for randomScenario(1001), the 'geo' preset's panel
 * (simulateGeoPanel seed 3: 20 geos × 156 weeks × 5 channels, the panel evaluator) and, with
 * FINGERPRINT_DAILY=1, the 30-channel daily scenario of many-channels.bench.ts. Run before and after a
 * change and diff. FINGERPRINT_ONLY=geo (or national, daily) runs that case alone.
 *
 *   node --conditions=mixwise-source --import tsx bench/fit-fingerprint.ts > before.txt
 *   FINGERPRINT_QUICK=1: 2,000 search and posterior iterations, 20 bootstrap replicates, instead of the defaults.
 */
import { createHash } from 'node:crypto';
import { randomScenario, simulateGeoPanel, type ModelSpec, type ModelingTable } from '@mixwise/engine';
import { manyChannelDaily, timedFit } from './many-channels.bench.ts';

const quick = process.env.FINGERPRINT_QUICK === '1';
const spec = (quick ? { search: { iterations: 2000, bootstrap: 20, posterior: 2000 } } : {}) as Partial<ModelSpec>;
const only = process.env.FINGERPRINT_ONLY;
const cases: [string, string, () => { table: ModelingTable }][] = [
  ['national', 'randomScenario(1001)', () => randomScenario(1001)],
  ['geo', "geo preset seed 3", () => simulateGeoPanel({ seed: 3 })],
];
if (process.env.FINGERPRINT_DAILY === '1' || only === 'daily') cases.push(['daily', '30 channels daily', () => manyChannelDaily(1)]);
for (const [key, label, make] of cases) {
  if (only !== undefined && only !== key) continue;
  const { phases, rois, model } = await timedFit(make(), spec);
  console.log(`${label}${quick ? ' (quick)' : ''}: model sha256 ${createHash('sha256').update(JSON.stringify(model)).digest('hex')}`);
  model.channels.forEach((ch, k) => console.log(`  ${ch.name.padEnd(14)} ROI ${rois[k].toPrecision(13)}`));
  console.error(`  CPU s: ${phases.map(([p, s]) => `${p} ${s.toFixed(1)}`).join(', ')}`);
}
