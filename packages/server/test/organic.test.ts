// Organic media from the dashboard: a column given the organic role is checked and fitted as
// `mixwise fit --organic` fits it, and its bad cells reach the issue list with their row and column.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { ApiErrorSchema, RoleMappingResponseSchema, RunEventSchema, RunManifestSchema, UploadSchema, type Roles } from '@mixwise/contracts';
import { runCli } from '@mixwise/cli';
import { createServer } from '../src/index.ts';
import { multipart, readEvents, uploadWithSuggestedRoles, workspace, listenOnFreePort } from './helpers.ts';

let ws: Awaited<ReturnType<typeof workspace>>;
let app: FastifyInstance;
let base: string;
/** The workspace's CSV with a `newsletter` column (sends, never 0 for long). */
let csvPath: string;
let lines: string[];

const SEED = 3;
const ITERATIONS = 300;

before(async () => {
  ws = await workspace();
  app = await createServer({ runsDir: ws.runsDir, dataDir: ws.dataDir, dashboardDir: false, fitThreads: 2 });
  base = await listenOnFreePort(app);
  lines = (await readFile(ws.csvPath, 'utf8')).trim().split('\n').map((l, k) => `${l},${k === 0 ? 'newsletter' : String(k % 4 === 0 ? 0 : 1000 + 250 * (k % 7))}`);
  csvPath = join(ws.root, 'with-newsletter.csv');
  await writeFile(csvPath, lines.join('\n') + '\n');
});
after(async () => {
  await app.close();
  await rm(ws.root, { recursive: true, force: true });
});

/** The roles the server suggests for a file, with `newsletter` moved to the organic media. */
async function organicRoles(path: string): Promise<{ uploadId: string; roles: Roles }> {
  const { uploadId, roles } = await uploadWithSuggestedRoles(app, path);
  return { uploadId, roles: { ...roles, controls: roles.controls.filter((c) => c !== 'newsletter'), organic: ['newsletter'] } };
}

test('upload: a newsletter column is never suggested as organic media, but its note says it could be one', async () => {
  const u = UploadSchema.parse((await app.inject({ method: 'POST', url: '/api/uploads', ...multipart('retail.csv', await readFile(csvPath)) })).json());
  const column = u.columns.find((c) => c.name === 'newsletter');
  assert.ok(column !== undefined);
  assert.notEqual(column.suggestedRole, 'organic');
  assert.ok(u.columns.every((c) => c.suggestedRole !== 'organic'));
  assert.match(column.note ?? '', /looks like media exposure without spend.*Organic media \(no spend\)/);
});

test('a fit with a column marked organic equals `mixwise fit --organic` on the same file', async () => {
  const { uploadId, roles } = await organicRoles(csvPath);
  const check = RoleMappingResponseSchema.parse((await app.inject({ method: 'PUT', url: `/api/uploads/${uploadId}/roles`, payload: { roles, cleaning: [] } })).json());
  assert.equal(check.ok, true, JSON.stringify(check.issues));
  assert.deepEqual(check.table?.channels, roles.channels.map((c) => c.replace(/_spend$/, '')), 'organic media are not channels');
  const started = await app.inject({ method: 'POST', url: '/api/runs', payload: { uploadId, roles, options: { seed: SEED, iterations: ITERATIONS } } });
  assert.equal(started.statusCode, 202, started.body);
  const run = RunManifestSchema.parse(started.json());
  assert.deepEqual(run.roles?.organic, ['newsletter']);
  const events = (await readEvents(`${base}/api/runs/${run.id}/events`, 60_000)).map((e) => RunEventSchema.parse(e));
  assert.equal(events[events.length - 1]?.status, 'done', JSON.stringify(events.slice(-3)));
  const served = (await app.inject(`/api/runs/${run.id}/summary`)).json() as { organic?: { name: string }[]; baseline: { components: Record<string, number> } };
  assert.deepEqual(served.organic?.map((o) => o.name), ['newsletter']);
  assert.ok('organic' in served.baseline.components);

  const out = join(ws.root, 'cli-organic');
  const args = ['fit', csvPath, '--target', roles.target, '--date', roles.date, '--channels', roles.channels.join(','),
    ...(roles.controls.length > 0 ? ['--controls', roles.controls.join(',')] : ['--no-auto-controls']),
    ...(roles.events.length > 0 ? ['--events', roles.events.join(',')] : ['--no-auto-events']),
    '--organic', 'newsletter', '--seed', String(SEED), '--iterations', String(ITERATIONS), '--workers', '1', '--out', out, '--json'];
  const io = { stdout: { write: () => true }, stderr: { write: () => true }, env: {}, cwd: ws.root };
  assert.equal(await runCli(args, io), 0);
  assert.deepEqual(served, JSON.parse(await readFile(join(out, 'summary.json'), 'utf8')));
  assert.equal(await readFile(join(out, 'decomposition.csv'), 'utf8'), await readFile(join(ws.runsDir, run.id, 'decomposition.csv'), 'utf8'));
});

