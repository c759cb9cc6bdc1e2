import { EngineError } from '../errors.ts';

/**
 * The part of an AbortSignal the engine reads. Declared here because the engine compiles without DOM
 * or Node types; a DOM or Node AbortSignal fits it.
 */
export interface CancelSignal {
  readonly aborted: boolean;
}

/** The two ways a caller can cancel a fit: an AbortSignal, or a callback polled between steps. */
export interface Cancellation {
  readonly signal?: CancelSignal;
  readonly isCancelled?: () => boolean;
}

/**
 * One check for both ways of cancelling: true once the signal has aborted or the callback returns true.
 * @example const cancelled = cancelCheck({ signal: controller.signal }); cancelled() // false until abort()
 */
export function cancelCheck(c: Cancellation): () => boolean {
  const { signal, isCancelled } = c;
  return () => signal?.aborted === true || isCancelled?.() === true;
}

/**
 * Throw EngineError CANCELLED when the check says so.
 * @param check from cancelCheck (or a caller's isCancelled); undefined never cancels
 * @param what what was cancelled, for the message
 */
export function throwIfCancelled(check: (() => boolean) | undefined, what = 'the fit'): void {
  if (check?.() === true) throw new EngineError('CANCELLED', `${what} was cancelled`);
}

/** Milliseconds of work between two turns of the event loop: short enough for timers and messages, long enough to cost little. */
export const WORK_SLICE_MS = 25;

type Schedule = (resume: () => void) => void;
interface HostTimers {
  setImmediate?: (f: () => void) => unknown;
  setTimeout?: (f: () => void, ms: number) => unknown;
  MessageChannel?: new () => { port1: { onmessage: (() => void) | null; close(): void }; port2: { postMessage(v: unknown): void; close(): void } };
}

/**
 * A macrotask scheduler from what the host has: setImmediate (Node) runs pending timers and I/O without
 * setTimeout's 1 ms floor; a MessageChannel (browsers, workers) avoids the 4 ms clamp of nested timeouts.
 */
function hostSchedule(): Schedule {
  const g = globalThis as unknown as HostTimers;
  if (typeof g.setImmediate === 'function') { const si = g.setImmediate; return (resume) => { si(resume); }; }
  if (typeof g.MessageChannel === 'function') {
    const MC = g.MessageChannel;
    return (resume) => {
      const ch = new MC();
      ch.port1.onmessage = () => { ch.port1.close(); ch.port2.close(); resume(); };
      ch.port2.postMessage(0);
    };
  }
  if (typeof g.setTimeout === 'function') { const st = g.setTimeout; return (resume) => { st(resume, 0); }; }
  return (resume) => { resume(); };
}

/**
 * A pause for long synchronous work: awaiting it lets the event loop run (an abort timer, a worker's
 * message) once at least `sliceMs` of work has passed since the last turn, and costs almost nothing
 * otherwise. It never changes results: the work resumes exactly where it stopped.
 * @param sliceMs work between turns (default WORK_SLICE_MS)
 * @example const pause = createPause(); for (const batch of batches) { work(batch); await pause(); }
 */
export function createPause(sliceMs = WORK_SLICE_MS): () => Promise<void> {
  const schedule = hostSchedule();
  let last = Date.now();
  return async () => {
    if (Date.now() - last < sliceMs) return;
    await new Promise<void>((resolve) => schedule(resolve));
    last = Date.now();
  };
}
