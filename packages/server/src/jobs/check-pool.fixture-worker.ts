// Test worker for check-pool.test.ts: a task { gate } blocks its thread until the test stores 1 in the
// gate (Atomics.wait), standing for a long synchronous check; { fail } throws; anything else is echoed.
import { parentPort } from 'node:worker_threads';
import type { CheckJobMessage } from './check-protocol.ts';

const port = parentPort;
if (port === null) throw new Error('must run in a worker thread');
port.on('message', (job: CheckJobMessage) => {
  const task = job.task as unknown as { gate?: SharedArrayBuffer; fail?: string };
  if (task.gate !== undefined) Atomics.wait(new Int32Array(task.gate), 0, 0);
  if (task.fail !== undefined) port.postMessage({ id: job.id, type: 'failed', message: task.fail });
  else port.postMessage({ id: job.id, type: 'result', result: { echoed: job.task } });
});
