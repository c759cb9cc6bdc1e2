import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { holdSignals, onInterrupt, removeOwnTemps, removeTreeSync } from './interrupt.ts';

test('removeOwnTemps: only this process\'s temps and staging folders (the export\'s too), never another pid\'s, a recovered export or a run file', () => {
  const dir = mkdtempSync(join(tmpdir(), 'mixwise-own-temps-'));
  const mine = [`.model.json.${process.pid}.0a1b2c3d4e5f.tmp`, `.mixwise-run-${process.pid}-abc123`, `.mixwise-export-${process.pid}-0d1e2f`];
  const kept = ['model.json', `.model.json.${process.pid + 1}.0a1b2c3d4e5f.tmp`, `.mixwise-export-${process.pid + 1}-0d1e2f`, `.mixwise-export-recovered-${process.pid}-0d1e2f`];
  writeFileSync(join(dir, mine[0]), '');
  mkdirSync(join(dir, mine[1]));
  mkdirSync(join(dir, mine[2], 'csv'), { recursive: true });
  for (const k of kept) writeFileSync(join(dir, k), '');
  assert.equal(removeOwnTemps(dir), 3);
  assert.deepEqual(readdirSync(dir).sort(), [...kept].sort());
});

/** Runs `fn` with process.exit and stderr stubbed; returns the exit codes and messages seen. */
async function stubbed(fn: (seen: { codes: unknown[]; message: string }) => Promise<void>): Promise<{ codes: unknown[]; message: string }> {
  const exit = process.exit;
  const write = process.stderr.write;
  const seen = { codes: [] as unknown[], message: '' };
  process.exit = ((c?: number) => { seen.codes.push(c); }) as typeof process.exit;
  process.stderr.write = ((chunk: string | Uint8Array) => { seen.message += String(chunk); return true; }) as typeof process.stderr.write;
  try {
    await fn(seen);
  } finally {
    process.exit = exit;
    process.stderr.write = write;
  }
  return seen;
}

test('holdSignals: a signal during the section is held until the last one ends, then the cleanups run and the process exits once', async () => {
  const order: string[] = [];
  const seen = await stubbed(async (s) => {
    await onInterrupt(() => { order.push('cleanup'); return 'cleaned'; }, async () => {
      const outer = holdSignals('finishing the outer step');
      const inner = holdSignals('finishing moving the run in');
      process.emit('SIGTERM');
      assert.equal(s.message, '', 'the first signal is held silently');
      process.emit('SIGINT');
      inner();
      process.emit('SIGINT');
      assert.deepEqual([order, s.codes], [[], []], 'held while a section is open');
      outer();
      outer();
    });
  });
  assert.deepEqual(order, ['cleanup']);
  assert.deepEqual(seen.codes, [143], 'the first signal, acted on once');
  // A further signal while held says why the process is not stopping yet (the innermost open section).
  assert.equal(seen.message, 'mixwise: finishing moving the run in; stopping right after\n'
    + 'mixwise: finishing the outer step; stopping right after\n'
    + 'mixwise: stopped by SIGTERM; cleaned\n');
  assert.equal(process.listenerCount('SIGINT') + process.listenerCount('SIGTERM'), 0, 'the handlers are removed after');
});

test('holdSignals: a section with no signal changes nothing; outside one a signal acts at once', async () => {
  const seen = await stubbed(async (s) => {
    await onInterrupt(() => '', async () => {
      holdSignals()();
      assert.deepEqual(s.codes, []);
      process.emit('SIGINT');
      assert.deepEqual(s.codes, [130]);
    });
  });
  assert.equal(seen.message, 'mixwise: stopped by SIGINT\n');
});

test('holdSignals: a section ending with a failure note prints it before the stop message when a signal was held, and drops it otherwise', async () => {
  const held = await stubbed(async () => {
    await onInterrupt(() => 'cleaned', async () => {
      const end = holdSignals();
      process.emit('SIGINT');
      end('error: ENOSPC: no space left on device\nout is marked incomplete');
    });
  });
  assert.deepEqual(held.codes, [130]);
  assert.equal(held.message, 'error: ENOSPC: no space left on device\nout is marked incomplete\nmixwise: stopped by SIGINT; cleaned\n');
  const quiet = await stubbed(async (s) => {
    await onInterrupt(() => 'cleaned', async () => {
      holdSignals()('error: ENOSPC');
      // The note does not linger for a later signal.
      process.emit('SIGTERM');
      assert.deepEqual(s.codes, [143]);
    });
  });
  assert.equal(quiet.message, 'mixwise: stopped by SIGTERM; cleaned\n');
});

test('removeTreeSync: a file a still-running writer adds after the removal listed the folder is removed by a new attempt', () => {
  const staging = join(mkdtempSync(join(tmpdir(), 'mixwise-late-writer-')), `.mixwise-run-${process.pid}-abc123`);
  mkdirSync(staging);
  writeFileSync(join(staging, `.report.html.${process.pid}.0a1b2c3d4e5f.tmp`), '<html>');
  let calls = 0;
  // The first attempt does what rmSync does: removes the entries it listed, then the folder; the
  // writer's next file lands in between, so the folder's removal fails (ENOTEMPTY, for real).
  const lateWriter = (path: string): void => {
    calls++;
    if (calls > 1) return rmSync(path, { recursive: true, force: true });
    for (const name of readdirSync(path)) rmSync(join(path, name));
    writeFileSync(join(path, `.report.html.${process.pid}.0000000000ff.tmp`), '<html>');
    rmdirSync(path);
  };
  assert.equal(removeTreeSync(staging, lateWriter), true);
  assert.equal(calls, 2);
  assert.equal(existsSync(staging), false);
  // A writer that never stops: given up on (left for the next run's sweep), never thrown.
  mkdirSync(staging);
  assert.equal(removeTreeSync(staging, () => { throw Object.assign(new Error('ENOTEMPTY'), { code: 'ENOTEMPTY' }); }), false);
});

test('removeOwnTemps: a staging folder a writer thread keeps adding temp files to while it is removed is gone afterwards', async () => {
  for (let round = 0; round < 20; round++) {
    const dir = mkdtempSync(join(tmpdir(), 'mixwise-busy-staging-'));
    const staging = join(dir, `.mixwise-run-${process.pid}-0d1e2f`);
    mkdirSync(staging);
    writeFileSync(join(staging, `.report.html.${process.pid}.0a1b2c3d4e5f.tmp`), '<html>');
    const started = new Int32Array(new SharedArrayBuffer(4));
    // Writes new temp files for 40 ms (or until the folder is gone), as an in-flight write would.
    const writer = new Worker(`const { workerData: { staging, pid, started } } = require('node:worker_threads');
      const fs = require('node:fs');
      const t = Date.now();
      Atomics.store(started, 0, 1);
      for (let k = 0; Date.now() - t < 40; k++) {
        try { fs.writeFileSync(staging + '/.report.html.' + pid + '.' + k.toString(16).padStart(12, '0') + '.tmp', 'x'); } catch (e) { if (e.code === 'ENOENT') break; }
      }`, { eval: true, workerData: { staging, pid: process.pid, started } });
    while (Atomics.load(started, 0) === 0) Atomics.wait(started, 0, 0, 1);
    assert.equal(removeOwnTemps(dir), 1, `round ${round}`);
    await new Promise((done) => writer.on('exit', done));
    assert.deepEqual(readdirSync(dir), [], `round ${round}: nothing left`);
  }
});
