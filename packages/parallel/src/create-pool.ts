import { Worker } from 'node:worker_threads';
import { availableParallelism } from 'node:os';
import type { BatchEvaluator } from '@mixwise/engine';
import type { FromWorker, ToWorker, WorkerStartData } from './protocol.ts';

/** Options of a generic evaluator pool. */
export interface PoolOptions<I> {
  /** A module that calls serveEvaluator (a .ts file is fine: workers load it through tsx). */
  readonly workerUrl: URL;
  /** Payload given to every worker once (structured clone), e.g. the SearchProblem. */
  readonly init: I;
  /** Number of worker threads (default: os.availableParallelism()). */
  readonly size?: number;
}

/** A started pool: a BatchEvaluator with the dimensions the workers reported. */
export interface EvaluatorPool extends BatchEvaluator {
  readonly size: number;
  readonly nParams: number;
  readonly nObjectives: number;
}

const BOOTSTRAP = new URL('./worker-bootstrap.mjs', import.meta.url);

interface Slot {
  readonly worker: Worker;
  readonly pending: Map<number, { resolve: (out: Float64Array) => void; reject: (err: Error) => void }>;
}

/**
 * Starts `size` worker threads that each build an evaluator from `init` (see serveEvaluator), and
 * returns a BatchEvaluator that splits each batch into contiguous slices of candidates, one per worker,
 * and reassembles the objectives in candidate order. Each candidate is evaluated by the same code on
 * the same inputs as in a single thread, so results are bit-identical to single-thread evaluation.
 * Idle workers are unref'd, so a forgotten pool never keeps the process alive; close() terminates them.
 * @param options worker module, init payload, size
 * @returns the pool once every worker is ready
 * @throws Error when a worker fails to start or to build its evaluator (all workers are then terminated)
 * @example const pool = await createPool({ workerUrl: new URL('./search-worker.ts', import.meta.url), init: problem, size: 2 });
 */
export async function createPool<I>(options: PoolOptions<I>): Promise<EvaluatorPool> {
  const size = Math.max(1, Math.floor(options.size ?? availableParallelism()));
  const start: WorkerStartData<I> = { moduleUrl: options.workerUrl.href, init: options.init };
  const slots: Slot[] = [];
  let broken: Error | undefined;
  let closed = false;
  const fail = (slot: Slot, err: Error): void => {
    broken ??= err;
    for (const p of slot.pending.values()) p.reject(err);
    slot.pending.clear();
  };
  const ready = Array.from({ length: size }, () => new Promise<{ nParams: number; nObjectives: number }>((resolveReady, rejectReady) => {
    const worker = new Worker(BOOTSTRAP, { workerData: start });
    const slot: Slot = { worker, pending: new Map() };
    slots.push(slot);
    worker.on('message', (message: FromWorker) => {
      if (message.type === 'ready') {
        worker.unref();
        resolveReady({ nParams: message.nParams, nObjectives: message.nObjectives });
      } else if (message.type === 'failed') {
        rejectReady(new Error(`worker could not start: ${message.message}`));
      } else {
        const p = slot.pending.get(message.id);
        if (p === undefined) return;
        slot.pending.delete(message.id);
        if (slot.pending.size === 0) worker.unref();
        if (message.type === 'result') p.resolve(message.out);
        else p.reject(new Error(`worker failed to evaluate: ${message.message}`));
      }
    });
    worker.on('error', (err) => {
      rejectReady(err);
      fail(slot, new Error(`worker crashed: ${err.message}`));
    });
    worker.on('exit', (code) => {
      const err = new Error(`worker exited unexpectedly (code ${code})`);
      rejectReady(err);
      if (!closed) fail(slot, err);
    });
  }));
  const close = async (): Promise<void> => {
    if (closed) return;
    closed = true;
    await Promise.all(slots.map((s) => s.worker.terminate()));
  };
  let dims: { nParams: number; nObjectives: number };
  try {
    [dims] = await Promise.all(ready);
  } catch (err) {
    await close();
    throw err;
  }
  let nextId = 0;
  const run = (slot: Slot, params: Float64Array, nCandidates: number): Promise<Float64Array> =>
    new Promise((resolveRun, rejectRun) => {
      const id = nextId++;
      slot.pending.set(id, { resolve: resolveRun, reject: rejectRun });
      slot.worker.ref();
      const message: ToWorker = { type: 'evaluate', id, params, nCandidates };
      slot.worker.postMessage(message, [params.buffer as ArrayBuffer]);
    });
  return {
    size,
    nParams: dims.nParams,
    nObjectives: dims.nObjectives,
    async evaluate(params: Float64Array, nCandidates: number): Promise<Float64Array> {
      if (closed) throw new Error('the worker pool is closed');
      if (broken !== undefined) throw broken;
      const { nParams, nObjectives } = dims;
      if (params.length < nCandidates * nParams) {
        throw new RangeError(`evaluate: params has ${params.length} values, need ${nCandidates} × ${nParams}`);
      }
      const out = new Float64Array(nCandidates * nObjectives);
      const chunk = Math.ceil(nCandidates / size);
      const jobs: Promise<void>[] = [];
      for (let w = 0, first = 0; w < size && first < nCandidates; w++, first += chunk) {
        const count = Math.min(chunk, nCandidates - first);
        const slice = params.slice(first * nParams, (first + count) * nParams);
        const at = first * nObjectives;
        jobs.push(run(slots[w], slice, count).then((part) => out.set(part, at)));
      }
      await Promise.all(jobs);
      return out;
    },
    close,
  };
}
