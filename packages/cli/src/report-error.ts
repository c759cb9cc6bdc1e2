import { CommanderError } from 'commander';
import { createColors } from 'picocolors';
import { DataError } from '@mixwise/data';
import { EngineError } from '@mixwise/engine';
import type { CliIo } from './io.ts';
import type { ExitCode } from './exit-codes.ts';
import { EXIT_CODES } from './exit-codes.ts';
import { UsageError } from './usage-error.ts';
import { useColor } from './io.ts';
import { renderIssues } from './render/issues.ts';
import { errorNotes } from './error-notes.ts';

/** File-system error codes that mean "the user's paths or disk", not a bug. */
const USER_FS_CODES = new Set(['ENOENT', 'EACCES', 'EPERM', 'EROFS', 'ENOSPC', 'EISDIR', 'ENOTDIR', 'EEXIST', 'EDQUOT', 'EMFILE', 'ENAMETOOLONG', 'ENOTEMPTY', 'EBUSY', 'EIO']);

/**
 * Reports a failure on stderr and gives the exit code: DataError → the issues, 1; EngineError (the
 * engine refusing its input) → its message, 1; file-system errors on the user's paths → 1;
 * UsageError and commander's own errors → 2 (commander has already printed its message; help and
 * version exit 0); anything else → a one-line message with a "this is a bug" hint, 3, plus the stack
 * trace when MIXWISE_DEBUG=1. Notes attached to the error (addErrorNote) follow, one `note:` line each.
 * @param err what was thrown
 * @param io where to write
 * @returns the exit code
 * @example reportError(new UsageError('--channels needs at least one column', 'fit'), io) // 2
 */
export function reportError(err: unknown, io: CliIo): ExitCode {
  const code = reportOnly(err, io);
  for (const note of errorNotes(err)) io.stderr.write(`note: ${note}\n`);
  return code;
}

function reportOnly(err: unknown, io: CliIo): ExitCode {
  const c = createColors(useColor(io.stderr, io.env));
  const say = (text: string): void => {
    io.stderr.write(text.endsWith('\n') ? text : text + '\n');
  };
  if (err instanceof CommanderError) return err.exitCode === 0 ? EXIT_CODES.OK : EXIT_CODES.USAGE;
  if (err instanceof UsageError) {
    say(`${c.red('error:')} ${err.message}`);
    say(c.dim(`(run "mixwise ${err.command === undefined ? '' : err.command + ' '}--help" for usage)`));
    return EXIT_CODES.USAGE;
  }
  if (err instanceof DataError) {
    say(renderIssues(err.issues, { color: useColor(io.stderr, io.env) }));
    return EXIT_CODES.BAD_INPUT;
  }
  if (err instanceof EngineError) {
    say(`${c.red('error:')} ${err.message} (${err.code})`);
    debugStack(err, io);
    return EXIT_CODES.BAD_INPUT;
  }
  const fsCode = (err as NodeJS.ErrnoException | null)?.code;
  if (err instanceof Error && typeof fsCode === 'string' && USER_FS_CODES.has(fsCode)) {
    say(`${c.red('error:')} ${err.message}`);
    debugStack(err, io);
    return EXIT_CODES.BAD_INPUT;
  }
  const message = err instanceof Error ? err.message : String(err);
  say(`${c.red('mixwise: internal error:')} ${message.split('\n')[0]}`);
  say(c.dim('this is a bug in mixwise: please report it with the command you ran (set MIXWISE_DEBUG=1 to see the stack trace)'));
  debugStack(err, io);
  return EXIT_CODES.INTERNAL;
}

function debugStack(err: unknown, io: CliIo): void {
  if (io.env.MIXWISE_DEBUG !== '1') return;
  io.stderr.write(`${err instanceof Error && err.stack !== undefined ? err.stack : String(err)}\n`);
}
