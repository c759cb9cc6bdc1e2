import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import {
  ApiErrorSchema, LiftTestsResponseSchema, RunManifestSchema, RunListSchema, type LiftTest, type Roles,
} from '@mixwise/contracts';
import { runCli } from '@mixwise/cli';
import { createServer } from '../src/index.ts';
import { multipartForm, uploadWithSuggestedRoles, workspace } from './helpers.ts';

// The retail data of helpers.workspace: 156 weeks from 2022-01-03 to 2024-12-23, channels tv, ooh,
// search, social, display. With a holdout of 8 weeks the fitted rows end on 2024-10-28.
const GOOD = 'channel,start,end,lift,standard_error\ntv,2024-06-03,2024-07-22,616905.24,130720.23\nsearch,2024-07-29,2024-09-16,1914997.46,\n';
const GOOD_TESTS: LiftTest[] = [
  { channel: 'tv', start: '2024-06-03', end: '2024-07-22', lift: 616905.24, standardError: 130720.23 },
  { channel: 'search', start: '2024-07-29', end: '2024-09-16', lift: 1914997.46 },
];
const ITERATIONS = 100;

let ws: Awaited<ReturnType<typeof workspace>>;
let app: FastifyInstance;
let uploadId: string;
let roles: Roles;

before(async () => {
  ws = await workspace();
  app = await createServer({ runsDir: ws.runsDir, dataDir: ws.dataDir, dashboardDir: false });
  ({ uploadId, roles } = await uploadWithSuggestedRoles(app, ws.csvPath));
});
after(async () => {
  await app.close();
  await rm(ws.root, { recursive: true, force: true });
});

/** POST a lift-test file for the upload with these form fields (roles as JSON by default). */
const send = (content: string | Uint8Array, fields: Record<string, string> = { roles: JSON.stringify(roles) }, name = 'lift.csv', id = uploadId) =>
  app.inject({ method: 'POST', url: `/api/uploads/${id}/lift-tests`, ...multipartForm(fields, { name, content }) });

/** [code, file, row, column] of each issue of a 422 answer. */
function issuesOf(res: Awaited<ReturnType<typeof send>>): [string, string | undefined, number | undefined, string | undefined][] {
  assert.equal(res.statusCode, 422, res.body);
  const body = ApiErrorSchema.parse(res.json());
  assert.equal(body.error.code, 'INVALID_DATA');
  return (body.error.issues ?? []).map((i) => [i.code, i.at.file, i.at.row, i.at.column]);
}

test('a lift-test CSV is read against the upload\'s channels and dates: 200 with the tests, the standard error only where given', async () => {
  const res = await send(GOOD);
  assert.equal(res.statusCode, 200, res.body);
  const body = LiftTestsResponseSchema.parse(res.json());
  assert.equal(body.fileName, 'lift.csv');
  assert.deepEqual(body.tests, GOOD_TESTS);
  assert.ok(!('standardError' in body.tests[1]), 'an empty cell keeps the default');
});

test('a null or negative lift with its standard error is accepted (a test that measured no effect still calibrates)', async () => {
  const res = await send('channel,start,end,lift,standard_error\ndisplay,2024-06-03,2024-07-22,-500,100\ntv,2024-06-03,2024-07-22,0,5000\n');
  assert.equal(res.statusCode, 200, res.body);
  assert.deepEqual(LiftTestsResponseSchema.parse(res.json()).tests.map((t) => [t.channel, t.lift, t.standardError]), [['display', -500, 100], ['tv', 0, 5000]]);
});

test('bad rows are refused with 422 and every issue names the file, row and column', async () => {
  const bad = 'channel,start,end,lift,standard_error\nradio,2024-06-03,2024-07-22,1000,\ntv,2024-06-03,2024-13-01,1000,\ntv,2024-06-03,2024-07-22,-5,\ntv,2024-06-03,2024-07-22,1000,-1\ntv,2025-03-03,2025-04-07,1000,\n';
  assert.deepEqual(issuesOf(await send(bad, undefined, 'experiments.csv')), [
    ['LIFT_TEST_CHANNEL', 'experiments.csv', 2, 'channel'],
    ['INVALID_DATE', 'experiments.csv', 3, 'end'],
    ['LIFT_TEST_VALUE', 'experiments.csv', 4, 'lift'],
    ['LIFT_TEST_VALUE', 'experiments.csv', 5, 'standard_error'],
    ['LIFT_TEST_RANGE', 'experiments.csv', 6, 'start'],
  ]);
  const res = await send(bad);
  const channel = ApiErrorSchema.parse(res.json()).error.issues?.[0];
  assert.match(channel?.hint ?? '', /tv, ooh, search, social, display/, 'the hint lists the channels of these roles');
  // Misnamed columns: the missing ones and the unknown ones are both named.
  assert.deepEqual(issuesOf(await send('channel,from,to,lift\ntv,2024-06-03,2024-07-22,1\n')).map((i) => [i[0], i[3]]),
    [['MISSING_COLUMN', 'start'], ['MISSING_COLUMN', 'end'], ['LIFT_TEST_COLUMN', 'from'], ['LIFT_TEST_COLUMN', 'to']]);
});

