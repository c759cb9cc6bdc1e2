// Test helper: a CliIo that records what the CLI writes.
import type { CliIo } from '../src/io.ts';

export interface CapturedIo {
  io: CliIo;
  stdout(): string;
  stderr(): string;
}

/** A non-TTY CliIo writing into strings, with an empty environment (no colors). */
export function captureIo(cwd: string, env: Record<string, string> = {}): CapturedIo {
  let out = '';
  let err = '';
  return {
    io: {
      stdout: { write: (s: string) => (out += s), isTTY: false },
      stderr: { write: (s: string) => (err += s), isTTY: false },
      env,
      cwd,
    },
    stdout: () => out,
    stderr: () => err,
  };
}
