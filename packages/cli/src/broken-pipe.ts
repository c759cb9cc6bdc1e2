// A reader that stops early (`mixwise optimize --help | head -1`) closes the pipe under us: the
// next write fails with EPIPE, emitted as an 'error' event that would otherwise crash the process
// with a stack trace. Unix tools stay quiet then, so we drop the rest of the output and carry on:
// the exit code stays the command's own, and files it writes (--out) are still complete.
import type { EventEmitter } from 'node:events';

/**
 * Makes a closed pipe on `stream` harmless: EPIPE errors are swallowed (later writes to the
 * destroyed stream are dropped by Node without a further event); any other error is rethrown.
 * @param stream process.stdout or process.stderr
 * @example ignoreBrokenPipe(process.stdout)
 */
export function ignoreBrokenPipe(stream: EventEmitter): void {
  stream.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') return;
    throw err;
  });
}