test('with a holdout, a test that only covers held-out weeks is refused at its row; without, it is accepted', async () => {
  const late = 'channel,start,end,lift\ntv,2024-06-03,2024-07-22,1000\ndisplay,2024-11-04,2024-12-16,1000\n';
  const refused = await send(late, { roles: JSON.stringify(roles), holdout: '8' });
  assert.deepEqual(issuesOf(refused), [['LIFT_TEST_RANGE', 'lift.csv', 3, 'start']]);
  assert.match(ApiErrorSchema.parse(refused.json()).error.issues?.[0].message ?? '', /no period inside the fitted rows \(2022-01-03 … 2024-10-28\)/);
  assert.equal((await send(late)).statusCode, 200);
  assert.equal((await send(late, { roles: JSON.stringify(roles), holdout: '' })).statusCode, 200, 'an empty holdout field is no holdout');
});

test('bad lift-test requests: not CSV 415, no file or roles 400, unknown upload 404, roles the data refuses 422, too many rows 422, too large 413', async () => {
  const code = async (res: Awaited<ReturnType<typeof send>>) => [res.statusCode, ApiErrorSchema.parse(res.json()).error.code];
  assert.deepEqual(await code(await send(GOOD, undefined, 'lift.xlsx')), [415, 'UNSUPPORTED_MEDIA_TYPE']);
  assert.deepEqual(await code(await app.inject({ method: 'POST', url: `/api/uploads/${uploadId}/lift-tests`, payload: { roles } })), [415, 'UNSUPPORTED_MEDIA_TYPE']);
  assert.deepEqual(await code(await app.inject({ method: 'POST', url: `/api/uploads/${uploadId}/lift-tests`, ...multipartForm({ roles: JSON.stringify(roles) }) })), [400, 'BAD_REQUEST']);
  const noRoles = await send(GOOD, {});
  assert.deepEqual(await code(noRoles), [400, 'BAD_REQUEST']);
  assert.equal(ApiErrorSchema.parse(noRoles.json()).error.issues?.[0].at.column, 'roles');
  const notJson = await send(GOOD, { roles: '{date:' });
  assert.deepEqual([notJson.statusCode, ApiErrorSchema.parse(notJson.json()).error.issues?.[0].at.column], [400, 'roles']);
  const badHoldout = await send(GOOD, { roles: JSON.stringify(roles), holdout: 'x' });
  assert.deepEqual([badHoldout.statusCode, ApiErrorSchema.parse(badHoldout.json()).error.issues?.[0].at.column], [400, 'holdout']);
  assert.deepEqual(await code(await send(GOOD, undefined, 'lift.csv', 'ffffffffffffffff')), [404, 'NOT_FOUND']);
  const refused = await send(GOOD, { roles: JSON.stringify({ ...roles, target: 'not_a_column' }) });
  assert.deepEqual(await code(refused), [422, 'INVALID_DATA']);
  assert.ok(ApiErrorSchema.parse(refused.json()).error.issues?.some((i) => i.code === 'MISSING_COLUMN'));
  const many = 'channel,start,end,lift\n' + 'tv,2024-06-03,2024-07-22,1000\n'.repeat(201);
  assert.deepEqual(issuesOf(await send(many)), [['TOO_MANY_LIFT_TESTS', 'lift.csv', undefined, undefined]]);
  const huge = 'channel,start,end,lift\n' + 'tv,2024-06-03,2024-07-22,1000\n'.repeat(40_000);
  const tooLarge = await send(huge);
  assert.deepEqual(await code(tooLarge), [413, 'PAYLOAD_TOO_LARGE']);
  assert.match(ApiErrorSchema.parse(tooLarge.json()).error.message, /lift-test file limit of 1,048,576 bytes/);
});

