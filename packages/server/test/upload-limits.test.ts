// Uploads that used to freeze the server, fill the disk or answer 500: checks on worker threads (that the
// event loop answers meanwhile is src/jobs/check-pool.test.ts), the column cap, the Parquet size check
// before conversion, malformed multipart bodies.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { ApiErrorSchema } from '@mixwise/contracts';
import { openDatamart, sqlString } from '@mixwise/data';
import { createServer } from '../src/index.ts';
import { multipart, multipartForm, uploadWithSuggestedRoles, workspace } from './helpers.ts';

let ws: Awaited<ReturnType<typeof workspace>>;
let app: FastifyInstance;

before(async () => {
  ws = await workspace();
  app = await createServer({ runsDir: ws.runsDir, dataDir: ws.dataDir, dashboardDir: false });
});
after(async () => {
  await app.close();
  await rm(ws.root, { recursive: true, force: true });
});

const upload = (name: string, content: string | Uint8Array, target = app) => target.inject({ method: 'POST', url: '/api/uploads', ...multipart(name, content) });
const uploadDirs = async (dataDir = ws.dataDir): Promise<string[]> => readdir(join(dataDir, 'uploads')).catch(() => []);

/** A weekly CSV with `channels` spend columns and 200 rows. */
function wideCsv(channels: number): string {
  const header = ['date', 'revenue', ...Array.from({ length: channels }, (_, i) => `c${i}_spend`)];
  const rows = Array.from({ length: 200 }, (_, r) => [new Date(Date.UTC(2020, 0, 6 + 7 * r)).toISOString().slice(0, 10), String(1000 + r),
    ...Array.from({ length: channels }, (_, i) => String((r * 7 + i) % 100))]);
  return [header, ...rows].map((l) => l.join(',')).join('\n') + '\n';
}

test('a file with more columns than the cap is refused with 422 naming the count and the limit; nothing is kept', async () => {
  const before = await uploadDirs();
  const res = await upload('wide.csv', wideCsv(1001));
  assert.equal(res.statusCode, 422, res.body);
  const body = ApiErrorSchema.parse(res.json());
  assert.equal(body.error.message, '"wide.csv" has 1,003 columns; at most 1,000 are accepted');
  assert.equal(body.error.issues?.[0].code, 'TOO_MANY_COLUMNS');
  assert.deepEqual(await uploadDirs(), before);
});

test('uploads, role checks and the fit request check on the worker threads: past the time limit each is a 422', async () => {
  const { uploadId, roles } = await uploadWithSuggestedRoles(app, ws.csvPath);
  // 1 ms: no worker even starts in time, so each answer below comes from the pool's limit.
  const slow = await createServer({ runsDir: ws.runsDir, dataDir: ws.dataDir, dashboardDir: false, checkTimeoutMs: 1 });
  try {
    const before = await uploadDirs();
    const answers = [
      await upload('retail.csv', await readFile(ws.csvPath), slow),
      await slow.inject({ method: 'PUT', url: `/api/uploads/${uploadId}/roles`, payload: { roles } }),
      await slow.inject({ method: 'POST', url: '/api/runs', payload: { uploadId, roles, options: { iterations: 10 } } }),
      await slow.inject({ method: 'POST', url: `/api/uploads/${uploadId}/lift-tests`, ...multipartForm({ roles: JSON.stringify(roles) }, { name: 'lift.csv', content: 'channel,start,end,lift\n' }) }),
    ];
    for (const res of answers) {
      assert.equal(res.statusCode, 422, res.body);
      assert.match(ApiErrorSchema.parse(res.json()).error.message, /^checking the file took longer than the limit of 0\.001 s/);
    }
    assert.deepEqual(await uploadDirs(), before);
  } finally {
    await slow.close();
  }
});

test('a Parquet file that would expand past the upload limit as CSV is refused with 413 before conversion, nothing left on disk', async () => {
  const parquet = join(ws.root, 'bomb.parquet');
  const dm = await openDatamart();
  try {
    await dm.connection.run(`COPY (SELECT DATE '2020-01-06' + 7 * (i % 100)::INTEGER AS date, 1000 AS revenue, 5 AS tv_spend FROM range(200000) t(i)) TO ${sqlString(parquet)} (FORMAT PARQUET)`);
  } finally {
    dm.close();
  }
  const bytes = await readFile(parquet);
  const dataDir = join(ws.root, 'bomb-data');
  const small = await createServer({ runsDir: ws.runsDir, dataDir, dashboardDir: false, maxUploadBytes: 1024 * 1024 });
  try {
    assert.ok(bytes.length < 1024 * 1024);
    const res = await upload('bomb.parquet', bytes, small);
    assert.equal(res.statusCode, 413, res.body);
    assert.match(ApiErrorSchema.parse(res.json()).error.message, /^"bomb\.parquet" holds 200,000 rows, about [\d,]+ bytes as CSV: more than the upload limit of 1,048,576 bytes$/);
    assert.deepEqual(await uploadDirs(dataDir), []);
  } finally {
    await small.close();
  }
});

test('a file that is not Parquet is named by its base name only: no server path, no SQL', async () => {
  const res = await upload('fake.parquet', 'this is not parquet');
  assert.equal(res.statusCode, 422);
  const issue = ApiErrorSchema.parse(res.json()).error.issues?.[0];
  assert.equal(issue?.code, 'PARQUET_UNREADABLE');
  assert.match(issue?.message ?? '', /^cannot read fake\.parquet as Parquet: /);
  assert.doesNotMatch(res.body, new RegExp(`${ws.root}|uploads/|read_parquet|SELECT|source\\.parquet`));
});

test('a multipart body without its boundary or cut short is a 400, and nothing is kept', async () => {
  const before = await uploadDirs();
  const noBoundary = await app.inject({ method: 'POST', url: '/api/uploads', headers: { 'content-type': 'multipart/form-data' }, payload: 'date,sales\n' });
  assert.equal(noBoundary.statusCode, 400, noBoundary.body);
  assert.match(ApiErrorSchema.parse(noBoundary.json()).error.message, /not a complete multipart\/form-data body/);
  const whole = multipart('retail.csv', await readFile(ws.csvPath));
  const cut = await app.inject({ method: 'POST', url: '/api/uploads', headers: whole.headers, payload: whole.payload.subarray(0, 3000) });
  assert.equal(cut.statusCode, 400, cut.body);
  assert.equal(ApiErrorSchema.parse(cut.json()).error.code, 'BAD_REQUEST');
  assert.deepEqual(await uploadDirs(), before);
  const form = multipartForm({ roles: '{}' }, { name: 'lift.csv', content: 'channel,start,end,lift\n' });
  const { uploadId } = await uploadWithSuggestedRoles(app, ws.csvPath);
  const liftCut = await app.inject({ method: 'POST', url: `/api/uploads/${uploadId}/lift-tests`, headers: form.headers, payload: form.payload.subarray(0, 60) });
  assert.equal(liftCut.statusCode, 400, liftCut.body);
});
