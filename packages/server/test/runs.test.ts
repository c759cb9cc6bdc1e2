import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdir, readFile, rename, rm, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import {
  ApiErrorSchema, RunEventSchema, RunExportsSchema, RunManifestSchema, RunListSchema, DecompositionRowsSchema, type Roles, type RunManifest,
} from '@mixwise/contracts';
import { runCli } from '@mixwise/cli';
import { createServer } from '../src/index.ts';
import { readEvents, uploadWithSuggestedRoles, workspace, listenOnFreePort } from './helpers.ts';

let ws: Awaited<ReturnType<typeof workspace>>;
let app: FastifyInstance;
let base: string;
let uploadId: string;
let roles: Roles;
let run: RunManifest;

const SEED = 3;
const ITERATIONS = 300;

before(async () => {
  ws = await workspace();
  // Fits use two worker threads each, and the CLI runs below use one: the results must not differ.
  app = await createServer({ runsDir: ws.runsDir, dataDir: ws.dataDir, dashboardDir: false, fitThreads: 2 });
  base = await listenOnFreePort(app);
  ({ uploadId, roles } = await uploadWithSuggestedRoles(app, ws.csvPath));
});
after(async () => {
  await app.close();
  await rm(ws.root, { recursive: true, force: true });
});

const json = async (method: 'GET' | 'POST' | 'DELETE', url: string, payload?: object) => {
  const res = await app.inject({ method, url, ...(payload ? { payload } : {}) });
  return { status: res.statusCode, body: res.json() as unknown, raw: res };
};

/** `mixwise fit` on the uploaded file with the roles, seed and iterations of the server runs (one worker), plus `extra` flags; returns its summary.json. */
async function cliFitSummary(out: string, extra: readonly string[]): Promise<unknown> {
  const args = ['fit', ws.csvPath, '--target', roles.target, '--date', roles.date, '--channels', roles.channels.join(','),
    ...(roles.controls.length > 0 ? ['--controls', roles.controls.join(',')] : []),
    ...(roles.events.length > 0 ? ['--events', roles.events.join(',')] : ['--no-auto-events']),
    '--seed', String(SEED), '--iterations', String(ITERATIONS), ...extra, '--workers', '1', '--out', out, '--json'];
  const io = { stdout: { write: () => true }, stderr: { write: () => true }, env: {}, cwd: ws.root };
  assert.equal(await runCli(args, io), 0);
  return JSON.parse(await readFile(join(out, 'summary.json'), 'utf8')) as unknown;
}

test('a fit starts (202), streams progress over SSE and ends done with the run files', async () => {
  const started = await json('POST', '/api/runs', { uploadId, roles, options: { seed: SEED, iterations: ITERATIONS } });
  assert.equal(started.status, 202, JSON.stringify(started.body));
  run = RunManifestSchema.parse(started.body);
  assert.ok(['queued', 'running'].includes(run.status));
  assert.equal(run.source.type, 'upload');
  const events = (await readEvents(`${base}/api/runs/${run.id}/events`, 40_000)).map((e) => RunEventSchema.parse(e));
  assert.ok(events.length >= 3, `only ${events.length} events`);
  assert.ok(events.some((e) => e.status === 'running' && e.progress.phase === 'search' && e.progress.done > 0), 'a search progress event');
  const last = events[events.length - 1];
  assert.equal(last.status, 'done', JSON.stringify(events.slice(-4)));
  const searchDone = events.filter((e) => e.progress.phase === 'search').map((e) => e.progress.done);
  assert.deepEqual(searchDone, [...searchDone].sort((a, b) => a - b), 'search progress never goes back');
  // Before the search reports its size the run is 'starting' with no count (not a made-up "search 0/1").
  for (const e of events.filter((x) => x.progress.phase === 'starting')) assert.deepEqual([e.progress.done, e.progress.total], [0, 0]);
  assert.ok(!events.some((e) => e.progress.phase === 'search' && e.progress.total === 1), 'no placeholder search 0/1');
  const folder = join(ws.runsDir, run.id);
  for (const f of ['run.json', 'model.json', 'summary.json', 'decomposition.csv', 'diagnostics.json', 'response_curves.csv', 'results.sqlite', 'report.html', 'exports/csv/channel_summary.csv', 'exports/parquet/channel_summary.parquet']) {
    assert.ok(existsSync(join(folder, f)), f);
  }
  assert.equal(existsSync(join(folder, '.staging')), false);
  const manifest = RunManifestSchema.parse(JSON.parse(await readFile(join(folder, 'run.json'), 'utf8')));
  assert.equal(manifest.status, 'done');
  const list = RunListSchema.parse((await json('GET', '/api/runs')).body);
  assert.deepEqual(list.runs.map((r) => r.id), [run.id]);
});

