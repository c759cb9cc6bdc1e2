// A Ctrl-C after the run was swapped into a folder the fit created must not remove that good run:
// writeRunFiles' commit disarms guardOutDir's removal (keepOutDir). The signal is emitted in-process
// with process.exit stubbed, so the test sees what the handler did.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli } from '../src/program.ts';
import { defaultDeps } from '../src/cli-deps.ts';
import { guardOutDir, keepOutDir } from '../src/commands/out-dir-guard.ts';
import { captureIo } from './capture-io.ts';
import { tempDir } from './run-mixwise.ts';

const dir = tempDir('mixwise-commit-');
after(() => rmSync(dir, { recursive: true, force: true }));

/** Emits SIGINT to our own handlers with process.exit and stderr caught; returns the exit code and the message. */
function interrupt(): { code: unknown; message: string } {
  const exit = process.exit;
  const write = process.stderr.write;
  let code: unknown;
  let message = '';
  process.exit = ((c?: number) => { code = c; }) as typeof process.exit;
  process.stderr.write = ((chunk: string | Uint8Array) => { message += String(chunk); return true; }) as typeof process.stderr.write;
  try {
    process.emit('SIGINT');
  } finally {
    process.exit = exit;
    process.stderr.write = write;
  }
  return { code, message };
}

test('guardOutDir: Ctrl-C removes a folder the run created, but keeps it once a run was committed into it', async () => {
  const fresh = join(dir, 'fresh', 'run');
  const first = await guardOutDir(fresh, 'fresh/run', ['model.json'], async () => interrupt());
  assert.equal(first.code, 130);
  assert.match(first.message, /removed .*which this run created/);
  assert.equal(existsSync(join(dir, 'fresh')), false);
  const kept = join(dir, 'kept', 'run');
  const second = await guardOutDir(kept, 'kept/run', ['model.json'], async () => {
    writeFileSync(join(kept, 'model.json'), '{}');
    keepOutDir(kept);
    return interrupt();
  });
  assert.equal(second.code, 130);
  assert.match(second.message, /kept kept\/run: the run written into it is complete/);
  assert.equal(readFileSync(join(kept, 'model.json'), 'utf8'), '{}');
});

test('mixwise fit into a new folder: a Ctrl-C after the swap keeps the run (and the staged change log)', async () => {
  const day = (t: number): string => new Date(Date.UTC(2023, 0, 2 + 7 * t)).toISOString().slice(0, 10);
  const data = join(dir, 'data.csv');
  writeFileSync(data, 'date,revenue,tv_spend,search_spend\n' + Array.from({ length: 60 }, (_, t) =>
    `${day(t)},${1000 + 37 * ((t * 7) % 11) + 5 * t},${100 + 13 * ((t * 5) % 7)},${50 + 11 * ((t * 3) % 5)}`).join('\n') + '\n');
  const out = join(dir, 'new', 'run');
  let signalled: { code: unknown; message: string } | undefined;
  const deps = { ...defaultDeps, runFit: async (...args: Parameters<typeof defaultDeps.runFit>) => {
    const result = await defaultDeps.runFit(...args);
    signalled = interrupt();
    return result;
  } };
  const cap = captureIo(dir);
  assert.equal(await runCli(['fit', data, '--target', 'revenue', '--iterations', '60', '--workers', '1', '--clean', 'sort_dates', '--out', out], cap.io, deps), 0, cap.stderr());
  assert.equal(signalled?.code, 130);
  assert.match(signalled?.message ?? '', /kept .*the run written into it is complete/);
  for (const f of ['model.json', 'report.html', 'changes.csv', 'changes.json']) assert.ok(existsSync(join(out, f)), f);
});
