/**
 * A wrong command line that commander cannot catch by itself (e.g. an empty --channels list).
 * Reported as `error: <message>` with a pointer to --help, exit code 2.
 */
export class UsageError extends Error {
  /** The command whose help to point at (e.g. 'fit'). */
  readonly command: string | undefined;
  constructor(message: string, command?: string) {
    super(message);
    this.name = 'UsageError';
    this.command = command;
  }
}
