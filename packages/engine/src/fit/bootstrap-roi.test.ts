/**
 * The block bootstrap around a fit (bootstrapRoi): residuals are drawn from, and put back onto, the
 * rows whose KPI is observed; a period without a KPI stays without one in every replicate.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bootstrapRoi, fittedValues } from './bootstrap-roi.ts';
import { buildSearchProblem, searchDimension, withoutValidation, type SearchProblem } from './search/search-problem.ts';
import { createCandidateEvaluator } from './search/candidate-evaluator.ts';
import { candidateChannels } from './candidate-channels.ts';
import { channelRoi } from '../analysis/channel-roi.ts';
import { defaultModelSpec } from '../spec/model-spec.ts';
import { randomScenario } from '../simulate/random-scenario.ts';
import { createRng } from '../random/rng.ts';

const sim = randomScenario(23, { nTimes: 90, nChannels: 3, noise: 0.05 });
const MISSING = [4, 20, 40, 41, 42, 43, 70];
const names = sim.table.channels.map((c) => c.name);

function problemWith(target: Float64Array): SearchProblem {
  const spec = defaultModelSpec({ nTimes: sim.table.dates.length, frequency: 'weekly', channels: names });
  return buildSearchProblem({ ...sim.table, target: { ...sim.table.target, values: target } }, { ...spec, holdout: 0 });
}

const withGaps = Float64Array.from(sim.table.target.values);
for (const t of MISSING) withGaps[t] = NaN;
const base = problemWith(withGaps);
const rng = createRng(5);
const u = Float64Array.from({ length: searchDimension(base) }, () => 0.15 + 0.7 * rng.next());
const fit = createCandidateEvaluator(base).fitCandidate(u);
// As each replicate refits: on every fit row, no validation split.
const roiOf = (p: SearchProblem) => candidateChannels(p, createCandidateEvaluator(withoutValidation(p)).fitCandidate(u)).map((ch) => channelRoi(ch, p.fitStart, p.fitEnd));

test('a KPI that the fit explains exactly: every replicate refits the same ROIs, whatever the gaps (no NaN enters, no gap is filled)', async () => {
  // The observed rows set to the fit's own fitted values (residuals all 0), the gaps left NaN.
  const fitted = fittedValues(base, fit);
  const exact = Float64Array.from(withGaps, (v, t) => (Number.isNaN(v) ? NaN : fitted[t - base.fitStart]));
  const problem = problemWith(exact);
  const expected = roiOf(problem);
  // Residuals measured against the fit whose fitted values those are: 0 on every observed row.
  const reps = await bootstrapRoi(problem, fit, [u], { replicates: 6, reselect: false, seed: 3 });
  assert.equal(reps.roi.length, 6);
  for (const r of reps.roi) r.forEach((v, c) => assert.ok(Math.abs(v - expected[c]) <= 1e-7 * Math.abs(expected[c]), `${v} vs ${expected[c]}`));
});

test('with real residuals: the replicates vary, stay finite, and the gaps change them (the periods without a KPI are not scored)', async () => {
  const reps = await bootstrapRoi(base, fit, [u], { replicates: 12, reselect: false, seed: 3 });
  for (const r of reps.roi) for (const v of r) assert.ok(Number.isFinite(v) && v >= 0, String(v));
  const spread = names.map((_, c) => Math.max(...reps.roi.map((r) => r[c])) - Math.min(...reps.roi.map((r) => r[c])));
  assert.ok(spread.some((s) => s > 0), 'the replicates should differ');
  // The same bootstrap on the full KPI draws from more residuals, so its replicates differ.
  const full = problemWith(Float64Array.from(sim.table.target.values));
  const fullReps = await bootstrapRoi(full, createCandidateEvaluator(full).fitCandidate(u), [u], { replicates: 12, reselect: false, seed: 3 });
  assert.notDeepEqual(fullReps.roi, reps.roi);
});
