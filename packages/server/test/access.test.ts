import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ApiErrorSchema, HealthSchema, RunListSchema } from '@mixwise/contracts';
import { createServer as createNetServer } from 'node:net';
import { createServer, DEFAULT_PORT, isLoopback, runIdFromName, startServer } from '../src/index.ts';

let root: string;
before(async () => {
  root = await mkdtemp(join(tmpdir(), 'mixwise-access-'));
});
after(async () => {
  await rm(root, { recursive: true, force: true });
});

test('with a token every /api request needs it (Bearer or ?token=); 401 otherwise', async () => {
  const app = await createServer({ runsDir: join(root, 'runs'), dataDir: join(root, 'data'), dashboardDir: false, token: 's3cret-token' });
  try {
    for (const req of [{ url: '/api/health' }, { url: '/api/runs' }, { url: '/api/health', headers: { authorization: 'Bearer wrong' } }, { url: '/api/health?token=s3cret-toke' }, { url: '/api/uploads', method: 'POST' as const }]) {
      const res = await app.inject(req);
      assert.equal(res.statusCode, 401, JSON.stringify(req));
      assert.equal(ApiErrorSchema.parse(res.json()).error.code, 'UNAUTHORIZED');
    }
    const bearer = await app.inject({ url: '/api/health', headers: { authorization: 'Bearer s3cret-token' } });
    assert.equal(bearer.statusCode, 200);
    assert.equal(HealthSchema.parse(bearer.json()).auth, true);
    assert.equal((await app.inject('/api/runs?token=s3cret-token')).statusCode, 200);
  } finally {
    await app.close();
  }
});

test('startServer binds 127.0.0.1 without a token; another host gets a generated token in the URL', async () => {
  const local = await startServer({ runsDir: join(root, 'runs'), dataDir: join(root, 'data'), dashboardDir: false, port: 0 });
  try {
    assert.match(local.url, /^http:\/\/127\.0\.0\.1:\d+\/$/);
    assert.equal(local.token, undefined);
    const res = await fetch(new URL('/api/health', local.url));
    assert.equal(HealthSchema.parse(await res.json()).auth, false);
  } finally {
    await local.app.close();
  }
  const lines: string[] = [];
  const open = await startServer({ runsDir: join(root, 'runs'), dataDir: join(root, 'data'), dashboardDir: false, port: 0, host: '0.0.0.0' }, (l) => lines.push(l));
  try {
    assert.ok(open.token !== undefined && open.token.length >= 20);
    assert.ok(open.url.endsWith(`?token=${open.token}`));
    assert.ok(lines.some((l) => l.includes(open.token as string)));
    const port = new URL(open.url).port;
    assert.equal((await fetch(`http://127.0.0.1:${port}/api/health`)).status, 401);
    assert.equal((await fetch(`http://127.0.0.1:${port}/api/health?token=${open.token}`)).status, 200);
  } finally {
    await open.app.close();
  }
  assert.deepEqual(['127.0.0.1', 'localhost', '::1', '0.0.0.0', '192.168.1.2'].map(isLoopback), [true, true, true, false, false]);
});

test('run ids from folder names are slugs; a folder without model.json is refused', async () => {
  assert.equal(runIdFromName('Demo Run (2)'), 'demo-run-2');
  assert.equal(runIdFromName('..'), 'run');
  const empty = join(root, 'empty');
  await mkdir(empty, { recursive: true });
  await assert.rejects(createServer({ runsDir: join(root, 'runs'), dataDir: join(root, 'data'), dashboardDir: false, models: [empty] }), /model\.json/);
});

test('the dashboard is served with a SPA fallback; /api paths stay JSON 404s', async () => {
  const dist = join(root, 'dist');
  await mkdir(join(dist, 'assets'), { recursive: true });
  await writeFile(join(dist, 'index.html'), '<!doctype html><title>Mixwise</title><div id="root"></div>');
  await writeFile(join(dist, 'assets', 'app.js'), 'console.log(1)');
  const app = await createServer({ runsDir: join(root, 'runs'), dataDir: join(root, 'data'), dashboardDir: dist });
  try {
    const index = await app.inject('/');
    assert.equal(index.statusCode, 200);
    assert.match(index.body, /<title>Mixwise<\/title>/);
    assert.equal((await app.inject('/assets/app.js')).body, 'console.log(1)');
    const deep = await app.inject('/simulator/run-1');
    assert.equal(deep.statusCode, 200);
    assert.match(deep.headers['content-type'] as string, /text\/html/);
    assert.match(deep.body, /<title>Mixwise<\/title>/);
    const api = await app.inject('/api/nothing');
    assert.equal(api.statusCode, 404);
    assert.equal(ApiErrorSchema.parse(api.json()).error.code, 'NOT_FOUND');
    assert.equal(HealthSchema.parse((await app.inject('/api/health')).json()).dashboard, true);
    assert.ok(!(await app.inject('/../../etc/passwd')).body.includes('root:'));
    assert.deepEqual(RunListSchema.parse((await app.inject('/api/runs')).json()).runs, []);
  } finally {
    await app.close();
  }
});

test('without --port the server moves past a taken default port; a taken explicit port is an EADDRINUSE error', async () => {
  const blocker = createNetServer();
  const blocked = await new Promise<boolean>((done) => {
    blocker.once('error', () => done(false)); // something else already holds it: still taken
    blocker.listen(DEFAULT_PORT, '127.0.0.1', () => done(true));
  });
  const dirs = { runsDir: join(root, 'runs-port'), dataDir: join(root, 'data-port'), dashboardDir: false as const };
  const lines: string[] = [];
  try {
    const started = await startServer(dirs, (l) => lines.push(l));
    try {
      assert.notEqual(new URL(started.url).port, String(DEFAULT_PORT));
      assert.match(lines.join('\n'), new RegExp(`port ${DEFAULT_PORT} is in use; trying ${DEFAULT_PORT + 1}`));
    } finally {
      await started.app.close();
    }
    await assert.rejects(startServer({ ...dirs, port: DEFAULT_PORT }), (err: NodeJS.ErrnoException) => err.code === 'EADDRINUSE');
  } finally {
    if (blocked) await new Promise<void>((done) => blocker.close(() => done()));
  }
});