test('the server run (two fit threads) equals `mixwise fit` (one) with the same data, roles, seed and iterations', async () => {
  const out = join(ws.root, 'cli-fit');
  const cli = await cliFitSummary(out, []);
  const served = (await json('GET', `/api/runs/${run.id}/summary`)).body;
  assert.deepEqual(served, cli);
  for (const f of ['decomposition.csv', 'report.html']) {
    assert.equal(await readFile(join(out, f), 'utf8'), await readFile(join(ws.runsDir, run.id, f), 'utf8'), f);
  }
});

test('results: model.json as-is, summary, diagnostics, decomposition rows', async () => {
  const model = await app.inject(`/api/runs/${run.id}/model`);
  assert.equal(model.statusCode, 200);
  assert.equal(model.body, await readFile(join(ws.runsDir, run.id, 'model.json'), 'utf8'));
  const summary = (await json('GET', `/api/runs/${run.id}/summary`)).body as { channels: { name: string }[] };
  assert.deepEqual(summary.channels.map((c) => c.name), roles.channels.map((c) => c.replace(/_spend$/, '')));
  assert.equal((await json('GET', `/api/runs/${run.id}/diagnostics`)).status, 200);
  const dec = DecompositionRowsSchema.parse((await json('GET', `/api/runs/${run.id}/decomposition`)).body);
  const csv = (await readFile(join(ws.runsDir, run.id, 'decomposition.csv'), 'utf8')).trim().split('\n');
  assert.equal(dec.rows.length, csv.length - 1);
  assert.deepEqual(dec.columns, csv[0].split(','));
  const missing = await json('GET', '/api/runs/no-such-run/summary');
  assert.equal(missing.status, 404);
});

test('exports: listed, downloaded as attachments with the file bytes', async () => {
  const list = RunExportsSchema.parse((await json('GET', `/api/runs/${run.id}/exports`)).body);
  const names = list.files.map((f) => `${f.folder}/${f.name}`);
  for (const n of ['run/decomposition.csv', 'run/summary.json', 'run/model.json', 'run/results.sqlite', 'csv/decomposition.csv', 'parquet/predictions.parquet']) assert.ok(names.includes(n), n);
  const dl = await app.inject(`/api/runs/${run.id}/exports/decomposition.csv`);
  assert.equal(dl.statusCode, 200);
  assert.equal(dl.headers['content-disposition'], `attachment; filename="${run.id}-decomposition.csv"`);
  assert.equal(dl.body, await readFile(join(ws.runsDir, run.id, 'decomposition.csv'), 'utf8'));
  const pq = await app.inject(`/api/runs/${run.id}/exports/parquet/predictions.parquet`);
  assert.equal(pq.statusCode, 200);
  assert.deepEqual(pq.rawPayload, await readFile(join(ws.runsDir, run.id, 'exports', 'parquet', 'predictions.parquet')));
});

test('report: the run HTML report with the summary numbers, no scripts allowed', async () => {
  const res = await app.inject(`/api/runs/${run.id}/report`);
  assert.equal(res.statusCode, 200);
  assert.match(res.headers['content-type'] as string, /text\/html/);
  assert.match(res.headers['content-security-policy'] as string, /default-src 'none'/);
  assert.ok(res.body.startsWith('<!doctype html>'));
  assert.ok(!/<script/i.test(res.body));
  const summary = JSON.parse(await readFile(join(ws.runsDir, run.id, 'summary.json'), 'utf8')) as { channels: { name: string }[] };
  for (const c of summary.channels) assert.ok(res.body.includes(c.name), c.name);
  const again = await app.inject(`/api/runs/${run.id}/report?download=1`);
  assert.equal(again.body, res.body, 'deterministic (and cached)');
  assert.equal(again.headers['content-disposition'], `attachment; filename="${run.id}-report.html"`);
  // The report.html the fit wrote is sent as it is (not rendered again on the event loop)…
  const stored = join(ws.runsDir, run.id, 'report.html');
  assert.equal(res.body, await readFile(stored, 'utf8'));
  // … and without it (or when stale) the report is rendered on a worker thread, with the same content.
  await rename(stored, `${stored}.bak`);
  try {
    const rendered = await app.inject(`/api/runs/${run.id}/report`);
    assert.equal(rendered.statusCode, 200);
    assert.match(rendered.headers['content-security-policy'] as string, /default-src 'none'/);
    assert.equal(rendered.body, res.body);
  } finally {
    await rename(`${stored}.bak`, stored);
  }
});

