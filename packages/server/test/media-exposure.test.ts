// Media basis from the dashboard: options.media "exposure" pairs each channel's exposure column by name,
// as `mixwise fit --media exposure` does without a config; a file without one is refused with the fix.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { ApiErrorSchema, RunEventSchema, RunManifestSchema } from '@mixwise/contracts';
import { createServer } from '../src/index.ts';
import { readEvents, uploadWithSuggestedRoles, workspace, listenOnFreePort } from './helpers.ts';

let ws: Awaited<ReturnType<typeof workspace>>;
let app: FastifyInstance;
let base: string;

before(async () => {
  ws = await workspace();
  app = await createServer({ runsDir: ws.runsDir, dataDir: ws.dataDir, dashboardDir: false, fitThreads: 1 });
  base = await listenOnFreePort(app);
});
after(async () => {
  await app.close();
  await rm(ws.root, { recursive: true, force: true });
});

test('options.media "exposure": tv is modelled on tv_impressions (paired by name), its actual spend kept beside', async () => {
  const lines = (await readFile(ws.csvPath, 'utf8')).trim().split('\n');
  const header = lines[0].split(',');
  const tv = header.indexOf('tv_spend');
  // Impressions at a cost per 1,000 that rises over the file.
  const withTv = lines.map((l, k) => `${l},${k === 0 ? 'tv_impressions' : String(Math.round((1000 * Number(l.split(',')[tv])) / (8 + k / 20)))}`);
  const path = join(ws.root, 'tv-impressions.csv');
  await writeFile(path, withTv.join('\n') + '\n');
  const { uploadId, roles } = await uploadWithSuggestedRoles(app, path);
  assert.ok(!roles.controls.includes('tv_impressions'));
  const started = await app.inject({ method: 'POST', url: '/api/runs', payload: { uploadId, roles, options: { seed: 1, iterations: 200, media: 'exposure' } } });
  assert.equal(started.statusCode, 202, started.body);
  const run = RunManifestSchema.parse(started.json());
  assert.equal(run.options?.media, 'exposure');
  const events = (await readEvents(`${base}/api/runs/${run.id}/events`, 60_000)).map((e) => RunEventSchema.parse(e));
  assert.equal(events[events.length - 1]?.status, 'done', JSON.stringify(events.slice(-3)));
  const model = JSON.parse(await readFile(join(ws.runsDir, run.id, 'model.json'), 'utf8')) as { channels: { name: string; media?: { column: string; spend: number[] } }[] };
  const channel = model.channels.find((c) => c.name === 'tv');
  assert.equal(channel?.media?.column, 'tv_impressions');
  assert.deepEqual(channel?.media?.spend, withTv.slice(1).map((l) => Number(l.split(',')[tv])));
});

test('options.media "exposure" on a file with no exposure column: 422 naming the fix; an unknown basis: 400', async () => {
  const { uploadId, roles } = await uploadWithSuggestedRoles(app, ws.csvPath);
  const refused = await app.inject({ method: 'POST', url: '/api/runs', payload: { uploadId, roles, options: { media: 'exposure' } } });
  assert.equal(refused.statusCode, 422, refused.body);
  const body = ApiErrorSchema.parse(refused.json());
  assert.equal(body.error.code, 'INVALID_DATA');
  assert.match(body.error.message, /no channel .* has an exposure column named for it \(e\.g\. tv_impressions/);
  const bad = await app.inject({ method: 'POST', url: '/api/runs', payload: { uploadId, roles, options: { media: 'impressions' } } });
  assert.equal(bad.statusCode, 400, bad.body);
  assert.match(bad.body, /the media basis must be one of: spend, exposure/);
});