test('POST /api/runs re-checks the lift tests against the table and the fitted rows: 422 naming the test, nothing queued', async () => {
  const before = RunListSchema.parse((await app.inject('/api/runs')).json()).runs.length;
  const start = (liftTests: LiftTest[], holdout?: number) => app.inject({ method: 'POST', url: '/api/runs', payload: { uploadId, roles, options: { iterations: ITERATIONS, holdout, liftTests } } });
  const unknown = await start([GOOD_TESTS[0], { ...GOOD_TESTS[0], channel: 'radio' }]);
  assert.equal(unknown.statusCode, 422, unknown.body);
  const u = ApiErrorSchema.parse(unknown.json()).error;
  assert.match(u.message, /^lift test 2 \(radio, 2024-06-03 … 2024-07-22\): lift test for unknown channel "radio"/);
  assert.deepEqual(u.issues?.map((i) => [i.code, i.at.column]), [['LIFT_TEST_CHANNEL', 'options.liftTests.1.channel']]);
  const outside = await start([{ ...GOOD_TESTS[0], start: '2025-03-03', end: '2025-04-07' }]);
  assert.deepEqual(ApiErrorSchema.parse(outside.json()).error.issues?.map((i) => [i.code, i.at.column]), [['LIFT_TEST_RANGE', 'options.liftTests.0.start']]);
  const heldOut = await start([GOOD_TESTS[0], { channel: 'display', start: '2024-11-04', end: '2024-12-16', lift: 1000 }], 8);
  assert.equal(heldOut.statusCode, 422);
  assert.match(ApiErrorSchema.parse(heldOut.json()).error.message, /^lift test 2 \(display, 2024-11-04 … 2024-12-16\): .*no period inside the fitted rows \(2022-01-03 … 2024-10-28\)/);
  const pastData = await start([{ ...GOOD_TESTS[0], measuredThrough: '2026-01-05' }]);
  assert.deepEqual(ApiErrorSchema.parse(pastData.json()).error.issues?.map((i) => [i.code, i.at.column]), [['LIFT_TEST_RANGE', 'options.liftTests.0.measuredThrough']]);
  const early = await start([{ ...GOOD_TESTS[0], measuredThrough: GOOD_TESTS[0].start }]);
  assert.deepEqual([early.statusCode, ApiErrorSchema.parse(early.json()).error.issues?.[0].at.column], [400, 'options.liftTests.0.measuredThrough']);
  const repeated = await start([GOOD_TESTS[0], GOOD_TESTS[1], { ...GOOD_TESTS[0] }]);
  assert.equal(repeated.statusCode, 422);
  assert.deepEqual(ApiErrorSchema.parse(repeated.json()).error.issues?.map((i) => [i.code, i.at.column]), [['LIFT_TEST_REPEATED', 'options.liftTests.2']]);
  // A lift of 0 needs its standard error (GOOD_TESTS[1] has none).
  const malformed = await start([{ ...GOOD_TESTS[1], lift: 0 }]);
  assert.deepEqual([malformed.statusCode, ApiErrorSchema.parse(malformed.json()).error.issues?.[0].at.column], [400, 'options.liftTests.0.standardError']);
  assert.equal(RunListSchema.parse((await app.inject('/api/runs')).json()).runs.length, before, 'no run was queued');
});

test('a fit with lift tests is calibrated by them: summary.json lists each test, and equals `mixwise fit --lift-tests`', { timeout: 120_000 }, async () => {
  const liftPath = join(ws.root, 'lift.csv');
  await writeFile(liftPath, GOOD);
  const tests = LiftTestsResponseSchema.parse((await send(GOOD)).json()).tests;
  const started = await app.inject({ method: 'POST', url: '/api/runs', payload: { uploadId, roles, options: { seed: 2, iterations: ITERATIONS, liftTests: tests } } });
  assert.equal(started.statusCode, 202, started.body);
  const run = RunManifestSchema.parse(started.json());
  assert.deepEqual(run.options?.liftTests, GOOD_TESTS, 'the run keeps its tests');
  // The CLI fit of the same file runs meanwhile (the server's fit is in a worker thread).
  const out = join(ws.root, 'cli-lift');
  const io = { stdout: { write: () => true }, stderr: { write: () => true }, env: {}, cwd: ws.root };
  const cli = runCli(['fit', ws.csvPath, '--target', roles.target, '--date', roles.date, '--channels', roles.channels.join(','),
    ...(roles.controls.length > 0 ? ['--controls', roles.controls.join(',')] : []),
    ...(roles.events.length > 0 ? ['--events', roles.events.join(',')] : ['--no-auto-events']),
    '--lift-tests', liftPath, '--seed', '2', '--iterations', String(ITERATIONS), '--workers', '1', '--out', out, '--json'], io);
  const deadline = Date.now() + 100_000;
  let m = run;
  while (m.status !== 'done' && m.status !== 'failed' && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 100));
    m = RunManifestSchema.parse((await app.inject(`/api/runs/${run.id}`)).json());
  }
  assert.equal(m.status, 'done', JSON.stringify(m.error));
  const summary = JSON.parse(await readFile(join(ws.runsDir, run.id, 'summary.json'), 'utf8')) as { lift_tests: { channel: string; start: string; measured: number; standard_error: number }[] };
  assert.deepEqual(summary.lift_tests.map((t) => [t.channel, t.start, t.measured]), GOOD_TESTS.map((t) => [t.channel, t.start, t.lift]));
  assert.equal(summary.lift_tests[0].standard_error, 130720.23);
  assert.ok(Math.abs(summary.lift_tests[1].standard_error - 0.2 * 1914997.46) < 1e-6, 'no standard error given: 20% of the lift');
  assert.equal(await cli, 0);
  assert.deepEqual(summary, JSON.parse(await readFile(join(out, 'summary.json'), 'utf8')), 'the same calibrated model as the CLI');
});
