// The geos' size column from the API (roles.geoSize, the dashboard's "Geo size (population)" role):
// only with panelMode "geo"; its cells checked as `mixwise fit --geo-size` checks them (PANEL_SIZE naming
// line, column and geo); a fit sizes each geo by its share of the column, and the answers say so.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { OptimizeResponseSchema, RoleMappingResponseSchema, RunEventSchema, RunManifestSchema, UploadSchema, type Roles } from '@mixwise/contracts';
import { createServer } from '../src/index.ts';
import { listenOnFreePort, multipart, readEvents, workspace } from './helpers.ts';
import { writeGeoPanelCsv } from './geo-panel-fixture.ts';

let ws: Awaited<ReturnType<typeof workspace>>;
let app: FastifyInstance;
let base: string;
let panel: { header: string[]; lines: string[] };
const POPULATION: Record<string, number> = {};

before(async () => {
  ws = await workspace();
  app = await createServer({ runsDir: ws.runsDir, dataDir: ws.dataDir, dashboardDir: false, fitThreads: 1 });
  base = await listenOnFreePort(app);
  panel = await writeGeoPanelCsv(join(ws.root, 'panel.csv'), { geos: 3, weeks: 60, seed: 3 });
  [...new Set(panel.lines.map((l) => l.split(',')[1]))].sort().forEach((g, i) => { POPULATION[g] = [2_400_000, 900_000, 300_000][i]; });
});
after(async () => {
  await app.close();
  await rm(ws.root, { recursive: true, force: true });
});

/** The panel with a population column: each geo's value on all its rows; `edit` may change a data line's cells. */
const withPopulation = (edit: (k: number, cells: string[]) => void = () => {}): string =>
  [[...panel.header, 'population'].join(','), ...panel.lines.map((l, k) => {
    const cells = [...l.split(','), String(POPULATION[l.split(',')[1]])];
    edit(k, cells);
    return cells.join(',');
  })].join('\n') + '\n';

/** Uploads CSV text; the roles with the geo-level model and population as the size column (not a control). */
async function upload(name: string, content: string): Promise<{ uploadId: string; roles: Roles }> {
  const res = await app.inject({ method: 'POST', url: '/api/uploads', ...multipart(name, content) });
  assert.equal(res.statusCode, 201, res.body);
  const u = UploadSchema.parse(res.json());
  const of = (role: string): string[] => u.columns.filter((c) => c.suggestedRole === role && c.name !== 'population').map((c) => c.name);
  return { uploadId: u.uploadId, roles: { date: of('date')[0], target: of('target')[0], channels: of('channel'), controls: of('control'), events: of('event'), organic: [], panel: 'region', panelMode: 'geo', geoSize: 'population' } };
}

const check = async (uploadId: string, roles: Roles) => {
  const res = await app.inject({ method: 'PUT', url: `/api/uploads/${uploadId}/roles`, payload: { roles, cleaning: [] } });
  assert.equal(res.statusCode, 200, res.body);
  return RoleMappingResponseSchema.parse(res.json());
};