test('a negative or empty organic cell: the role check and the fit list it with its row and column; the cleaning fixes clip it and fill it with 0, logged', async () => {
  const bad = [...lines];
  const set = (k: number, value: string): void => { const cells = bad[k].split(','); cells[cells.length - 1] = value; bad[k] = cells.join(','); };
  set(5, '-3');
  set(9, '');
  const path = join(ws.root, 'bad-newsletter.csv');
  await writeFile(path, bad.join('\n') + '\n');
  const { uploadId, roles } = await organicRoles(path);
  const check = RoleMappingResponseSchema.parse((await app.inject({ method: 'PUT', url: `/api/uploads/${uploadId}/roles`, payload: { roles, cleaning: [] } })).json());
  assert.equal(check.ok, false);
  const at = (code: string) => check.issues.filter((i) => i.code === code && i.at.column === 'newsletter').map((i) => [i.at.row, i.fix, i.message]);
  assert.deepEqual(at('NEGATIVE_SPEND').map(([row, fix]) => [row, fix]), [[6, 'negatives_clip']]);
  assert.match(String(at('NEGATIVE_SPEND')[0]?.[2]), /organic exposure is negative \(-3\)/);
  assert.deepEqual(at('EMPTY_CELL').map(([row, fix]) => [row, fix]), [[10, 'fill_gaps']]);
  // Ticking both: the newsletter's cells are cleaned like spend and every change is counted.
  const cleaned = RoleMappingResponseSchema.parse((await app.inject({ method: 'PUT', url: `/api/uploads/${uploadId}/roles`, payload: { roles, cleaning: ['negatives_clip', 'fill_gaps'] } })).json());
  assert.equal(cleaned.ok, true, JSON.stringify(cleaned.issues));
  assert.deepEqual(cleaned.cleaning.map((s) => [s.step, s.changes]), [['negatives', 1], ['fill_gaps', 1]]);
  const refused = await app.inject({ method: 'POST', url: '/api/runs', payload: { uploadId, roles, options: { seed: SEED, iterations: ITERATIONS } } });
  assert.equal(refused.statusCode, 422);
  const issues = ApiErrorSchema.parse(refused.json()).error.issues ?? [];
  assert.deepEqual(issues.filter((i) => i.at.column === 'newsletter').map((i) => [i.code, i.at.row]).sort(), [['EMPTY_CELL', 10], ['NEGATIVE_SPEND', 6]]);
});

test('organic media with method "bayes": the run samples them and the summary carries their credible interval', async () => {
  const { uploadId, roles } = await organicRoles(csvPath);
  const started = await app.inject({ method: 'POST', url: '/api/runs', payload: { uploadId, roles, options: { seed: SEED, iterations: ITERATIONS, method: 'bayes', bayes: { chains: 1, warmup: 20, draws: 12 } } } });
  assert.equal(started.statusCode, 202, started.body);
  const run = RunManifestSchema.parse(started.json());
  const events = (await readEvents(`${base}/api/runs/${run.id}/events`, 120_000)).map((e) => RunEventSchema.parse(e));
  assert.equal(events[events.length - 1]?.status, 'done', JSON.stringify(events.slice(-3)));
  const served = (await app.inject(`/api/runs/${run.id}/summary`)).json() as { organic?: { name: string; contribution_interval?: unknown }[] };
  assert.equal(served.organic?.[0].name, 'newsletter');
  assert.ok(Array.isArray(served.organic?.[0].contribution_interval), JSON.stringify(served.organic));
});
