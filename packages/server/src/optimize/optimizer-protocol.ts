import type { WorkerReply } from '../jobs/worker-reply.ts';
import type { OptimizeRequest, PlanRequest, ScenarioRequest } from '@mixwise/contracts';

/** One optimizer call: the route and its parsed request. */
export type OptimizerTask =
  | { readonly route: 'optimize'; readonly request: OptimizeRequest }
  | { readonly route: 'plan'; readonly request: PlanRequest }
  | { readonly route: 'scenarios'; readonly request: ScenarioRequest };

/** A run's model.json as a worker finds it: the run folder, and the file's identity (a changed file is read again). */
export interface ModelRef {
  readonly folder: string;
  /** The model.json path (real path), the cache key. */
  readonly path: string;
  /** mtime and size of model.json when the request came in. */
  readonly stamp: string;
}

/** workerData of an optimizer worker. */
export interface OptimizerWorkerData {
  /** The worker module the bootstrap imports. */
  readonly moduleUrl: string;
}

/** Main thread → worker: one job. */
export interface OptimizerJobMessage {
  readonly id: number;
  readonly model: ModelRef;
  readonly task: OptimizerTask;
}

/** Worker → main thread: the answer's body, an API error (422, 400 …) to send as it is, or an internal failure (500). */
/** An optimizer worker's answer (the shared worker reply; it sends no stack). */
export type OptimizerReply = WorkerReply;
