import { test } from 'node:test';
import assert from 'node:assert/strict';
import Fastify from 'fastify';
import { ApiHttpError } from '../http/api-http-error.ts';
import { healthRoutes } from '../routes/health.ts';
import { CheckPool } from './check-pool.ts';

const FIXTURE = new URL('./check-pool.fixture-worker.ts', import.meta.url);

test('health answers while a check blocks its worker; the result arrives once the check ends', async () => {
  const pool = new CheckPool<unknown>({ size: 1, workerUrl: FIXTURE });
  const app = Fastify();
  healthRoutes(app, { auth: false, dashboard: false, version: '0' });
  try {
    const gate = new SharedArrayBuffer(4);
    let settled = false;
    const running = pool.run<{ echoed: unknown }>({ gate }).finally(() => { settled = true; });
    // The check cannot end before the gate opens, so these answers come while it runs.
    for (let k = 0; k < 3; k++) assert.equal((await app.inject('/api/health')).statusCode, 200);
    await new Promise((r) => setTimeout(r, 20));
    assert.equal(settled, false);
    Atomics.store(new Int32Array(gate), 0, 1);
    Atomics.notify(new Int32Array(gate), 0);
    assert.ok((await running).echoed);
  } finally {
    await Promise.all([pool.close(), app.close()]);
  }
});

test('a check over the time limit is refused with 422 and its worker replaced; a full queue is 503 BUSY; a failure is an Error', async () => {
  const pool = new CheckPool<unknown>({ size: 1, maxQueue: 1, timeoutMs: 1500, workerUrl: FIXTURE });
  try {
    const stuck = pool.run({ gate: new SharedArrayBuffer(4) });
    const waiting = pool.run({ n: 1 });
    await assert.rejects(pool.run({ n: 2 }), (err: unknown) => err instanceof ApiHttpError && err.code === 'BUSY' && err.status === 503);
    await assert.rejects(stuck, (err: unknown) => err instanceof ApiHttpError && err.status === 422 && /longer than the limit/.test(err.message));
    assert.deepEqual(await waiting, { echoed: { n: 1 } });
    await assert.rejects(pool.run({ fail: 'boom' }), (err: unknown) => !(err instanceof ApiHttpError) && (err as Error).message === 'boom');
  } finally {
    await pool.close();
  }
});

test('a report over the time limit or refused as busy is worded as a report (500 on a timeout, not 422 invalid data)', async () => {
  const pool = new CheckPool<unknown>({ size: 1, maxQueue: 0, timeoutMs: 300, workerUrl: FIXTURE });
  try {
    const stuck = pool.run({ kind: 'report', dir: '/runs/a', gate: new SharedArrayBuffer(4) });
    await assert.rejects(pool.run({ kind: 'report', dir: '/runs/b' }), (err: unknown) => err instanceof ApiHttpError && err.status === 503 && /try the report again/.test(err.message));
    await assert.rejects(stuck, (err: unknown) => err instanceof ApiHttpError && err.status === 500
      && /^rendering the report took longer than the limit of 0\.3 s/.test(err.message) && !/checking the file/.test(err.message));
  } finally {
    await pool.close();
  }
});
