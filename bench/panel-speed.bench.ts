/**
 * Speed of the geo-panel candidate evaluator alone: candidates per CPU-second on the 'geo' preset's
 * panel (simulateGeoPanel seed 3: 20 geos × 156 weeks × 5 channels, default spec), a fixed set of
 * seeded random candidates evaluated in the calling thread, best of BENCH_REPEATS (default 3) runs;
 * also prints a checksum of the objectives so a speed-up can be checked for identical results.
 *
 *   npm run bench panel-speed
 *   BENCH_CANDIDATES=4000 npm run bench panel-speed
 */
import { createHash } from 'node:crypto';
import { simulateGeoPanel } from '@mixwise/engine';
import { checkedFitSpec } from '../packages/engine/src/fit/checked-spec.ts';
import { mediaInputTable } from '../packages/engine/src/fit/media-input.ts';
import { buildSearchProblem, searchDimension } from '../packages/engine/src/fit/search/search-problem.ts';
import { createCandidateEvaluator } from '../packages/engine/src/fit/search/candidate-evaluator.ts';
import { createRng } from '../packages/engine/src/random/rng.ts';

const nCand = Number(process.env.BENCH_CANDIDATES ?? 2000);
const repeats = Number(process.env.BENCH_REPEATS ?? 3);
const data = simulateGeoPanel({ seed: 3 }).table;
const spec = checkedFitSpec(data, {});
const { table } = mediaInputTable(data, spec.channels, spec.window);
const problem = buildSearchProblem(table, spec);
const d = searchDimension(problem);
const rng = createRng(7);
const params = Float64Array.from({ length: nCand * d }, () => rng.next());
const ev = createCandidateEvaluator(problem);
const out = new Float64Array(nCand * ev.nObjectives);
ev.evaluate(params, Math.min(200, nCand), out); // warm-up
let best = Infinity;
for (let r = 0; r < repeats; r++) {
  const mark = process.cpuUsage();
  ev.evaluate(params, nCand, out);
  const u = process.cpuUsage(mark);
  best = Math.min(best, (u.user + u.system) / 1e6);
}
console.log(`panel evaluator: ${problem.panel?.shares.length} geos × ${problem.fitEnd - problem.fitStart} fit rows × ${problem.channels.length} channels, ${problem.baseline.length} baseline columns`);
console.log(`  ${nCand} candidates in ${best.toFixed(3)} s CPU (best of ${repeats}): ${(nCand / best).toFixed(0)} candidates per CPU-second`);
console.log(`  objectives sha256 ${createHash('sha256').update(new Uint8Array(out.buffer)).digest('hex').slice(0, 16)}`);
