/** A writable text stream as the CLI needs it (process.stdout, or a capture in tests). */
export interface TextOut {
  write(text: string): unknown;
  readonly isTTY?: boolean;
}

/** Everything the CLI touches outside itself, so commands can run in tests without a process. */
export interface CliIo {
  /** Results (tables, JSON with --json). */
  readonly stdout: TextOut;
  /** Progress, issues, logs. */
  readonly stderr: TextOut;
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Folder that relative paths start from. */
  readonly cwd: string;
}

/**
 * The real process's streams, environment and working folder.
 * @example runCli(['--help'], processIo())
 */
export function processIo(): CliIo {
  return { stdout: process.stdout, stderr: process.stderr, env: process.env, cwd: process.cwd() };
}

/**
 * Whether to color output on a stream: only on a terminal, and never when NO_COLOR is set
 * (https://no-color.org); FORCE_COLOR=1 forces it on.
 * @example useColor({ write() {}, isTTY: false }, {}) // false
 */
export function useColor(stream: TextOut, env: CliIo['env']): boolean {
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '0') return true;
  return stream.isTTY === true;
}
