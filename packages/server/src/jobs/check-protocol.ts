import type { WorkerReply } from './worker-reply.ts';
import type { CleaningChoice, Roles } from '@mixwise/contracts';

/** One file check run off the event loop: an upload's inspection, a role check, or a report's rendering. */
export type CheckTask =
  | { readonly kind: 'inspect'; readonly path: string; readonly fileName: string }
  | { readonly kind: 'roles'; readonly csvPath: string; readonly fileName: string; readonly roles: Roles; readonly cleaning: readonly CleaningChoice[]; readonly pairExposure?: boolean }
  // A run folder's HTML report (renderReport of readRun), when report.html is missing or stale.
  | { readonly kind: 'report'; readonly dir: string };

/** workerData of a check worker. */
export interface CheckWorkerData {
  /** The worker module the bootstrap imports. */
  readonly moduleUrl: string;
}

/** Main thread → worker: one task. */
export interface CheckJobMessage {
  readonly id: number;
  readonly task: CheckTask;
}

/** Worker → main thread: the result (structured clone), an API error to send as it is, or an internal failure (500). */
/** A check worker's answer (the shared worker reply). */
export type CheckReply = WorkerReply;
