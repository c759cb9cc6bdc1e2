#!/usr/bin/env node
// Launcher: teaches Node to load the repository's TypeScript sources (tsx and the engine's source
// condition, @mixwise/parallel/register), then runs the CLI. A failure to load the CLI itself is an
// internal error (exit code 3), not a raw crash.
import '@mixwise/parallel/register';

try {
  await import('../src/bin.ts');
} catch (err) {
  process.stderr.write(`mixwise: internal error: cannot start: ${err instanceof Error ? err.message : String(err)}\n`);
  process.stderr.write('this is a bug in mixwise: please report it with the command you ran\n');
  if (process.env.MIXWISE_DEBUG === '1' && err instanceof Error) process.stderr.write(`${err.stack}\n`);
  process.exitCode = 3;
}
