import { Worker } from 'node:worker_threads';
import { availableParallelism } from 'node:os';
import { ApiHttpError } from '../http/api-http-error.ts';
import type { ModelRef, OptimizerJobMessage, OptimizerReply, OptimizerTask, OptimizerWorkerData } from './optimizer-protocol.ts';
import { settleReply, watchWorker } from '../jobs/worker-reply.ts';

const BOOTSTRAP = new URL('../jobs/worker-bootstrap.mjs', import.meta.url);
const OPTIMIZER_WORKER = new URL('./optimizer-worker.ts', import.meta.url);

/** Default optimizer threads: 2 to 4, one core left for the event loop and fits where there are more. */
export const DEFAULT_OPTIMIZER_THREADS = Math.min(4, Math.max(2, availableParallelism() - 1));
/** Default number of optimizer calls that may wait for a thread; one more is refused with 503 BUSY. */
export const DEFAULT_OPTIMIZER_QUEUE = 16;

interface Job {
  readonly id: number;
  readonly message: OptimizerJobMessage;
  readonly resolve: (result: unknown) => void;
  readonly reject: (err: Error) => void;
  readonly signal?: AbortSignal;
}

interface Slot {
  worker?: Worker;
  job?: Job;
  started: number;
}

/**
 * Runs the optimizer routes' computations (/optimize, /plan, /scenarios) on worker threads, so that a
 * long plan never blocks the event loop (health checks, uploads, progress events keep answering).
 * At most `size` calls run at once, one per worker; up to `maxQueue` more wait (/optimize calls
 * first, then in order of arrival), and a call
 * beyond that is refused at once with 503 BUSY and a Retry-After estimated from recent durations.
 * Workers start on first use, keep the models they read, and are unref'd while idle; a worker that
 * crashes fails its call (500) and is replaced on the next one. The answer is computed by the same
 * code on the same model as in the main thread (runOptimizerTask), so it is the same.
 */
export class OptimizerPool {
  private readonly slots: Slot[];
  private readonly queue: Job[] = [];
  private readonly maxQueue: number;
  private nextId = 0;
  private closed = false;
  /** Running mean of call durations (ms), for Retry-After. */
  private meanMs = 1000;

  /**
   * @param size worker threads (default DEFAULT_OPTIMIZER_THREADS)
   * @param maxQueue calls that may wait for a thread (default DEFAULT_OPTIMIZER_QUEUE)
   */
  constructor(size = DEFAULT_OPTIMIZER_THREADS, maxQueue = DEFAULT_OPTIMIZER_QUEUE) {
    this.slots = Array.from({ length: Math.max(1, Math.floor(size)) }, () => ({ started: 0 }));
    this.maxQueue = Math.max(0, Math.floor(maxQueue));
  }

  /** Calls running and waiting now. */
  get load(): { running: number; waiting: number } {
    return { running: this.slots.filter((s) => s.job !== undefined).length, waiting: this.queue.length };
  }

  /**
   * Runs one call on a worker thread.
   * @param model the run's model.json
   * @param task the route and its parsed request
   * @param signal aborts the call while it waits (the client went away); a running call finishes
   * @returns the answer's body
   * @throws ApiHttpError BUSY (503, retryAfter set) when the queue is full; the route's ApiHttpError
   *   (INFEASIBLE, BAD_REQUEST) as the worker threw it; Error for a worker failure (500)
   */
  run(model: ModelRef, task: OptimizerTask, signal?: AbortSignal): Promise<unknown> {
    if (this.closed) return Promise.reject(new Error('the optimizer is shut down'));
    const idle = this.slots.some((s) => s.job === undefined);
    if (!idle && this.queue.length >= this.maxQueue) {
      const { running, waiting } = this.load;
      const seconds = Math.min(60, Math.max(1, Math.ceil(((waiting + 1) * this.meanMs) / this.slots.length / 1000)));
      return Promise.reject(new ApiHttpError('BUSY',
        `the server is busy: ${running} optimizer calls are running and ${waiting} are waiting; try again in ${seconds} s`, undefined, seconds));
    }
    return new Promise((resolve, reject) => {
      const id = this.nextId++;
      const job: Job = { id, message: { id, model, task }, resolve, reject, ...(signal ? { signal } : {}) };
      signal?.addEventListener('abort', () => {
        const k = this.queue.indexOf(job);
        if (k < 0) return;
        this.queue.splice(k, 1);
        reject(new Error('the request was closed before its turn'));
      }, { once: true });
      this.queue.push(job);
      this.pump();
    });
  }

  /** Terminates the workers; running and waiting calls are rejected. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    const gone = new Error('the server is shutting down');
    for (const job of this.queue.splice(0)) job.reject(gone);
    await Promise.all(this.slots.map(async (slot) => {
      const { worker, job } = slot;
      slot.worker = undefined;
      slot.job = undefined;
      job?.reject(gone);
      await worker?.terminate();
    }));
  }

  /**
   * The next call to run: the oldest /optimize call, else the oldest call. An /optimize answers a
   * slider or a button in milliseconds, while a long plan or a scenario sweep can take seconds, so a
   * person waiting on the first is not kept behind a queue of the second.
   */
  private next(): Job | undefined {
    const quick = this.queue.findIndex((j) => j.message.task.route === 'optimize');
    return this.queue.splice(quick < 0 ? 0 : quick, 1)[0];
  }

  private pump(): void {
    for (const slot of this.slots) {
      if (slot.job !== undefined) continue;
      const job = this.next();
      if (job === undefined) return;
      const worker = slot.worker ?? this.spawn(slot);
      slot.job = job;
      slot.started = Date.now();
      worker.ref();
      worker.postMessage(job.message);
    }
  }

  private spawn(slot: Slot): Worker {
    const data: OptimizerWorkerData = { moduleUrl: OPTIMIZER_WORKER.href };
    const worker = new Worker(BOOTSTRAP, { workerData: data });
    slot.worker = worker;
    const lost = (why: string): void => {
      if (slot.worker !== worker) return;
      slot.worker = undefined;
      const job = slot.job;
      slot.job = undefined;
      job?.reject(new Error(`the optimizer worker stopped: ${why}`));
      if (!this.closed) this.pump();
    };
    watchWorker(worker, (reply) => this.finish(slot, reply), lost);
    return worker;
  }

  private finish(slot: Slot, reply: OptimizerReply): void {
    const job = slot.job;
    if (job === undefined || job.id !== reply.id) return;
    slot.job = undefined;
    this.meanMs = 0.8 * this.meanMs + 0.2 * (Date.now() - slot.started);
    slot.worker?.unref();
    settleReply(reply, job.resolve, job.reject);
    this.pump();
  }
}
