/**
 * Messages between the pool (main thread) and its workers. Everything is structured-clone friendly;
 * Float64Array buffers are transferred, not copied.
 *
 * worker start: workerData = { moduleUrl, init } (the bootstrap imports moduleUrl, which calls
 * serveEvaluator; init is cloned into the worker once)
 * worker → main: ready { nParams, nObjectives } | failed { message, stack }
 * main → worker: evaluate { id, params [n × nParams], nCandidates }
 * worker → main: result { id, out [n × nObjectives] } | error { id, message, stack }
 */

export interface WorkerStartData<I> {
  readonly moduleUrl: string;
  readonly init: I;
}

export type ToWorker = { readonly type: 'evaluate'; readonly id: number; readonly params: Float64Array; readonly nCandidates: number };

export type FromWorker =
  | { readonly type: 'ready'; readonly nParams: number; readonly nObjectives: number }
  | { readonly type: 'failed'; readonly message: string; readonly stack?: string }
  | { readonly type: 'result'; readonly id: number; readonly out: Float64Array }
  | { readonly type: 'error'; readonly id: number; readonly message: string; readonly stack?: string };
