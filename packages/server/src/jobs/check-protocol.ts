import type { ApiErrorCode, CleaningChoice, Issue, Roles } from '@mixwise/contracts';

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
export type CheckReply =
  | { readonly id: number; readonly type: 'result'; readonly result: unknown }
  | { readonly id: number; readonly type: 'api-error'; readonly code: ApiErrorCode; readonly message: string; readonly issues?: Issue[] }
  | { readonly id: number; readonly type: 'failed'; readonly message: string; readonly stack?: string };
