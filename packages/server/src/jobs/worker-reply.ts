import type { Worker } from 'node:worker_threads';
import type { ApiErrorCode, Issue } from '@mixwise/contracts';
import { ApiHttpError } from '../http/api-http-error.ts';

/**
 * A worker thread's answer to one job, shared by the check and optimizer workers: the result, an
 * ApiHttpError the route would have thrown (its code and issues survive the thread boundary), or a
 * failure (500), with the worker's stack when it sent one.
 */
export type WorkerReply =
  | { readonly id: number; readonly type: 'result'; readonly result: unknown }
  | { readonly id: number; readonly type: 'api-error'; readonly code: ApiErrorCode; readonly message: string; readonly issues?: Issue[] }
  | { readonly id: number; readonly type: 'failed'; readonly message: string; readonly stack?: string };

/**
 * Settles a job's promise with its worker's reply: the result, the ApiHttpError rebuilt, or an Error.
 * @example settleReply({ id: 1, type: 'result', result: 42 }, resolve, reject) // resolve(42)
 */
export function settleReply(reply: WorkerReply, resolve: (result: unknown) => void, reject: (err: Error) => void): void {
  if (reply.type === 'result') resolve(reply.result);
  else if (reply.type === 'api-error') reject(new ApiHttpError(reply.code, reply.message, reply.issues));
  else {
    const err = new Error(reply.message);
    if (reply.stack !== undefined) err.stack = reply.stack;
    reject(err);
  }
}

/**
 * Wires a pool's worker: its replies go to `onReply`, and its crash or exit to `onLost` with why
 * (the pool fails the running job and replaces the worker on the next one).
 * @example watchWorker(worker, (r) => this.finish(slot, r), (why) => lost(why))
 */
export function watchWorker(worker: Worker, onReply: (reply: WorkerReply) => void, onLost: (why: string) => void): void {
  worker.on('message', onReply);
  worker.on('error', (err) => onLost(err.message));
  worker.on('exit', (code) => onLost(`exit code ${code}`));
}