test('role check with roles.geoSize: a clean size column passes, not reported unused; a bad size is a PANEL_SIZE issue naming line, column and geo', async () => {
  const { uploadId, roles } = await upload('sized.csv', withPopulation());
  const ok = await check(uploadId, roles);
  assert.equal(ok.ok, true, JSON.stringify(ok.issues));
  assert.equal(ok.table?.geos?.length, 3);
  assert.doesNotMatch(JSON.stringify(ok.issues), /population/);
  // Data line k is file line k + 2 (the header is line 1).
  let empty = '', changed = '';
  const bad = await upload('bad-size.csv', withPopulation((k, cells) => {
    if (k === 4) { cells[cells.length - 1] = ''; empty = cells[1]; }
    if (k === 11) { cells[cells.length - 1] = '123'; changed = cells[1]; }
  }));
  const res = await check(bad.uploadId, bad.roles);
  assert.equal(res.ok, false);
  assert.equal(res.table, null);
  const sizes = res.issues.filter((i) => i.code === 'PANEL_SIZE');
  assert.deepEqual(sizes.map((i) => [i.at.row, i.at.column]).sort((a, b) => Number(a[0]) - Number(b[0])), [[6, 'population'], [13, 'population']]);
  assert.match(sizes.find((i) => i.at.row === 6)?.message ?? '', new RegExp(`^region "${empty}": the size is empty in "population" \\(the Geo size column "population"\\)`));
  assert.match(sizes.find((i) => i.at.row === 13)?.message ?? '', new RegExp(`^region "${changed}": the size in "population" .* is 123 here but ${POPULATION[changed]} on line \\d+; a geo's size must be the same on all its rows`));
  // A size column that is not in the file.
  const plain = await upload('plain.csv', [panel.header.join(','), ...panel.lines].join('\n') + '\n');
  const missing = await check(plain.uploadId, plain.roles);
  assert.equal(missing.ok, false);
  assert.match(missing.issues.find((i) => i.code === 'MISSING_COLUMN')?.message ?? JSON.stringify(missing.issues), /the Geo size column "population": column "population" is not in the file/);
});

test('roles.geoSize without the geo-level model, or on a column with another role, is a 400 naming the fix', async () => {
  const { uploadId, roles } = await upload('sized.csv', withPopulation());
  const put = (r: object) => app.inject({ method: 'PUT', url: `/api/uploads/${uploadId}/roles`, payload: { roles: r, cleaning: [] } });
  const summed = await put({ ...roles, panelMode: 'sum' });
  assert.equal(summed.statusCode, 400, summed.body);
  assert.match(summed.body, /roles\.geoSize \\"population\\" sizes the geos of the geo-level model, which needs roles\.panel \(the geo column\) with roles\.panelMode \\"geo\\"/);
  const control = await put({ ...roles, controls: [...roles.controls, 'population'] });
  assert.equal(control.statusCode, 400, control.body);
  assert.match(control.body, /column \\"population\\" is already the control/);
  // The date column cannot be the size column (the dashboard gives a column one role; the API refuses both).
  const dated = await put({ ...roles, geoSize: roles.date });
  assert.equal(dated.statusCode, 400, dated.body);
  assert.match(dated.body, new RegExp(`column \\\\"${roles.date}\\\\" is already the date`));
});

test('a fit with roles.geoSize: the model is sized by population, and /optimize says the split is by its share', { timeout: 120_000 }, async () => {
  const { uploadId, roles } = await upload('sized.csv', withPopulation());
  const started = await app.inject({ method: 'POST', url: '/api/runs', payload: { uploadId, roles, options: { seed: 1, iterations: 150 } } });
  assert.equal(started.statusCode, 202, started.body);
  const run = RunManifestSchema.parse(started.json());
  assert.equal(run.roles?.geoSize, 'population');
  const events = (await readEvents(`${base}/api/runs/${run.id}/events`, 100_000)).map((e) => RunEventSchema.parse(e));
  assert.equal(events[events.length - 1]?.status, 'done', JSON.stringify(events.slice(-3)));
  const model = JSON.parse(await readFile(join(ws.runsDir, run.id, 'model.json'), 'utf8')) as { panel: { geos: string[]; shares: number[]; sizeColumn?: string; sizes?: number[] } };
  assert.equal(model.panel.sizeColumn, 'population');
  const total = Object.values(POPULATION).reduce((a, b) => a + b, 0);
  model.panel.geos.forEach((g, i) => assert.ok(Math.abs(model.panel.shares[i] - POPULATION[g] / total) < 1e-12, g));
  const optimized = OptimizeResponseSchema.parse((await app.inject({ method: 'POST', url: `/api/runs/${run.id}/optimize`, payload: { periods: 4 } })).json());
  assert.match(optimized.geoSplit ?? '', /in proportion to their share of population \(the geos' size column\)/);
  assert.match(optimized.geoSplitNow?.text ?? '', /at a split by population share/);
  assert.equal(optimized.geoSplitNow?.sizeColumn, 'population');
});
