import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ApiErrorSchema, HealthSchema, RunListSchema } from '@mixwise/contracts';
import { createServer as createNetServer } from 'node:net';
import type { InjectOptions } from 'fastify';
import { request as httpRequest } from 'node:http';
import { createServer, DEFAULT_PORT, isLoopback, runIdFromName, startServer } from '../src/index.ts';
import { multipart } from './helpers.ts';

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

test('a Host that does not name the server is refused with 403 (DNS rebinding), on the API and the dashboard alike', async () => {
  const app = await createServer({ runsDir: join(root, 'runs'), dataDir: join(root, 'data'), dashboardDir: false });
  try {
    for (const host of ['evil.example', 'evil.example:5174', '127.0.0.1.evil.example', 'localhost.', 'user@localhost']) {
      for (const url of ['/api/health', '/api/runs', '/']) {
        const res = await app.inject({ url, headers: { host } });
        assert.equal(res.statusCode, 403, `${host} ${url}`);
        const e = ApiErrorSchema.parse(res.json()).error;
        assert.equal(e.code, 'FORBIDDEN');
        assert.match(e.message, /the Host header .* does not name this server \(localhost, 127\.0\.0\.1, \[::1\]\)/);
      }
    }
    for (const host of ['127.0.0.1:5174', 'localhost:5174', 'LOCALHOST', '[::1]:8080', '127.0.0.1']) {
      assert.equal((await app.inject({ url: '/api/health', headers: { host } })).statusCode, 200, host);
    }
  } finally {
    await app.close();
  }
  // A server on another interface answers to it too; one on every interface to any name (its token guards it).
  const lan = await createServer({ runsDir: join(root, 'runs'), dataDir: join(root, 'data'), dashboardDir: false, host: '192.168.1.5', token: 'lan-token-1' });
  const any = await createServer({ runsDir: join(root, 'runs'), dataDir: join(root, 'data'), dashboardDir: false, host: '0.0.0.0', token: 'any-token-1' });
  try {
    assert.equal((await lan.inject({ url: '/api/health?token=lan-token-1', headers: { host: '192.168.1.5:5174' } })).statusCode, 200);
    // Refused as a foreign host before any token is asked for.
    assert.equal((await lan.inject({ url: '/api/health', headers: { host: 'evil.example:5174' } })).statusCode, 403);
    assert.equal((await any.inject({ url: '/api/health?token=any-token-1', headers: { host: 'my-laptop.local:5174' } })).statusCode, 200);
    assert.equal((await any.inject({ url: '/api/health', headers: { host: 'my-laptop.local:5174' } })).statusCode, 401);
  } finally {
    await Promise.all([lan.close(), any.close()]);
  }
});

test('a change (POST, PUT, DELETE) from another origin is refused with 403; from the server\'s own origin, or without Origin (curl), it goes through', async () => {
  const app = await createServer({ runsDir: join(root, 'runs-origin'), dataDir: join(root, 'data-origin'), dashboardDir: false });
  const csv = 'date,sales,tv_spend\n2024-01-01,1,2\n';
  try {
    const refused = async (req: InjectOptions, origin: string): Promise<void> => {
      const res = await app.inject({ ...req, headers: { ...(req.headers ?? {}), host: '127.0.0.1:5174', origin } });
      assert.equal(res.statusCode, 403, `${origin} ${res.body}`);
      const e = ApiErrorSchema.parse(res.json()).error;
      assert.equal(e.code, 'FORBIDDEN');
      assert.match(e.message, /^refused: a (POST|PUT|DELETE) request from the origin ".*"; this server only takes changes from its own pages \(http:\/\/127\.0\.0\.1:5174\)/);
    };
    const upload = { method: 'POST' as const, url: '/api/uploads', ...multipart('d.csv', csv) };
    const cancel = { method: 'POST' as const, url: '/api/runs/some-run/cancel', payload: 'x', headers: { 'content-type': 'text/plain' } };
    for (const origin of ['http://evil.example', 'https://127.0.0.1:5174', 'http://127.0.0.1:5175', 'http://localhost:5174', 'null']) {
      await refused(upload, origin);
      await refused(cancel, origin);
      await refused({ method: 'DELETE', url: '/api/runs/some-run' }, origin);
      await refused({ method: 'PUT', url: '/api/uploads/0123456789abcdef/roles', payload: {} }, origin);
    }
    // Reading is not a change: a GET with a foreign Origin is answered (the browser keeps the answer from that page: no CORS headers).
    const read = await app.inject({ url: '/api/runs', headers: { origin: 'http://evil.example' } });
    assert.equal(read.statusCode, 200);
    assert.equal(read.headers['access-control-allow-origin'], undefined);
    // The dashboard (same origin) and clients without an Origin header.
    const own = await app.inject({ ...upload, headers: { ...upload.headers, host: '127.0.0.1:5174', origin: 'http://127.0.0.1:5174' } });
    // Past the check: the one-row file itself is refused (422), not its origin.
    assert.equal(own.statusCode, 422, own.body);
    assert.equal((await app.inject({ ...upload, headers: { ...upload.headers, host: '127.0.0.1:5174' } })).statusCode, 422);
    assert.equal((await app.inject({ ...cancel, headers: { ...cancel.headers, host: 'localhost:5174', origin: 'http://localhost:5174' } })).statusCode, 404, 'past the check: no such run');
  } finally {
    await app.close();
  }
});

test('over a real socket: a rebinding Host and a cross-origin upload are refused, the served page\'s own requests are not', async () => {
  const started = await startServer({ runsDir: join(root, 'runs-socket'), dataDir: join(root, 'data-socket'), dashboardDir: false, port: 0 });
  try {
    const url = new URL(started.url);
    const status = (headers: Record<string, string>, method = 'GET', path = '/api/health', body?: string): Promise<number> => new Promise((done, fail) => {
      const req = httpRequest({ host: '127.0.0.1', port: url.port, path, method, headers }, (res) => { res.resume(); done(res.statusCode ?? 0); });
      req.on('error', fail);
      req.end(body);
    });
    assert.equal(await status({ host: `evil.example:${url.port}` }), 403);
    assert.equal(await status({ host: url.host }), 200);
    const form = multipart('d.csv', 'date,sales,tv_spend\n2024-01-01,1,2\n');
    assert.equal(await status({ host: url.host, origin: 'http://evil.example', ...form.headers }, 'POST', '/api/uploads', form.payload.toString('latin1')), 403);
    assert.equal(await status({ host: url.host, origin: url.origin, 'content-type': 'application/json' }, 'POST', '/api/runs/none/cancel', '{}'), 404);
  } finally {
    await started.app.close();
  }
});
