// Test helper for end-to-end tests: spawn the real `mixwise` launcher from the repository root.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root (…/packages/cli/test/ → …/). */
export const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const BIN = join(REPO_ROOT, 'packages', 'cli', 'bin', 'mixwise.js');

export interface MixwiseRun {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
  /** Wall-clock milliseconds. */
  readonly ms: number;
}

/** Run `node packages/cli/bin/mixwise.js ...args` with cwd = the repository root, no colors, no debug traces. */
export function mixwise(args: readonly string[], timeoutMs = 120_000): MixwiseRun {
  const t0 = performance.now();
  const run = spawnSync(process.execPath, [BIN, ...args], {
    cwd: REPO_ROOT, encoding: 'utf8', timeout: timeoutMs,
    env: { ...process.env, NO_COLOR: '1', MIXWISE_DEBUG: '' },
  });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr, ms: performance.now() - t0 };
}

/** A fresh folder under the OS temp dir. */
export function tempDir(prefix = 'mixwise-e2e-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** A simple CSV file (no quoted fields) as header + rows of strings. */
export function readSimpleCsv(path: string): { header: string[]; rows: string[][] } {
  const lines = readFileSync(path, 'utf8').split(/\r?\n/).filter((l) => l.length > 0);
  return { header: lines[0].split(','), rows: lines.slice(1).map((l) => l.split(',')) };
}

/** A stack-trace line ("    at fn (file.ts:12:3)") anywhere in the text. */
export const STACK_LINE = /^\s+at .+:\d+:\d+\)?$/m;
