import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { ApiErrorSchema, GeoBreakdownSchema, RunListSchema, type GeoBreakdown } from '@mixwise/contracts';
import { DEFAULT_WEIGHTS, fitMmm, simulatePreset } from '@mixwise/engine';
import { writeJsonAtomic } from '@mixwise/data';
import { createServer } from '../src/index.ts';

const GEO: GeoBreakdown = {
  level: 'country', kpi: 'revenue', window: { start: '2021-01-04', end: '2024-12-23' },
  rows: [{ geo: 'CA', region: 'NA', kpi: 10.25, pipeline: 40 }, { geo: 'US', region: 'NA', kpi: 30.5, pipeline: 90 }],
};

let root: string;
let app: FastifyInstance;
let withGeo: string;
let withoutGeo: string;

before(async () => {
  root = await mkdtemp(join(tmpdir(), 'mixwise-server-geo-'));
  // Two finished run folders (model.json only is enough for `serve --model`), one with geo.json.
  const model = await fitMmm(simulatePreset('retail', 2).table, {
    search: { iterations: 60, trials: 1, seed: 1, bootstrap: 0, posterior: 0, weights: DEFAULT_WEIGHTS },
  });
  const a = join(root, 'geo-run');
  const b = join(root, 'plain-run');
  for (const dir of [a, b]) {
    await mkdir(dir, { recursive: true });
    await writeJsonAtomic(join(dir, 'model.json'), model);
  }
  await writeJsonAtomic(join(a, 'geo.json'), GEO);
  app = await createServer({ runsDir: join(root, 'runs'), dataDir: join(root, 'data'), dashboardDir: false, models: [a, b] });
  const runs = RunListSchema.parse((await app.inject('/api/runs')).json()).runs;
  const idOf = (name: string): string => {
    const run = runs.find((r) => r.source.type === 'folder' && r.source.path.endsWith(name));
    assert.ok(run, name);
    return run.id;
  };
  withGeo = idOf('geo-run');
  withoutGeo = idOf('plain-run');
});
after(async () => {
  await app.close();
  await rm(root, { recursive: true, force: true });
});

test('GET /api/runs/:id/geo: 200 with geo.json, as GeoBreakdownSchema', async () => {
  const res = await app.inject(`/api/runs/${withGeo}/geo`);
  assert.equal(res.statusCode, 200);
  assert.match(String(res.headers['content-type']), /^application\/json/);
  assert.deepEqual(GeoBreakdownSchema.parse(res.json()), GEO);
});

test('GET /api/runs/:id/geo: 404 with the API error body when the run has no geo.json or is unknown', async () => {
  const res = await app.inject(`/api/runs/${withoutGeo}/geo`);
  assert.equal(res.statusCode, 404);
  const body = ApiErrorSchema.parse(res.json());
  assert.equal(body.error.code, 'NOT_FOUND');
  assert.match(body.error.message, /geo\.json/);
  const unknown = await app.inject('/api/runs/r-nope/geo');
  assert.equal(unknown.statusCode, 404);
  assert.equal(ApiErrorSchema.parse(unknown.json()).error.code, 'NOT_FOUND');
});
