// Headers against framing and sniffing, 500s without server detail, the fit queue's cap, and the
// staging folder a killed server leaves.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ApiErrorSchema, RunManifestSchema, type RunManifest } from '@mixwise/contracts';
import { createServer } from '../src/index.ts';
import { uploadWithSuggestedRoles, workspace } from './helpers.ts';

let ws: Awaited<ReturnType<typeof workspace>>;

before(async () => {
  ws = await workspace();
});
after(async () => {
  await rm(ws.root, { recursive: true, force: true });
});

test('the dashboard page and every API answer refuse framing and sniffing; the report keeps its own policy', async () => {
  const dashboardDir = join(ws.root, 'dist');
  await mkdir(dashboardDir, { recursive: true });
  await writeFile(join(dashboardDir, 'index.html'), '<!doctype html><title>Mixwise</title>');
  const app = await createServer({ runsDir: ws.runsDir, dataDir: ws.dataDir, dashboardDir });
  try {
    for (const url of ['/', '/runs/x', '/api/health', '/api/nothing']) {
      const res = await app.inject(url);
      assert.equal(res.headers['x-frame-options'], 'DENY', url);
      assert.equal(res.headers['content-security-policy'], "frame-ancestors 'none'", url);
      assert.equal(res.headers['x-content-type-options'], 'nosniff', url);
    }
    assert.match((await app.inject('/')).body, /<title>Mixwise<\/title>/);
  } finally {
    await app.close();
  }
});

test('a 500 says only an error id, and the server log has the detail; a model.json that cannot be read is a 422 naming the file, not the folder', async () => {
  const lines: string[] = [];
  const runsDir = join(ws.root, 'runs-broken');
  await mkdir(join(runsDir, 'broken'), { recursive: true });
  await writeFile(join(runsDir, 'broken', 'model.json'), '{ "schemaVersion": ');
  const app = await createServer({ runsDir, dataDir: ws.dataDir, dashboardDir: false, logError: (line) => lines.push(line) });
  app.get('/api/boom', async () => {
    throw new Error(`cannot open ${ws.root}/secret.duckdb: SELECT * FROM secrets`);
  });
  try {
    const res = await app.inject('/api/boom');
    assert.equal(res.statusCode, 500);
    const { error } = ApiErrorSchema.parse(res.json());
    const id = /^internal error \(id ([0-9a-f]{8})\): the server's log has the detail$/.exec(error.message)?.[1];
    assert.ok(id !== undefined, error.message);
    assert.doesNotMatch(res.body, /secret|SELECT/);
    assert.equal(lines.length, 1);
    assert.ok(lines[0].startsWith(`mixwise serve: internal error ${id} on GET /api/boom: Error: cannot open ${ws.root}/secret.duckdb`), lines[0]);

    const optimize = await app.inject({ method: 'POST', url: '/api/runs/broken/optimize', payload: {} });
    assert.equal(optimize.statusCode, 422, optimize.body);
    assert.match(ApiErrorSchema.parse(optimize.json()).error.message, /^this run's model cannot be used: model\.json is not valid JSON/);
    const report = await app.inject('/api/runs/broken/report');
    assert.equal(report.statusCode, 422, report.body);
    for (const body of [optimize.body, report.body]) assert.ok(!body.includes(ws.root), body);
  } finally {
    await app.close();
  }
});

test('the fit queue is capped: one fit more than the slots and the queue is refused with 503 BUSY, nothing written for it', async () => {
  const runsDir = join(ws.root, 'runs-queue');
  const app = await createServer({ runsDir, dataDir: ws.dataDir, dashboardDir: false, fitThreads: 1, fitQueue: 1 });
  try {
    const { uploadId, roles } = await uploadWithSuggestedRoles(app, ws.csvPath);
    const fit = () => app.inject({ method: 'POST', url: '/api/runs', payload: { uploadId, roles, options: { iterations: 1_000_000 } } });
    const started = [await fit(), await fit()];
    assert.deepEqual(started.map((r) => r.statusCode), [202, 202]);
    assert.equal(RunManifestSchema.parse(started[1].json()).status, 'queued');
    const refused = await fit();
    assert.equal(refused.statusCode, 503, refused.body);
    assert.equal(refused.headers['retry-after'], '30');
    assert.equal(ApiErrorSchema.parse(refused.json()).error.message, 'the server is busy: 1 fit is running and 1 waiting (at most 1); wait for one to finish or cancel one, then train again');
    assert.equal((await app.inject('/api/runs')).json().runs.length, 2);
    await app.inject({ method: 'POST', url: `/api/runs/${RunManifestSchema.parse(started[1].json()).id}/cancel` });
    assert.equal((await fit()).statusCode, 202);
  } finally {
    await app.close();
  }
});

test('a run left running by a killed server is marked INTERRUPTED at start and its staging folder removed', async () => {
  const runsDir = join(ws.root, 'runs-killed');
  const folder = join(runsDir, 'run-20250101-000000-abcd');
  await mkdir(join(folder, '.staging', 'exports'), { recursive: true });
  await writeFile(join(folder, '.staging', 'model.json'), '{}');
  const manifest: RunManifest = {
    id: 'run-20250101-000000-abcd', name: 'killed', status: 'running', createdAt: '2025-01-01T00:00:00.000Z', startedAt: '2025-01-01T00:00:01.000Z',
    finishedAt: null, progress: { done: 3, total: 10, phase: 'search' }, error: null, source: { type: 'upload', uploadId: '0123456789abcdef', fileName: 'x.csv' },
    roles: null, options: null,
  };
  await writeFile(join(folder, 'run.json'), JSON.stringify(RunManifestSchema.parse(manifest)));
  const app = await createServer({ runsDir, dataDir: ws.dataDir, dashboardDir: false });
  try {
    assert.equal(existsSync(join(folder, '.staging')), false);
    const saved = RunManifestSchema.parse(JSON.parse(await readFile(join(folder, 'run.json'), 'utf8')));
    assert.deepEqual([saved.status, saved.error?.code], ['failed', 'INTERRUPTED']);
  } finally {
    await app.close();
  }
});