test('path traversal: ../, encoded, absolute and symlinked names never return a file outside the run', async () => {
  const secret = join(ws.root, 'secret.json');
  await writeFile(secret, '{"secret":"TOPSECRET-42"}');
  const folder = join(ws.runsDir, run.id);
  await symlink(secret, join(folder, 'link.json'));
  await mkdir(join(folder, 'exports', 'csv'), { recursive: true });
  await symlink(secret, join(folder, 'exports', 'csv', 'leak.csv'));
  const urls = [
    `/api/runs/${run.id}/exports/../../secret.json`,
    `/api/runs/${run.id}/exports/..%2f..%2fsecret.json`,
    `/api/runs/${run.id}/exports/%2e%2e%2f%2e%2e%2fsecret.json`,
    `/api/runs/${run.id}/exports/%2e%2e%252f%2e%2e%252fsecret.json`,
    `/api/runs/${run.id}/exports/${encodeURIComponent(secret)}`,
    `/api/runs/${run.id}/exports/link.json`,
    `/api/runs/${run.id}/exports/csv/leak.csv`,
    `/api/runs/${run.id}/exports/csv/..%2f..%2f..%2f..%2fsecret.json`,
    `/api/runs/..%2f..%2f/exports/secret.json`,
    `/api/runs/${encodeURIComponent('../..')}/summary`,
    `/api/uploads/..%2f..%2fsecret.json`,
  ];
  for (const url of urls) {
    const res = await app.inject(url);
    assert.ok(res.statusCode >= 400 && res.statusCode < 500, `${url}: ${res.statusCode}`);
    assert.ok(!res.body.includes('TOPSECRET'), url);
  }
  const list = RunExportsSchema.parse((await json('GET', `/api/runs/${run.id}/exports`)).body);
  assert.ok(!list.files.some((f) => f.name === 'link.json' || f.name === 'leak.csv'), 'symlinks out of the run are not listed');
  // raw HTTP too (no client-side normalisation of the path)
  for (const path of [`/api/runs/${run.id}/exports/../../../secret.json`, `/api/runs/${run.id}/exports/%2e%2e/secret.json`]) {
    const text = await rawGet(path);
    assert.ok(!text.includes('TOPSECRET'), path);
    assert.match(text, /^HTTP\/1\.1 4\d\d/, path);
  }
});

test('cancelling a long fit terminates its worker: status cancelled, no results, no staging left', async () => {
  const started = RunManifestSchema.parse((await json('POST', '/api/runs', { uploadId, roles, options: { seed: 1, iterations: 200_000 } })).body);
  const deadline = Date.now() + 20_000;
  let m = started;
  while (!(m.status === 'running' && m.progress.done > 0) && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 50));
    m = RunManifestSchema.parse((await json('GET', `/api/runs/${started.id}`)).body);
  }
  assert.equal(m.status, 'running');
  const t0 = Date.now();
  const cancelled = await json('POST', `/api/runs/${started.id}/cancel`);
  assert.equal(RunManifestSchema.parse(cancelled.body).status, 'cancelled');
  assert.ok(Date.now() - t0 < 5000, 'cancel is immediate');
  assert.equal(existsSync(join(ws.runsDir, started.id, '.staging')), false);
  assert.equal(existsSync(join(ws.runsDir, started.id, 'model.json')), false);
  const summary = await json('GET', `/api/runs/${started.id}/summary`);
  assert.equal(summary.status, 409);
  assert.equal(ApiErrorSchema.parse(summary.body).error.code, 'NOT_READY');
  const events = (await readEvents(`${base}/api/runs/${started.id}/events`, 5000)).map((e) => RunEventSchema.parse(e));
  assert.deepEqual(events.map((e) => e.status), ['cancelled']);
  const onDisk = RunManifestSchema.parse(JSON.parse(await readFile(join(ws.runsDir, started.id, 'run.json'), 'utf8')));
  assert.equal(onDisk.status, 'cancelled');
});

