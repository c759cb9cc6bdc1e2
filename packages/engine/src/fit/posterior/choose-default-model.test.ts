import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chooseDefaultModel } from './choose-default-model.ts';
import { POSTERIOR_SELECTION_RULE } from './posterior-choice.ts';
import { buildSearchProblem } from '../search/search-problem.ts';
import { createCandidateEvaluator } from '../search/candidate-evaluator.ts';
import { runSearch, inThreadEvaluator } from '../search/run-search.ts';
import { selectModel, SELECTION_RULE } from '../select-model.ts';
import { defaultModelSpec, type SearchSpec } from '../../spec/model-spec.ts';
import { N, fixture } from '../../../test/two-channel-fixture.ts';

async function setup() {
  const { table } = fixture([40, 25], 2);
  const base = defaultModelSpec({ nTimes: N, frequency: 'weekly', channels: ['c0', 'c1'] });
  const spec = { ...base, seasonalityOrder: 0, channels: base.channels.map((c) => ({ ...c, adstock: 'geometric' as const, maxLag: 8 })) };
  const problem = buildSearchProblem(table, spec);
  const ev = createCandidateEvaluator(problem);
  const result = await runSearch({ iterations: 1500, trials: 2, seed: 1, weights: spec.search.weights, evaluator: inThreadEvaluator(ev), nParams: ev.nParams });
  return { problem, result, search: spec.search, ev };
}

test('posterior 0 keeps the lowest-score candidate, with its search objectives', async () => {
  const { problem, result, search } = await setup();
  const s: SearchSpec = { ...search, posterior: 0 };
  const c = await chooseDefaultModel(problem, result, s);
  const i = selectModel(result);
  const d = result.nParams;
  assert.equal(c.rule, SELECTION_RULE);
  assert.deepEqual(Array.from(c.u), Array.from(result.params.subarray(i * d, (i + 1) * d)));
  assert.deepEqual(c.objectives, Array.from(result.objectives.subarray(i * 4, i * 4 + 4)));
  assert.equal(c.score, result.scores[i]);
});

test('the default uses the posterior, with lift tests too; a DECOMP.RSSD weight falls back to the lowest score', async () => {
  const { problem, result, search, ev } = await setup();
  const def = await chooseDefaultModel(problem, result, { ...search, posterior: undefined });
  assert.equal(def.rule, POSTERIOR_SELECTION_RULE);
  const obj = new Float64Array(4);
  ev.evaluate(def.u, 1, obj);
  assert.deepEqual(def.objectives, Array.from(obj));
  const rssd = await chooseDefaultModel(problem, result, { ...search, weights: { ...search.weights, decompRssd: 0.1 } });
  assert.equal(rssd.rule, SELECTION_RULE);
  const lifted = await chooseDefaultModel({ ...problem, liftTests: [{ channel: 0, startRow: 10, endRow: 20, measureEndRow: 20, lift: 100, se: 20 }] }, result, search);
  assert.ok(lifted.rule.startsWith(POSTERIOR_SELECTION_RULE) && lifted.rule.includes('1 lift test'), lifted.rule);
  assert.equal(lifted.reselect, false);
});

test('a fractional iteration count is rejected', async () => {
  const { problem, result, search } = await setup();
  await assert.rejects(chooseDefaultModel(problem, result, { ...search, posterior: 10.5 }), /iterations/);
});
