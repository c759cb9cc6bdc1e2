// Built-in holidays from the dashboard's API: roles.holidays adds the holiday events to the checked
// table and the fit, as `mixwise fit --holidays`; an unknown name is an issue, not a server error.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { PlanResponseSchema, RoleMappingResponseSchema, RunEventSchema, RunManifestSchema } from '@mixwise/contracts';
import { createServer } from '../src/index.ts';
import { readEvents, uploadWithSuggestedRoles, workspace, listenOnFreePort } from './helpers.ts';

let ws: Awaited<ReturnType<typeof workspace>>;
let app: FastifyInstance;
let base: string;

before(async () => {
  ws = await workspace();
  app = await createServer({ runsDir: ws.runsDir, dataDir: ws.dataDir, dashboardDir: false, fitThreads: 2 });
  base = await listenOnFreePort(app);
});
after(async () => {
  await app.close();
  await rm(ws.root, { recursive: true, force: true });
});

test('roles.holidays: the check accepts known sets, reports an unknown one as HOLIDAY_UNKNOWN, and the fit has the events', async () => {
  const { uploadId, roles } = await uploadWithSuggestedRoles(app, ws.csvPath);
  const bad = RoleMappingResponseSchema.parse((await app.inject({ method: 'PUT', url: `/api/uploads/${uploadId}/roles`, payload: { roles: { ...roles, holidays: ['us', 'xmas'] }, cleaning: [] } })).json());
  assert.equal(bad.ok, false);
  assert.ok(bad.issues.some((i) => i.code === 'HOLIDAY_UNKNOWN' && /'xmas'/.test(i.message)), JSON.stringify(bad.issues));
  // The file's own black_friday and christmas (Dec 11–24) columns mark the same weeks: leave them out, the holidays replace them.
  const withHolidays = { ...roles, events: [], holidays: ['black-friday', 'christmas-shopping'], weekLabel: 'start' as const };
  const check = RoleMappingResponseSchema.parse((await app.inject({ method: 'PUT', url: `/api/uploads/${uploadId}/roles`, payload: { roles: withHolidays, cleaning: [] } })).json());
  assert.equal(check.ok, true, JSON.stringify(check.issues));
  // The check says what was done with them, as `mixwise fit` does, worded for the API.
  assert.match(check.holidays?.note ?? '', /^holidays: added 2 events: holiday_black_friday, holiday_christmas_shopping; weekly dates read as the first day of their week .*roles\.weekLabel "end"/);
  assert.deepEqual(check.holidays?.added.map((a) => a.name), ['holiday_black_friday', 'holiday_christmas_shopping']);
  assert.equal(check.holidays?.weekLabel, 'start');
  // With the file's black_friday column kept, Black Friday is not added: that column marks the same weeks.
  const same = RoleMappingResponseSchema.parse((await app.inject({ method: 'PUT', url: `/api/uploads/${uploadId}/roles`, payload: { roles: { ...roles, holidays: ['black-friday'] }, cleaning: [] } })).json());
  assert.match(same.holidays?.note ?? '', /not added, same weeks as an event column of the file: black-friday \(black_friday\)/, JSON.stringify(same));
  const started = await app.inject({ method: 'POST', url: '/api/runs', payload: { uploadId, roles: withHolidays, options: { seed: 1, iterations: 300 } } });
  assert.equal(started.statusCode, 202, started.body);
  const run = RunManifestSchema.parse(started.json());
  assert.deepEqual(run.roles?.holidays, ['black-friday', 'christmas-shopping']);
  const events = (await readEvents(`${base}/api/runs/${run.id}/events`, 60_000)).map((e) => RunEventSchema.parse(e));
  assert.equal(events[events.length - 1]?.status, 'done', JSON.stringify(events.slice(-3)));
  const header = (await readFile(join(ws.runsDir, run.id, 'decomposition.csv'), 'utf8')).split('\n')[0].split(',');
  assert.ok(header.includes('holiday_black_friday') && header.includes('holiday_christmas_shopping'), header.join(','));
  // model.json records the holidays asked for and the week label, as `mixwise fit` writes it.
  const model = JSON.parse(await readFile(join(ws.runsDir, run.id, 'model.json'), 'utf8')) as { holidayCalendar?: unknown };
  assert.deepEqual(model.holidayCalendar, { names: ['black-friday', 'christmas-shopping'], weekLabel: 'start' });
  // A plan places them on its own weeks and says so in `holidays`, as the CLI's plan.holidays and its line.
  const planned = await app.inject({ method: 'POST', url: `/api/runs/${run.id}/plan`, payload: { periods: 52 } });
  assert.equal(planned.statusCode, 200, planned.body);
  const plan = PlanResponseSchema.parse(planned.json());
  assert.deepEqual(plan.holidays?.periods.map((p) => p.date), plan.dates);
  assert.deepEqual(plan.holidays?.periods.filter((p) => p.holidays.includes('black-friday')).length, 1, JSON.stringify(plan.holidays));
  assert.deepEqual(plan.holidays?.events.map((e) => [e.name, e.placed]), [['holiday_black_friday', true], ['holiday_christmas_shopping', true]]);
  assert.equal(plan.holidays?.calendar, 'recorded');
  assert.match(plan.holidays?.text ?? '', /^holidays from --holidays in the plan: .*black-friday \(\d{4}-\d{2}-\d{2}\).*; they change the KPI inside the window by [-+−]?[\d,]+ against/);
});