test('a finished run folder given as a model (mixwise serve --model DIR) is listed and served', async () => {
  const other = await createServer({ runsDir: join(ws.root, 'other-runs'), dataDir: join(ws.root, 'other-data'), dashboardDir: false, models: [join(ws.runsDir, run.id)] });
  try {
    const list = RunListSchema.parse((await other.inject('/api/runs')).json());
    assert.equal(list.runs.length, 1);
    const m = list.runs[0];
    assert.equal(m.id, run.id);
    assert.deepEqual([m.status, m.source.type], ['done', 'folder']);
    const summary = await other.inject(`/api/runs/${m.id}/summary`);
    assert.equal(summary.body, await readFile(join(ws.runsDir, run.id, 'summary.json'), 'utf8'));
    assert.equal((await other.inject({ method: 'POST', url: `/api/runs/${m.id}/optimize`, payload: {} })).statusCode, 200);
  } finally {
    await other.close();
  }
});

test('cleaning: a negative spend cell refuses the fit and names its fix; with negatives_clip the run fits and keeps changes.csv', async () => {
  const lines = (await readFile(ws.csvPath, 'utf8')).trim().split('\n');
  const header = lines[0].split(',');
  const j = header.indexOf(roles.channels[0]);
  const cells = lines[5].split(',');
  const before = cells[j];
  cells[j] = '-250';
  lines[5] = cells.join(',');
  const path = join(ws.root, 'negative.csv');
  await writeFile(path, lines.join('\n') + '\n');
  const negative = await uploadWithSuggestedRoles(app, path);
  const refused = await json('POST', '/api/runs', { uploadId: negative.uploadId, roles: negative.roles, options: { seed: SEED, iterations: ITERATIONS } });
  assert.equal(refused.status, 422);
  const issue = ApiErrorSchema.parse(refused.body).error.issues?.find((i) => i.code === 'NEGATIVE_SPEND');
  assert.deepEqual([issue?.at.row, issue?.at.column, issue?.fix], [6, roles.channels[0], 'negatives_clip']);
  const started = await json('POST', '/api/runs', { uploadId: negative.uploadId, roles: negative.roles, cleaning: ['negatives_clip'], options: { seed: SEED, iterations: ITERATIONS } });
  assert.equal(started.status, 202, JSON.stringify(started.body));
  const id = RunManifestSchema.parse(started.body).id;
  const events = await readEvents(`${base}/api/runs/${id}/events`, 60_000);
  assert.equal(RunEventSchema.parse(events[events.length - 1]).status, 'done');
  const folder = join(ws.runsDir, id);
  assert.deepEqual(RunManifestSchema.parse(JSON.parse(await readFile(join(folder, 'run.json'), 'utf8'))).cleaning, ['negatives_clip']);
  const date = cells[header.indexOf(negative.roles.date)];
  assert.equal(await readFile(join(folder, 'changes.csv'), 'utf8'),
    `step,column,row,date,before,after,reason\nnegatives,${roles.channels[0]},6,${date},-250,0,negative value clipped to 0\n`);
  assert.notEqual(before, '-250');
});

