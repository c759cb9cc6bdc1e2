import { Worker } from 'node:worker_threads';
import { availableParallelism } from 'node:os';
import { mkdir, readdir, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { FitOptions, RunManifest } from '@mixwise/contracts';
import type { ModelingTable, ModelSource } from '@mixwise/engine';
import { STAGING_DIR, type RunRegistry } from '../runs/run-registry.ts';
import { ApiHttpError } from '../http/api-http-error.ts';
import type { FitWorkerData, FitWorkerMessage } from './fit-protocol.ts';

const BOOTSTRAP = new URL('./worker-bootstrap.mjs', import.meta.url);
const FIT_WORKER = new URL('./fit-worker.ts', import.meta.url);


/** Default number of fits that may wait for a slot; one more is refused with 503 BUSY (each holds its table in memory). */
export const DEFAULT_FIT_QUEUE = 16;

interface Job {
  readonly id: string;
  readonly table: ModelingTable;
  readonly options: FitOptions;
  readonly source?: ModelSource;
  worker?: Worker;
  /** The worker finished and its files are being moved into place: too late to cancel. */
  finishing: boolean;
  readonly settled: Promise<void>;
  settle(): void;
}

/**
 * Runs fits in worker threads, one worker per run, at most `concurrency` at a time (the others wait,
 * queued); each fit worker evaluates its search and runs its NUTS chains on `threads` threads of its own
 * (@mixwise/parallel, as `mixwise fit` does), which end with it when it is terminated. A worker writes the run files into `<run>/.staging`; when it is done each file is renamed
 * into the run folder (atomic per file) and only then is the run marked done, so a run folder never
 * shows a half-written result. Cancelling terminates the worker and removes the staging folder.
 */
export class FitJobs {
  private readonly queue: Job[] = [];
  private readonly running = new Map<string, Job>();
  private readonly registry: RunRegistry;
  private readonly concurrency: number;
  private readonly threads: number;
  private readonly maxQueue: number;

  /**
   * @param registry the run registry
   * @param concurrency fits run at the same time (default 1)
   * @param threads worker threads each fit uses for its search and chains (default: the number of cores)
   * @param maxQueue fits that may wait for a slot (default DEFAULT_FIT_QUEUE)
   */
  constructor(registry: RunRegistry, concurrency = 1, threads = availableParallelism(), maxQueue = DEFAULT_FIT_QUEUE) {
    this.registry = registry;
    this.concurrency = Math.max(1, concurrency);
    this.threads = Math.max(1, Math.floor(threads));
    this.maxQueue = Math.max(0, Math.floor(maxQueue));
  }

  /**
   * Refuses a new fit when every slot is taken and the queue is full.
   * @throws ApiHttpError BUSY (503, Retry-After 30 s) naming the fits running and waiting
   */
  ensureRoom(): void {
    if (this.running.size < this.concurrency || this.queue.length < this.maxQueue) return;
    throw new ApiHttpError('BUSY', `the server is busy: ${this.running.size} fit${this.running.size === 1 ? ' is' : 's are'} running and ${this.queue.length} waiting (at most ${this.maxQueue}); `
      + 'wait for one to finish or cancel one, then train again', undefined, 30);
  }

  /**
   * Registers a queued run (writes its run.json) and starts it when a slot is free.
   * @param manifest the new run's manifest (status queued)
   * @param table the validated modeling table
   * @param options fit options, lift tests included (checked against the table by the route); the worker
   *   builds its spec from them with runSpec, as `mixwise fit` does
   * @param source the uploaded file (name and hash) the model records
   * @throws ApiHttpError BUSY when the queue is full (ensureRoom)
   */
  async start(manifest: RunManifest, table: ModelingTable, options: FitOptions, source?: ModelSource): Promise<void> {
    this.ensureRoom();
    await mkdir(join(this.registry.runsDir, manifest.id, STAGING_DIR), { recursive: true });
    await this.registry.create(manifest);
    let settle = (): void => undefined;
    const settled = new Promise<void>((r) => { settle = r; });
    this.queue.push({ id: manifest.id, table, options, ...(source ? { source } : {}), finishing: false, settled, settle });
    this.pump();
  }

  /**
   * Cancels a queued or running fit: the worker is terminated, the staging folder removed, the run
   * marked cancelled.
   * @returns the manifest after the call (unchanged when the run had already finished)
   */
  async cancel(id: string): Promise<RunManifest | undefined> {
    const queued = this.queue.findIndex((j) => j.id === id);
    if (queued >= 0) {
      const [job] = this.queue.splice(queued, 1);
      await this.finish(job, { status: 'cancelled' });
      return this.registry.get(id);
    }
    const job = this.running.get(id);
    if (job !== undefined && !job.finishing) {
      await this.registry.update(id, { status: 'cancelled', finishedAt: new Date().toISOString(), error: null });
      await job.worker?.terminate();
      await job.settled;
    }
    return this.registry.get(id);
  }

  /** Resolves when the run's job has ended (immediately for a run without a job). */
  async settled(id: string): Promise<void> {
    const job = this.running.get(id) ?? this.queue.find((j) => j.id === id);
    await job?.settled;
  }

  /** Cancels every queued and running fit (server shutdown). */
  async close(): Promise<void> {
    for (const j of [...this.queue]) await this.cancel(j.id);
    await Promise.all([...this.running.keys()].map((id) => this.cancel(id)));
  }

  private pump(): void {
    while (this.running.size < this.concurrency && this.queue.length > 0) {
      const job = this.queue.shift() as Job;
      this.running.set(job.id, job);
      void this.run(job);
    }
  }

  private async run(job: Job): Promise<void> {
    const outDir = join(this.registry.runsDir, job.id, STAGING_DIR);
    // 'starting' (no count) until the worker reports the search's first step and its size.
    await this.registry.update(job.id, { status: 'running', startedAt: new Date().toISOString(), progress: { done: 0, total: 0, phase: 'starting' } });
    const data: FitWorkerData = { moduleUrl: FIT_WORKER.href, table: job.table, options: job.options, outDir, threads: this.threads, ...(job.source ? { source: job.source } : {}) };
    const worker = new Worker(BOOTSTRAP, { workerData: data });
    job.worker = worker;
    let ended = false;
    const end = async (patch: Parameters<FitJobs['finish']>[1]): Promise<void> => {
      if (ended) return;
      ended = true;
      await this.finish(job, patch);
    };
    worker.on('message', (m: FitWorkerMessage) => {
      if (m.type === 'progress') {
        void this.registry.update(job.id, { progress: { done: m.done, total: m.total, phase: m.phase } });
      } else if (m.type === 'done') {
        job.finishing = true;
        void this.moveIn(outDir, join(this.registry.runsDir, job.id))
          .then(() => end({ status: 'done' }), (err: Error) => end({ status: 'failed', error: { code: 'WRITE_FAILED', message: err.message } }))
          .finally(() => void worker.terminate());
      } else {
        void end({ status: 'failed', error: { code: m.code, message: m.message } });
      }
    });
    worker.on('error', (err) => void end({ status: 'failed', error: { code: 'WORKER_CRASHED', message: err.message } }));
    worker.on('exit', (code) => {
      if (!job.finishing) void end({ status: 'failed', error: { code: 'WORKER_EXITED', message: `the fit worker stopped (exit code ${code})` } });
    });
  }

  /** Renames every entry of the staging folder into the run folder, then removes the staging folder. */
  private async moveIn(staging: string, folder: string): Promise<void> {
    for (const name of await readdir(staging)) {
      if (name.startsWith('.')) continue; // temporary files of atomic writes
      await rm(join(folder, name), { recursive: true, force: true });
      await rename(join(staging, name), join(folder, name));
    }
  }

  /** Ends a job: removes its staging folder, records the final status, frees the slot. */
  private async finish(job: Job, patch: { status: 'done' | 'failed' | 'cancelled'; error?: { code: string; message: string } }): Promise<void> {
    await rm(join(this.registry.runsDir, job.id, STAGING_DIR), { recursive: true, force: true }).catch(() => undefined);
    const m = this.registry.get(job.id);
    await this.registry.update(job.id, {
      status: patch.status, finishedAt: new Date().toISOString(), error: patch.error ?? null,
      progress: patch.status === 'done' ? { done: 1, total: 1, phase: 'done' } : (m?.progress ?? { done: 0, total: 0, phase: 'queued' }),
    });
    this.running.delete(job.id);
    job.settle();
    this.pump();
  }
}
