// End-to-end: `mixwise demo --serve --port N` (what `npm start` runs, with a port of one's choosing)
// fits the demo and serves it on that port; --port / --host without --serve are refused before the fit.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { mixwise, REPO_ROOT, tempDir } from './run-mixwise.ts';

const dir = tempDir();
after(() => rmSync(dir, { recursive: true, force: true }));

/** A port nobody listens on now. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const address = server.address();
  await new Promise<void>((done) => server.close(() => done()));
  return typeof address === 'object' && address !== null ? address.port : 0;
}

test('demo --port or --host without --serve, and a port above 65535, are usage errors before anything is fitted', () => {
  for (const [args, says] of [[['--port', '5500'], /--port only applies with --serve/], [['--host', '0.0.0.0'], /--host only applies with --serve/], [['--serve', '--port', '70000'], /--port 70000 is not a port/]] as const) {
    const out = join(dir, `refused-${args[args.length - 1]}`);
    const r = mixwise(['demo', '--out', out, '--iterations', '20', ...args]);
    assert.equal(r.status, 2, r.stderr);
    assert.match(r.stderr, says);
    assert.equal(existsSync(out), false, 'nothing simulated or fitted');
  }
});

test('demo --serve --port N serves the dashboard and the demo run on that port', { timeout: 120_000 }, async () => {
  const port = await freePort();
  const child = spawn(process.execPath, [join(REPO_ROOT, 'packages', 'cli', 'bin', 'mixwise.js'), 'demo', '--out', join(dir, 'demo'), '--iterations', '30', '--serve', '--port', String(port)], {
    cwd: dir, env: { ...process.env, NO_COLOR: '1' }, stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '', stderr = '';
  child.stdout.on('data', (b: Buffer) => { stdout += b.toString(); });
  child.stderr.on('data', (b: Buffer) => { stderr += b.toString(); });
  try {
    const deadline = Date.now() + 110_000;
    while (!stdout.includes('Mixwise dashboard:')) {
      assert.ok(child.exitCode === null, `demo exited early: ${stderr}`);
      assert.ok(Date.now() < deadline, `no URL printed: ${stderr}`);
      await new Promise((r) => setTimeout(r, 200));
    }
    assert.match(stdout, new RegExp(`Mixwise dashboard: http://127\\.0\\.0\\.1:${port}/`));
    const runs = await (await fetch(`http://127.0.0.1:${port}/api/runs`)).json() as { runs: { id: string; status: string }[] };
    assert.deepEqual(runs.runs.map((r) => [r.id, r.status]), [['demo', 'done']]);
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
  }
});
