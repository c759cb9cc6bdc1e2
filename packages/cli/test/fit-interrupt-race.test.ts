// A Ctrl-C while the run's files are being written into the `.mixwise-run-*` staging folder, with a
// writer still adding to it as the cleanup runs (an in-flight write of the report's temp file: a thread
// stands in for it). The stop message must say the lock was released, and neither the lock nor the
// staging folder may be left; the earlier run is untouched. The signal is emitted in-process with
// process.exit stubbed, so the test sees the folder as the process would have left it at exit.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { runCli } from '../src/program.ts';
import { defaultDeps } from '../src/cli-deps.ts';
import { captureIo } from './capture-io.ts';
import { tempDir } from './run-mixwise.ts';

const dir = tempDir('mixwise-race-');
after(() => rmSync(dir, { recursive: true, force: true }));
const day = (t: number): string => new Date(Date.UTC(2023, 0, 2 + 7 * t)).toISOString().slice(0, 10);
const data = join(dir, 'data.csv');
writeFileSync(data, 'date,revenue,tv_spend,search_spend\n' + Array.from({ length: 60 }, (_, t) =>
  `${day(t)},${1000 + 37 * ((t * 7) % 11) + 5 * t},${100 + 13 * ((t * 5) % 7)},${50 + 11 * ((t * 3) % 5)}`).join('\n') + '\n');

/** Starts a thread that has its temp file open in `staging` and keeps writing and adding temp files for 40 ms (until the folder is gone). */
async function stillWriting(staging: string): Promise<{ exited: Promise<unknown> }> {
  const started = new Int32Array(new SharedArrayBuffer(4));
  const w = new Worker(`const { workerData: { staging, pid, started } } = require('node:worker_threads');
    const fs = require('node:fs');
    const name = (k) => staging + '/.report.html.' + pid + '.' + k.toString(16).padStart(12, '0') + '.tmp';
    const fd = fs.openSync(name(0), 'w');
    Atomics.store(started, 0, 1);
    const t = Date.now();
    for (let k = 1; Date.now() - t < 40; k++) {
      try { fs.writeSync(fd, '<p>more of the report</p>'); fs.writeFileSync(name(k), '<html>'); } catch (e) { if (e.code === 'ENOENT') break; }
    }
    fs.closeSync(fd);`, { eval: true, workerData: { staging, pid: process.pid, started } });
  const exited = new Promise((done) => w.on('exit', done));
  while (Atomics.load(started, 0) === 0) await new Promise((r) => setTimeout(r, 1));
  return { exited };
}

test('Ctrl-C while report.html is written into the staging folder, its writer still adding files: lock released and said so, no staging folder left, the earlier run untouched', async () => {
  for (let round = 0; round < 3; round++) {
    const out = join(dir, `run-${round}`);
    mkdirSync(out, { recursive: true });
    const earlier = { 'model.json': '{"earlier":"model"}', 'report.html': '<p>earlier</p>' };
    for (const [f, text] of Object.entries(earlier)) writeFileSync(join(out, f), text);
    let writer: { exited: Promise<unknown> } | undefined;
    const seen = { code: undefined as unknown, message: '', atExit: [] as string[] };
    const deps = { ...defaultDeps, runFit: (...a: Parameters<typeof defaultDeps.runFit>) => defaultDeps.runFit(a[0], a[1], a[2], async (s) => {
      if (s !== 'stage:report.html') return;
      const staging = readdirSync(out).find((n) => n.startsWith(`.mixwise-run-${process.pid}-`));
      assert.ok(staging !== undefined, 'the run is being staged');
      writer = await stillWriting(join(out, staging));
      const exit = process.exit;
      const write = process.stderr.write;
      process.exit = ((c?: number) => { seen.code = c; seen.atExit = readdirSync(out).sort(); }) as typeof process.exit;
      process.stderr.write = ((chunk: string | Uint8Array) => { seen.message += String(chunk); return true; }) as typeof process.stderr.write;
      try {
        process.emit('SIGINT');
      } finally {
        process.exit = exit;
        process.stderr.write = write;
      }
      // The process would have exited here.
      throw new Error('exited');
    }) };
    const cap = captureIo(dir);
    await runCli(['fit', data, '--target', 'revenue', '--iterations', '60', '--workers', '1', '--out', out], cap.io, deps);
    await writer?.exited;
    assert.equal(seen.code, 130, `round ${round}: ${cap.stderr()}`);
    assert.match(seen.message, /^mixwise: stopped by SIGINT; released the lock on .* and removed this run's temporary files\n$/, `round ${round}`);
    // At exit: the earlier run's files only (no lock, no .mixwise-run-*, no temp file), and so after the writer stopped.
    assert.deepEqual(seen.atExit, Object.keys(earlier).sort(), `round ${round}`);
    assert.deepEqual(readdirSync(out).sort(), Object.keys(earlier).sort(), `round ${round}`);
    for (const [f, text] of Object.entries(earlier)) assert.equal(readFileSync(join(out, f), 'utf8'), text, f);
    assert.equal(existsSync(join(out, '.mixwise.lock')), false);
  }
});
