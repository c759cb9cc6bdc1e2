import type { EngineMessage, EngineReply, EngineRequest, EngineResults } from './protocol.ts';

/** A result from the worker with the time it took: `ms` round trip seen by the page, `workerMs` inside the worker. */
export interface Timed<T> {
  readonly result: T;
  readonly ms: number;
  readonly workerMs: number;
}

/** The minimal port the client needs; a Worker satisfies it (and so does a fake in tests). */
export interface EnginePort {
  postMessage(message: EngineMessage): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<EngineReply>) => void): void;
  terminate?(): void;
}

/** Promise-based access to the engine worker. */
export interface EngineClient {
  request<R extends EngineRequest>(request: R): Promise<Timed<EngineResults[R['type']]>>;
  dispose(): void;
}

/**
 * Wrap a worker port in promises: each request gets an id, and the reply with that id resolves
 * (or rejects) it, with the round-trip time measured by performance.now().
 * @example await createEngineClient(worker).request({ type: 'whatIf', spend: [1, 2] })
 */
export function createEngineClient(port: EnginePort, now: () => number = () => performance.now()): EngineClient {
  let next = 1;
  const pending = new Map<number, { resolve: (v: Timed<unknown>) => void; reject: (e: Error) => void; t0: number }>();
  port.addEventListener('message', (event) => {
    const reply = event.data;
    const p = pending.get(reply.id);
    if (!p) return;
    pending.delete(reply.id);
    if (reply.ok) p.resolve({ result: reply.result, ms: now() - p.t0, workerMs: reply.ms });
    else p.reject(new Error(reply.error));
  });
  return {
    request<R extends EngineRequest>(request: R) {
      const id = next++;
      return new Promise<Timed<EngineResults[R['type']]>>((resolve, reject) => {
        pending.set(id, { resolve: resolve as (v: Timed<unknown>) => void, reject, t0: now() });
        port.postMessage({ ...request, id });
      });
    },
    dispose() {
      for (const p of pending.values()) p.reject(new Error('engine worker stopped'));
      pending.clear();
      port.terminate?.();
    },
  };
}

/** Start the engine worker (bundled by Vite as a module worker). */
export function startEngineWorker(): EngineClient {
  const worker = new Worker(new URL('./engine-worker.ts', import.meta.url), { type: 'module', name: 'mixwise-engine' });
  return createEngineClient(worker as unknown as EnginePort);
}
