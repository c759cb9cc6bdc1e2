import { Worker } from 'node:worker_threads';
import { availableParallelism } from 'node:os';
import type { CheckJobMessage, CheckReply, CheckTask, CheckWorkerData } from './check-protocol.ts';
import { settleReply, watchWorker } from './worker-reply.ts';
import { busyError, timeoutError, workerLostError } from './check-words.ts';

const BOOTSTRAP = new URL('./worker-bootstrap.mjs', import.meta.url);
const CHECK_WORKER = new URL('./check-worker.ts', import.meta.url);

/** Default check threads: 1 or 2 (a check is short; fits and the optimizer have their own threads). */
export const DEFAULT_CHECK_THREADS = Math.min(2, Math.max(1, availableParallelism() - 1));
/** Default checks that may wait for a thread; one more is refused with 503 BUSY. */
export const DEFAULT_CHECK_QUEUE = 16;
/** Default longest check: a worker still busy after it is terminated and the request refused. */
export const DEFAULT_CHECK_TIMEOUT_MS = 120_000;

/** Options of a CheckPool. */
export interface CheckPoolOptions {
  readonly size?: number;
  readonly maxQueue?: number;
  readonly timeoutMs?: number;
  /** The worker module (default check-worker.ts; tests give their own). */
  readonly workerUrl?: URL;
}

interface Job {
  readonly message: CheckJobMessage;
  readonly resolve: (result: unknown) => void;
  readonly reject: (err: Error) => void;
}

interface Slot {
  worker?: Worker;
  job?: Job;
  timer?: NodeJS.Timeout;
}

/**
 * Runs file checks (an upload's inspection, role checks) on worker threads, so that a file that takes
 * seconds to check never blocks the event loop: health checks, progress events and other requests
 * keep answering. At most `size` checks run at once; up to `maxQueue` more wait, and one beyond that is
 * refused with 503 BUSY. A check still running after `timeoutMs` has its worker terminated (a new one
 * starts on the next check) and is refused with 422; a report (kind 'report') with 500, its messages
 * speaking of the report (check-words.ts). Idle workers are unref'd.
 */
export class CheckPool<Task = CheckTask> {
  private readonly slots: Slot[];
  private readonly queue: Job[] = [];
  private readonly maxQueue: number;
  private readonly timeoutMs: number;
  private readonly workerUrl: URL;
  private nextId = 0;
  private closed = false;

  constructor(options: CheckPoolOptions = {}) {
    this.slots = Array.from({ length: Math.max(1, Math.floor(options.size ?? DEFAULT_CHECK_THREADS)) }, () => ({}));
    this.maxQueue = Math.max(0, Math.floor(options.maxQueue ?? DEFAULT_CHECK_QUEUE));
    this.timeoutMs = Math.max(1, options.timeoutMs ?? DEFAULT_CHECK_TIMEOUT_MS);
    this.workerUrl = options.workerUrl ?? CHECK_WORKER;
  }

  /**
   * Runs one check on a worker thread.
   * @returns the worker's result (a structured clone)
   * @throws ApiHttpError BUSY (503) when the queue is full, INVALID_DATA (422; INTERNAL 500 for a report) after the time limit, or as
   *   the worker threw it; Error for a worker failure (500)
   */
  run<T>(task: Task): Promise<T> {
    if (this.closed) return Promise.reject(new Error('the server is shutting down'));
    const idle = this.slots.some((s) => s.job === undefined);
    if (!idle && this.queue.length >= this.maxQueue) {
      return Promise.reject(busyError(task, this.slots.length + this.queue.length));
    }
    return new Promise<T>((resolve, reject) => {
      this.queue.push({ message: { id: this.nextId++, task: task as CheckTask }, resolve: resolve as (r: unknown) => void, reject });
      this.pump();
    });
  }

  /** Terminates the workers; running and waiting checks are rejected. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    const gone = new Error('the server is shutting down');
    for (const job of this.queue.splice(0)) job.reject(gone);
    await Promise.all(this.slots.map(async (slot) => {
      const { worker, job } = slot;
      clearTimeout(slot.timer);
      slot.worker = undefined;
      slot.job = undefined;
      job?.reject(gone);
      await worker?.terminate();
    }));
  }

  private pump(): void {
    for (const slot of this.slots) {
      if (slot.job !== undefined) continue;
      const job = this.queue.shift();
      if (job === undefined) return;
      const worker = slot.worker ?? this.spawn(slot);
      slot.job = job;
      slot.timer = setTimeout(() => this.timeOut(slot, job), this.timeoutMs);
      slot.timer.unref();
      worker.ref();
      worker.postMessage(job.message);
    }
  }

  private timeOut(slot: Slot, job: Job): void {
    if (slot.job !== job) return;
    const worker = slot.worker;
    slot.worker = undefined;
    slot.job = undefined;
    // The check cannot be interrupted inside the worker: the worker goes, a fresh one takes the next check.
    void worker?.terminate();
    job.reject(timeoutError(job.message.task, this.timeoutMs));
    if (!this.closed) this.pump();
  }

  private spawn(slot: Slot): Worker {
    const data: CheckWorkerData = { moduleUrl: this.workerUrl.href };
    const worker = new Worker(BOOTSTRAP, { workerData: data });
    slot.worker = worker;
    const lost = (why: string): void => {
      if (slot.worker !== worker) return;
      clearTimeout(slot.timer);
      slot.worker = undefined;
      const job = slot.job;
      slot.job = undefined;
      job?.reject(workerLostError(job.message.task, why));
      if (!this.closed) this.pump();
    };
    watchWorker(worker, (reply) => this.finish(slot, reply), lost);
    return worker;
  }

  private finish(slot: Slot, reply: CheckReply): void {
    const job = slot.job;
    if (job === undefined || job.message.id !== reply.id) return;
    clearTimeout(slot.timer);
    slot.job = undefined;
    slot.worker?.unref();
    settleReply(reply, job.resolve, job.reject);
    this.pump();
  }
}