test('bad fit requests: unknown upload 404, roles the data refuses 422 with issues, malformed body 400', async () => {
  const unknown = await json('POST', '/api/runs', { uploadId: 'ffffffffffffffff', roles });
  assert.equal(unknown.status, 404);
  const refused = await json('POST', '/api/runs', { uploadId, roles: { ...roles, target: 'not_a_column' } });
  assert.equal(refused.status, 422);
  assert.ok(ApiErrorSchema.parse(refused.body).error.issues?.some((i) => i.code === 'MISSING_COLUMN'));
  const malformed = await json('POST', '/api/runs', { uploadId, roles, options: { iterations: -5 } });
  assert.equal(malformed.status, 400);
  assert.equal(ApiErrorSchema.parse(malformed.body).error.issues?.[0].at.column, 'options.iterations');
  const bayesWithoutMethod = await json('POST', '/api/runs', { uploadId, roles, options: { bayes: { chains: 2 } } });
  assert.equal(bayesWithoutMethod.status, 400);
  assert.equal(ApiErrorSchema.parse(bayesWithoutMethod.body).error.issues?.[0].at.column, 'options.bayes');
  const tooManyChains = await json('POST', '/api/runs', { uploadId, roles, options: { method: 'bayes', bayes: { chains: 64 } } });
  assert.equal(tooManyChains.status, 400);
  assert.equal(ApiErrorSchema.parse(tooManyChains.body).error.message, 'invalid request body: options.bayes.chains: chains must be a whole number from 1 to 16');
  // A cleared iterations field (0) is told what the field takes, in words.
  const cleared = await json('POST', '/api/runs', { uploadId, roles, options: { iterations: 0 } });
  assert.equal(ApiErrorSchema.parse(cleared.body).error.message, 'invalid request body: options.iterations: search iterations must be a whole number from 1 to 1,000,000');
  // Fields the request does not take are refused, not dropped (no ridge fit for a misplaced "bayes"), and named.
  const ids = async (): Promise<string[]> => RunListSchema.parse((await json('GET', '/api/runs')).body).runs.map((r) => r.id);
  const runsBefore = await ids();
  const misplaced = await json('POST', '/api/runs', { uploadId, roles, method: 'bayes', bayes: {} });
  assert.equal(misplaced.status, 400);
  const e = ApiErrorSchema.parse(misplaced.body).error;
  assert.equal(e.message, 'invalid request body: unknown field "method" (did you mean "options.method"?); unknown field "bayes" (did you mean "options.bayes"?)');
  assert.deepEqual(e.issues?.map((i) => [i.at.column, i.hint]), [['method', 'move "method" to "options.method"'], ['bayes', 'move "bayes" to "options.bayes"']]);
  const typo = await json('POST', '/api/runs', { uploadId, roles: { ...roles, kpi: 'sales' }, options: { iteration: 5 } });
  assert.deepEqual(ApiErrorSchema.parse(typo.body).error.issues?.map((i) => i.message).sort(), ['unknown field "options.iteration"', 'unknown field "roles.kpi"']);
  assert.deepEqual(await ids(), runsBefore, 'no run was started');
});

test('a Bayesian fit (method bayes) reports sampling progress and equals `mixwise fit --method bayes` with the same settings (chains on two threads vs one)', async () => {
  const bayes = { chains: 2, warmup: 60, draws: 30 };
  const started = await json('POST', '/api/runs', { uploadId, roles, options: { seed: SEED, iterations: ITERATIONS, method: 'bayes', bayes } });
  assert.equal(started.status, 202, JSON.stringify(started.body));
  const id = RunManifestSchema.parse(started.body).id;
  const events = (await readEvents(`${base}/api/runs/${id}/events`, 120_000)).map((e) => RunEventSchema.parse(e));
  assert.equal(events[events.length - 1].status, 'done', JSON.stringify(events.slice(-3)));
  const sampling = events.filter((e) => e.progress.phase === 'sample');
  assert.ok(sampling.length > 0, 'sampling progress events');
  assert.equal(sampling[0].progress.total, bayes.chains * (bayes.warmup + bayes.draws));
  const served = (await json('GET', `/api/runs/${id}/summary`)).body as { posterior: { chains: number; draws: number } | null };
  assert.deepEqual([served.posterior?.chains, served.posterior?.draws], [bayes.chains, bayes.draws]);
  const cli = await cliFitSummary(join(ws.root, 'cli-bayes'),
    ['--method', 'bayes', '--chains', String(bayes.chains), '--warmup', String(bayes.warmup), '--draws', String(bayes.draws)]);
  assert.deepEqual(served, cli);
});

/** A GET over a raw socket, so the path reaches the server exactly as written. */
async function rawGet(path: string): Promise<string> {
  const { connect } = await import('node:net');
  const url = new URL(base);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(url.port), url.hostname, () => socket.write(`GET ${path} HTTP/1.1\r\nHost: ${url.host}\r\nConnection: close\r\n\r\n`));
    let data = '';
    socket.on('data', (d) => (data += d.toString()));
    socket.on('end', () => resolve(data));
    socket.on('error', reject);
  });
}
