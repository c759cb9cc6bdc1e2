import { parentPort, workerData } from 'node:worker_threads';
import type { CandidateEvaluator } from '@mixwise/engine';
import type { FromWorker, ToWorker, WorkerStartData } from './protocol.ts';

/**
 * Runs inside a pool worker: builds a CandidateEvaluator from the init payload the pool sent (once),
 * reports `ready` with its dimensions, then evaluates every batch slice it receives, in order, and
 * sends the objectives back (buffer transferred). Errors are sent back, never thrown into the void.
 * @param build makes the evaluator from the init payload (e.g. the engine's createCandidateEvaluator)
 * @throws Error when called outside a worker thread
 * @example serveEvaluator<SearchProblem>(createCandidateEvaluator) // in search-worker.ts
 */
export function serveEvaluator<I>(build: (init: I) => CandidateEvaluator | Promise<CandidateEvaluator>): void {
  const port = parentPort;
  if (port === null) throw new Error('serveEvaluator must run in a worker thread');
  const post = (message: FromWorker, transfer: ArrayBuffer[] = []): void => port.postMessage(message, transfer);
  const { init } = workerData as WorkerStartData<I>;
  Promise.resolve()
    .then(() => build(init))
    .then((evaluator) => {
      port.on('message', (message: ToWorker) => {
        try {
          const out = new Float64Array(message.nCandidates * evaluator.nObjectives);
          evaluator.evaluate(message.params, message.nCandidates, out);
          post({ type: 'result', id: message.id, out }, [out.buffer as ArrayBuffer]);
        } catch (err) {
          post({ type: 'error', id: message.id, ...describe(err) });
        }
      });
      post({ type: 'ready', nParams: evaluator.nParams, nObjectives: evaluator.nObjectives });
    })
    .catch((err: unknown) => post({ type: 'failed', ...describe(err) }));
}

function describe(err: unknown): { message: string; stack?: string } {
  return err instanceof Error ? { message: err.message, stack: err.stack } : { message: String(err) };
}
