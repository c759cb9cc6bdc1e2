// A worker that runs NUTS chains of the Bayesian MMM with the engine (see chain-runner.ts): one job
// per message; progress every 10 iterations, then the result (its arrays transferred).
import { parentPort } from 'node:worker_threads';
import { runChain, type ChainJob } from '@mixwise/engine';
import type { ChainFromWorker } from './chain-runner.ts';

const port = parentPort;
if (port === null) throw new Error('chain-worker must run in a worker thread');
port.on('message', (message: { readonly index: number; readonly job: ChainJob }) => {
  const post = (m: ChainFromWorker, transfer: ArrayBuffer[] = []): void => port.postMessage(m, transfer);
  try {
    const result = runChain(message.job, (done, total) => {
      if (done % 10 === 0 || done === total) post({ type: 'progress', index: message.index, done });
    });
    post({ type: 'result', index: message.index, result }, [result.draws.buffer as ArrayBuffer]);
  } catch (err) {
    post({ type: 'error', index: message.index, message: err instanceof Error ? err.message : String(err) });
  }
});
