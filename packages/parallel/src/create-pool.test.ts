import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { createPool } from './create-pool.ts';
import { weightedSumEvaluator } from '../test/fixtures/weighted-sum-evaluator.ts';

const workerUrl = new URL('../test/fixtures/weighted-sum-worker.ts', import.meta.url);
const weights = [0.5, -1.25, 3];

/** Deterministic candidates in [0, 1): a fixed-step sequence, no RNG needed. */
function candidates(n: number, d: number): Float64Array {
  return Float64Array.from({ length: n * d }, (_, k) => ((k * 0.6180339887498949) % 1));
}

test('results equal single-thread evaluation bit for bit, in candidate order (uneven slices)', async () => {
  const pool = await createPool({ workerUrl, init: { weights }, size: 3 });
  try {
    assert.deepEqual([pool.size, pool.nParams, pool.nObjectives], [3, 3, 2]);
    for (const n of [37, 2, 1, 0]) {
      const params = candidates(n, 3);
      const expected = new Float64Array(n * 2);
      weightedSumEvaluator({ weights }).evaluate(params, n, expected);
      const got = await pool.evaluate(params, n);
      assert.equal(got.length, n * 2);
      assert.deepEqual(Buffer.from(got.buffer), Buffer.from(expected.buffer), `n = ${n}`);
      assert.equal(params.length, n * 3, 'the caller keeps its params buffer');
    }
  } finally {
    await pool.close();
  }
});

test('hand-computed values: row [1, 2, 4] with weights [0.5, -1.25, 3] sums to 10', async () => {
  const pool = await createPool({ workerUrl, init: { weights }, size: 2 });
  try {
    const out = await pool.evaluate(new Float64Array([1, 2, 4, 0, 0, 0]), 2);
    // 0.5·1 − 1.25·2 + 3·4 = 10; sin(1000)·(1 + 4) for the second objective; zeros give 0 and 0
    assert.deepEqual(Array.from(out), [10, Math.sin(1000) * 5, 0, 0]);
  } finally {
    await pool.close();
  }
});

test('concurrent batches are kept apart', async () => {
  const pool = await createPool({ workerUrl, init: { weights: [1] }, size: 2 });
  try {
    const [a, b] = await Promise.all([
      pool.evaluate(new Float64Array([1, 2, 3]), 3),
      pool.evaluate(new Float64Array([10, 20]), 2),
    ]);
    assert.deepEqual(Array.from(a).filter((_, k) => k % 2 === 0), [1, 2, 3]);
    assert.deepEqual(Array.from(b).filter((_, k) => k % 2 === 0), [10, 20]);
  } finally {
    await pool.close();
  }
});

test('a worker that cannot build its evaluator makes createPool reject', async () => {
  await assert.rejects(createPool({ workerUrl, init: { weights, failOnInit: true }, size: 2 }), /init failed on purpose/);
});

test('an evaluation error rejects that batch; a closed pool rejects new batches', async () => {
  const pool = await createPool({ workerUrl, init: { weights: [1] }, size: 2 });
  await assert.rejects(pool.evaluate(new Float64Array([1, -1]), 2), /candidate 0 is negative/);
  assert.deepEqual(Array.from(await pool.evaluate(new Float64Array([5]), 1)), [5, Math.sin(5000) * 6]);
  await assert.rejects(pool.evaluate(new Float64Array([1, 2]), 3), RangeError);
  await pool.close();
  await pool.close();
  await assert.rejects(pool.evaluate(new Float64Array([1]), 1), /closed/);
});

test('a pool that is never closed does not keep the process alive', () => {
  const script = fileURLToPath(new URL('../test/fixtures/forgotten-pool.ts', import.meta.url));
  const run = spawnSync(process.execPath, ['--import', 'tsx', script], { encoding: 'utf8', timeout: 30_000 });
  assert.equal(run.error, undefined, 'the process did not exit within 30 s');
  assert.equal(run.status, 0, run.stderr);
  // weights [1, 2]: rows [1,1], [2,2], [3,3] → 3, 6, 9
  assert.equal(run.stdout.trim(), '3,6,9');
});
