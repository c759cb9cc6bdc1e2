import { ApiHttpError } from '../http/api-http-error.ts';

// A report is rendered on the check threads too; its errors must speak of the report, not of a file
// check (and a slow report is the server's trouble, not invalid data sent by the client).

/** Whether a pool task renders a run's report (CheckTask kind 'report'). */
function isReport(task: unknown): boolean {
  return typeof task === 'object' && task !== null && (task as { kind?: unknown }).kind === 'report';
}

/**
 * The refusal of a task still running after the pool's time limit: a file check is 422 INVALID_DATA
 * (send less), a report 500 INTERNAL naming `mixwise report`, which writes it without a limit.
 * @example timeoutError({ kind: 'report', dir: '/runs/a' }, 120_000).status // 500
 */
export function timeoutError(task: unknown, timeoutMs: number): ApiHttpError {
  const seconds = (timeoutMs / 1000).toLocaleString('en-US', { maximumFractionDigits: 3 });
  return isReport(task)
    ? new ApiHttpError('INTERNAL', `rendering the report took longer than the limit of ${seconds} s: write it with mixwise report --model <run folder>, or raise checkTimeoutMs`)
    : new ApiHttpError('INVALID_DATA', `checking the file took longer than the limit of ${seconds} s: send fewer rows or columns`);
}

/**
 * The 503 BUSY refusal when every thread is busy and the queue is full, naming what was asked.
 * @example busyError({ kind: 'report', dir: '/runs/a' }, 18).message // 'the server is busy: 18 file checks or reports are running or waiting; try the report again in a few seconds'
 */
export function busyError(task: unknown, pending: number): ApiHttpError {
  const retry = isReport(task) ? 'try the report again in a few seconds' : 'try again in a few seconds';
  return new ApiHttpError('BUSY', `the server is busy: ${pending} file checks or reports are running or waiting; ${retry}`, undefined, 5);
}

/**
 * The error of a task whose worker thread stopped (a crash, out of memory).
 * @example workerLostError({ kind: 'report', dir: '/runs/a' }, 'exit code 1').message // 'the report worker stopped: exit code 1'
 */
export function workerLostError(task: unknown, why: string): Error {
  return new Error(`the ${isReport(task) ? 'report' : 'check'} worker stopped: ${why}`);
}
