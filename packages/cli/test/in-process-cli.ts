// Test helper for end-to-end tests that run `mixwise` in this process (runCli) in a temporary folder:
// faster than spawning the launcher, and the folder is removed after the file's tests.
import { after } from 'node:test';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../src/program.ts';
import { captureIo } from './capture-io.ts';

/** A small, reproducible fit: 600 iterations, seed 1, in the main thread. */
export const QUICK_FIT = ['--iterations', '600', '--seed', '1', '--workers', '1'] as const;

export interface InProcessCli {
  /** The temporary working folder (relative paths in the arguments resolve against it). */
  readonly dir: string;
  /** Runs `mixwise ...args` with the folder as working directory; exit code and captured output. */
  readonly mixwise: (args: string[]) => Promise<{ code: number; stdout: string; stderr: string }>;
  /** A JSON file of the folder, parsed. */
  readonly json: (path: string) => any; // eslint-disable-line @typescript-eslint/no-explicit-any
}

/**
 * A temporary folder removed after the calling test file, and `mixwise` run in it in-process.
 * @param prefix the folder's name prefix
 * @example const { dir, mixwise, json } = inProcessCli('mixwise-refresh-');
 */
export function inProcessCli(prefix: string): InProcessCli {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  after(() => rmSync(dir, { recursive: true, force: true }));
  return {
    dir,
    mixwise: async (args) => {
      const cap = captureIo(dir);
      const code = await runCli(args, cap.io);
      return { code, stdout: cap.stdout(), stderr: cap.stderr() };
    },
    json: (path) => JSON.parse(readFileSync(join(dir, path), 'utf8')),
  };
}
