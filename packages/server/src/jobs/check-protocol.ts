import type { WorkerReply } from './worker-reply.ts';
import type { CleaningChoice, Roles } from '@mixwise/contracts';

/** One file check run off the event loop: an upload's inspection, or a role check. */
export type CheckTask =
  | { readonly kind: 'inspect'; readonly path: string; readonly fileName: string }
  | { readonly kind: 'roles'; readonly csvPath: string; readonly fileName: string; readonly roles: Roles; readonly cleaning: readonly CleaningChoice[]; readonly pairExposure?: boolean };

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
