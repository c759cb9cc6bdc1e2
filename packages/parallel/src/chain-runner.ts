import { Worker } from 'node:worker_threads';
import type { ChainRunner, NutsResult } from '@mixwise/engine';

/** Messages a chain worker sends back. */
export type ChainFromWorker =
  | { readonly type: 'progress'; readonly index: number; readonly done: number }
  | { readonly type: 'result'; readonly index: number; readonly result: NutsResult }
  | { readonly type: 'error'; readonly index: number; readonly message: string };

const BOOTSTRAP = new URL('./worker-bootstrap.mjs', import.meta.url);
const CHAIN_WORKER_URL = new URL('./chain-worker.ts', import.meta.url);

/**
 * The engine's ChainRunner on worker threads: up to `size` chains run at once, each worker taking the
 * next job when it finishes one. A job's draws are the same in any thread (its seed and start are
 * part of the job), so the fit does not depend on the number of workers. Workers are terminated when
 * all chains are done or one fails (its error, or one thrown by onProgress, rejects the promise).
 * @param size worker threads (≥ 1)
 * @returns the runner to pass as fitMmm's `chains` option
 * @example await fitMmm(table, { method: 'bayes' }, { chains: createChainRunner(2) })
 */
export function createChainRunner(size: number): ChainRunner {
  return (jobs, onProgress) => new Promise<NutsResult[]>((resolve, reject) => {
    const results: NutsResult[] = new Array<NutsResult>(jobs.length);
    const workers: Worker[] = [];
    let next = 0, finished = 0, failed = false;
    const stop = (err: Error): void => {
      if (failed) return;
      failed = true;
      for (const w of workers) void w.terminate();
      reject(err);
    };
    const feed = (w: Worker): void => {
      if (next < jobs.length) w.postMessage({ index: next, job: jobs[next++] });
    };
    for (let i = 0; i < Math.min(Math.max(1, Math.floor(size)), jobs.length); i++) {
      const w = new Worker(BOOTSTRAP, { workerData: { moduleUrl: CHAIN_WORKER_URL.href } });
      workers.push(w);
      w.on('error', (err) => stop(err));
      w.on('message', (m: ChainFromWorker) => {
        if (failed) return;
        if (m.type === 'error') { stop(new Error(m.message)); return; }
        try {
          if (m.type === 'progress') { onProgress(m.index, m.done); return; }
          results[m.index] = m.result;
          onProgress(m.index, jobs[m.index].warmup + jobs[m.index].draws);
        } catch (err) {
          stop(err instanceof Error ? err : new Error(String(err)));
          return;
        }
        if (++finished === jobs.length) {
          for (const x of workers) void x.terminate();
          resolve(results);
        } else feed(w);
      });
      feed(w);
    }
  });
}
