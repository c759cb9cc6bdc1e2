import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { ModelingTable } from '@mixwise/engine';
import { buildSearchProblem, createCandidateEvaluator, defaultModelSpec } from '@mixwise/engine';
import { createWorkerPool } from './worker-pool.ts';

/** A deterministic 80-week table with two channels (no RNG: fixed formulas). */
function table(): ModelingTable {
  const n = 80;
  const s = (f: (t: number) => number) => Float64Array.from({ length: n }, (_, t) => f(t));
  const tv = s((t) => (t % 6 < 3 ? 1000 + 37 * (t % 5) : 0));
  const search = s((t) => 400 + 150 * Math.sin(t / 3));
  return {
    dates: Array.from({ length: n }, (_, t) => new Date((19723 + 7 * t) * 86_400_000).toISOString().slice(0, 10)),
    frequency: 'weekly',
    target: { name: 'sales', kind: 'revenue', values: s((t) => 10_000 + 20 * t + 1.5 * tv[t] + 2 * search[t] + 300 * Math.cos(t * 1.7)) },
    channels: [{ name: 'tv', column: 'tv_spend', spend: tv }, { name: 'search', column: 'search_spend', spend: search }],
    controls: [],
    events: [],
  };
}

test('engine search problem: the worker pool gives bit-identical objectives to in-thread evaluation', async () => {
  const t = table();
  const problem = buildSearchProblem(t, defaultModelSpec({ nTimes: 80, frequency: 'weekly', channels: ['tv', 'search'] }));
  const local = createCandidateEvaluator(problem);
  const n = 25;
  const params = Float64Array.from({ length: n * local.nParams }, (_, k) => ((k * 0.7548776662466927) % 1));
  const expected = new Float64Array(n * local.nObjectives);
  local.evaluate(params, n, expected);
  for (let i = 0; i < n; i++) assert.ok(Number.isFinite(expected[i * local.nObjectives]), 'nrmseTrain is a real number');
  const pool = await createWorkerPool(2)(problem);
  try {
    const got = await pool.evaluate(params, n);
    assert.equal(got.length, expected.length);
    assert.deepEqual(Buffer.from(got.buffer), Buffer.from(expected.buffer));
  } finally {
    await pool.close();
  }
});
