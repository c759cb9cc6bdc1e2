import cliProgress from 'cli-progress';
import type { CliIo } from '../io.ts';

/** A progress event, as the engine reports it (see the engine's Progress). */
export interface ProgressEvent {
  readonly phase: string;
  readonly done: number;
  readonly total: number;
}

/** Receives progress events; stop() ends the display (call it in a finally block). */
export interface ProgressReporter {
  update(event: ProgressEvent): void;
  stop(): void;
}

/**
 * Shows progress on stderr. On a terminal: a cli-progress bar per phase. Otherwise (CI logs, pipes):
 * a plain line each time a phase crosses another 10 % (`search: 40% (480/1200)`), so logs stay short
 * and readable. With `json` (machine output) or `quiet`: nothing at all.
 * @param io where to write (stderr) and whether it is a terminal
 * @param options json / quiet: show nothing
 * @example const p = createProgress(io, { json: false }); p.update({ phase: 'search', done: 120, total: 1200 }); p.stop();
 */
export function createProgress(io: CliIo, options: { json?: boolean; quiet?: boolean } = {}): ProgressReporter {
  if (options.json === true || options.quiet === true) return { update: () => undefined, stop: () => undefined };
  return io.stderr.isTTY === true ? barProgress(io) : lineProgress(io);
}

function lineProgress(io: CliIo): ProgressReporter {
  let phase = '';
  let lastDecile = -1;
  return {
    update({ phase: p, done, total }) {
      if (p !== phase) {
        phase = p;
        lastDecile = -1;
      }
      const decile = total > 0 ? Math.floor((10 * Math.min(done, total)) / total) : 10;
      if (decile <= lastDecile) return;
      lastDecile = decile;
      io.stderr.write(`${phase}: ${decile * 10}% (${done}/${total})\n`);
    },
    stop() {
      // Plain lines need no cleanup.
    },
  };
}

function barProgress(io: CliIo): ProgressReporter {
  const bar = new cliProgress.SingleBar({
    stream: io.stderr as NodeJS.WritableStream,
    format: '{phase} [{bar}] {percentage}% | {value}/{total} | {duration_formatted}',
    hideCursor: true,
    clearOnComplete: false,
    barsize: 30,
  }, cliProgress.Presets.shades_classic);
  let phase: string | undefined;
  return {
    update({ phase: p, done, total }) {
      if (p !== phase) {
        if (phase !== undefined) bar.stop();
        phase = p;
        bar.start(total, done, { phase: p.padEnd(9) });
        return;
      }
      if (bar.getTotal() !== total) bar.setTotal(total);
      bar.update(done);
    },
    stop() {
      if (phase !== undefined) bar.stop();
      phase = undefined;
    },
  };
}

/**
 * A reporter that shows nothing until `delayMs` have passed since it was made, then passes every event
 * on: work that is over in a moment prints no bar, and a long run (e.g. optimize's value of information
 * on a wide model with replicates) shows where it is from the first event after the delay on.
 * @param inner the reporter that shows the events (createProgress)
 * @param delayMs quiet time (default 1,000 ms)
 * @param now clock in ms (tests)
 * @example const p = patientProgress(createProgress(io)); p.update({ phase: 'scenarios', done: 3, total: 5 }); p.stop();
 */
export function patientProgress(inner: ProgressReporter, delayMs = 1000, now: () => number = Date.now): ProgressReporter {
  const start = now();
  return {
    update(event) {
      if (now() - start >= delayMs) inner.update(event);
    },
    stop() {
      inner.stop();
    },
  };
}
