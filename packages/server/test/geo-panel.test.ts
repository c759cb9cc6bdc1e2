// The geo-level model from the API: roles.panelMode "geo" on the Panel column reads the upload as a geo
// panel (the data layer's steps `mixwise fit --geo` uses), the role check names a missing or repeated
// (date, geo), the stage-1 refusals come back as 422 issues, and a fit writes summary.json `geos`,
// geo.json and geo-results.csv; its /optimize and /plan answers carry geoSplit and geoSplitNow.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { ApiErrorSchema, OptimizeResponseSchema, PlanResponseSchema, RoleMappingResponseSchema, RunEventSchema, RunManifestSchema, UploadSchema, type Roles } from '@mixwise/contracts';
import { createServer } from '../src/index.ts';
import { listenOnFreePort, multipart, readEvents, workspace } from './helpers.ts';
import { writeGeoPanelCsv } from './geo-panel-fixture.ts';

let ws: Awaited<ReturnType<typeof workspace>>;
let app: FastifyInstance;
let base: string;
let panelPath: string;
let panel: { header: string[]; lines: string[] };

before(async () => {
  ws = await workspace();
  app = await createServer({ runsDir: ws.runsDir, dataDir: ws.dataDir, dashboardDir: false, fitThreads: 1 });
  base = await listenOnFreePort(app);
  panelPath = join(ws.root, 'panel.csv');
  panel = await writeGeoPanelCsv(panelPath, { geos: 3, weeks: 60, seed: 2 });
});
after(async () => {
  await app.close();
  await rm(ws.root, { recursive: true, force: true });
});

/** Uploads CSV text and returns its id and the suggested roles, the Panel column included. */
async function upload(name: string, content: string): Promise<{ uploadId: string; roles: Roles }> {
  const res = await app.inject({ method: 'POST', url: '/api/uploads', ...multipart(name, content) });
  assert.equal(res.statusCode, 201, res.body);
  const u = UploadSchema.parse(res.json());
  const of = (role: string): string[] => u.columns.filter((c) => c.suggestedRole === role).map((c) => c.name);
  assert.deepEqual(of('panel'), ['region'], 'the geo column gets the Panel role');
  return { uploadId: u.uploadId, roles: { date: of('date')[0], target: of('target')[0], channels: of('channel'), controls: of('control'), events: of('event'), organic: [], panel: 'region' } };
}

const check = async (uploadId: string, roles: Roles, cleaning: string[] = []) => {
  const res = await app.inject({ method: 'PUT', url: `/api/uploads/${uploadId}/roles`, payload: { roles, cleaning } });
  assert.equal(res.statusCode, 200, res.body);
  return RoleMappingResponseSchema.parse(res.json());
};

test('role check: panelMode "geo" reads the geo panel (3 geos, no roll-up logged); "sum" adds the geos up as before', async () => {
  const { uploadId, roles } = await upload('panel.csv', await readFile(panelPath, 'utf8'));
  const geo = await check(uploadId, { ...roles, panelMode: 'geo' });
  assert.equal(geo.ok, true, JSON.stringify(geo.issues));
  assert.deepEqual(geo.table?.geos, [...new Set(panel.lines.map((l) => l.split(',')[1]))].sort());
  assert.equal(geo.table?.periods, 60);
  assert.deepEqual(geo.cleaning, []);
  const sum = await check(uploadId, { ...roles, panelMode: 'sum' });
  assert.equal(sum.ok, true, JSON.stringify(sum.issues));
  assert.equal(sum.table?.geos, undefined);
  assert.equal(sum.table?.periods, 60);
  assert.deepEqual(sum.cleaning.map((c) => c.step), ['sum_panel']);
});

test('a missing or repeated (date, geo) is refused at the upload, by geo and date; with panelMode "geo" the role check names the geo of an empty KPI and a negative spend', async () => {
  // Line numbers count the header as line 1: data line k is file line k + 2.
  const [first, ...rest] = panel.lines;
  const dropped = rest[4]; // a row of the second date
  const [droppedDate, droppedGeo] = dropped.split(',');
  const refused = await app.inject({ method: 'POST', url: '/api/uploads', ...multipart('gappy.csv', [panel.header.join(','), first, first, ...rest.filter((l) => l !== dropped)].join('\n') + '\n') });
  assert.equal(refused.statusCode, 422, refused.body);
  const issues = ApiErrorSchema.parse(refused.json()).error.issues ?? [];
  assert.match(issues.find((i) => i.code === 'DUPLICATE_PANEL_ROW')?.message ?? '', new RegExp(`${first.split(',')[1]} on ${first.split(',')[0]} already appears on line 2`));
  assert.match(issues.find((i) => i.code === 'PANEL_UNBALANCED')?.message ?? '', new RegExp(`the date ${droppedDate} has no row for "${droppedGeo}"`));
  // An empty KPI (line 7) and a negative spend (line 9): fixable by cleaning the sum, so the upload takes the file.
  const cells = panel.lines.map((l) => l.split(','));
  cells[5][2] = '';
  cells[7][3] = '-12';
  const { uploadId, roles } = await upload('holes.csv', [panel.header.join(','), ...cells.map((c) => c.join(','))].join('\n') + '\n');
  const res = await check(uploadId, { ...roles, panelMode: 'geo' });
  assert.equal(res.ok, false);
  assert.equal(res.table, null);
  const empty = res.issues.find((i) => i.code === 'EMPTY_CELL');
  assert.match(empty?.message ?? JSON.stringify(res.issues), new RegExp(`^region "${cells[5][1]}": the KPI "revenue" is empty`));
  assert.equal(empty?.at.row, 7);
  assert.equal(empty?.fix, undefined, 'no cleaning tick is offered: the steps are not applied per geo');
  const negative = res.issues.find((i) => i.code === 'NEGATIVE_SPEND');
  assert.match(negative?.message ?? JSON.stringify(res.issues), new RegExp(`region "${cells[7][1]}"`));
  assert.equal(negative?.at.row, 9);
});

test('role check with panelMode "geo": value-changing cleaning ticks and organic media are refused, naming the way out', async () => {
  const { uploadId, roles } = await upload('panel.csv', await readFile(panelPath, 'utf8'));
  const cleaned = await check(uploadId, { ...roles, panelMode: 'geo' }, ['sort_dates', 'fill_gaps', 'winsorize']);
  assert.equal(cleaned.ok, false);
  assert.equal(cleaned.issues[0]?.code, 'GEO_PANEL_UNSUPPORTED');
  assert.match(cleaned.issues[0].message, /the cleaning steps fill_gaps, winsorize are not applied per geo yet/);
  assert.match(cleaned.issues[0].hint, /Add the geos up/);
  // Sorting only reorders rows: allowed.
  assert.equal((await check(uploadId, { ...roles, panelMode: 'geo' }, ['sort_dates'])).ok, true);
  const channel = roles.channels[roles.channels.length - 1];
  const organic = await check(uploadId, { ...roles, channels: roles.channels.slice(0, -1), organic: [channel], panelMode: 'geo' });
  assert.equal(organic.ok, false);
  assert.match(organic.issues[0]?.message ?? '', new RegExp(`organic media \\(${channel}\\) are not supported with the geo-level model yet`));
});

test('POST /api/runs with panelMode "geo": the Bayesian method and lift tests naming unknown geos are 422 issues; exposure media without an exposure column is named; panelMode without a panel is a 400', async () => {
  const { uploadId, roles } = await upload('panel.csv', await readFile(panelPath, 'utf8'));
  const geoRoles = { ...roles, panelMode: 'geo' as const };
  const post = (payload: object) => app.inject({ method: 'POST', url: '/api/runs', payload });
  const channel = roles.channels[0].replace(/_spend$/, '');
  for (const [options, pattern] of [
    [{ method: 'bayes' }, /the Bayesian method is not supported with the geo-level model on "region" yet/],
  ] as const) {
    const res = await post({ uploadId, roles: geoRoles, options });
    assert.equal(res.statusCode, 422, res.body);
    const body = ApiErrorSchema.parse(res.json());
    assert.equal(body.error.code, 'INVALID_DATA');
    assert.match(body.error.message, pattern);
    assert.equal(body.error.issues?.[0]?.code, 'GEO_PANEL_UNSUPPORTED');
  }
  // A lift test naming a geo the panel does not have: the issue names the member and the panel's geos.
  const geos = [...new Set(panel.lines.map((l) => l.split(',')[1]))].sort();
  const unknownGeo = await post({ uploadId, roles: geoRoles, options: { liftTests: [{ channel, start: '2022-03-07', end: '2022-04-25', lift: 5000, geos: [geos[0], 'atlantis'] }] } });
  assert.equal(unknownGeo.statusCode, 422, unknownGeo.body);
  const geoIssue = ApiErrorSchema.parse(unknownGeo.json()).error.issues?.[0];
  assert.equal(geoIssue?.code, 'LIFT_TEST_GEO');
  assert.equal(geoIssue?.at.column, 'options.liftTests.0.geos');
  assert.match(geoIssue?.message ?? '', /unknown geo "atlantis"/);
  assert.ok(geos.every((g) => geoIssue?.hint?.includes(g)), geoIssue?.hint);
  // Media on exposure is fitted per geo; this file has no exposure column, which is said as for a national file.
  const exposure = await post({ uploadId, roles: geoRoles, options: { media: 'exposure' } });
  assert.equal(exposure.statusCode, 422, exposure.body);
  assert.match(ApiErrorSchema.parse(exposure.json()).error.message, /no channel .* has an exposure column named for it/);
  const noPanel = await post({ uploadId, roles: { ...roles, panel: undefined, panelMode: 'geo' } });
  assert.equal(noPanel.statusCode, 400, noPanel.body);
  assert.match(noPanel.body, /roles\.panelMode \\"geo\\" needs roles\.panel/);
  const badMode = await post({ uploadId, roles: { ...roles, panelMode: 'each' } });
  assert.equal(badMode.statusCode, 400, badMode.body);
  assert.match(badMode.body, /roles\.panelMode must be \\"sum\\" \(add the geos up\) or \\"geo\\" \(the geo-level model\)/);
  // A panel with an empty KPI in a geo: the role check's issues, 422 rather than a failed run.
  const cells = panel.lines.map((l) => l.split(','));
  cells[5][2] = '';
  const holes = await upload('holes.csv', [panel.header.join(','), ...cells.map((c) => c.join(','))].join('\n') + '\n');
  const refused = await post({ uploadId: holes.uploadId, roles: { ...holes.roles, panelMode: 'geo' } });
  assert.equal(refused.statusCode, 422, refused.body);
  assert.ok(ApiErrorSchema.parse(refused.json()).error.issues?.some((i) => i.code === 'EMPTY_CELL' && i.message.startsWith(`region "${cells[5][1]}"`)), refused.body);
});

test('a geo-level fit on exposure from the API: each geo\'s impressions paired by name, its actual spend kept per geo', { timeout: 120_000 }, async () => {
  // <first channel>_impressions beside its spend, at a cost per 1,000 that differs by row.
  const spendAt = panel.header.indexOf(panel.header.find((h) => h.endsWith('_spend'))!);
  const name = panel.header[spendAt].replace(/_spend$/, '');
  const lines = panel.lines.map((l, i) => `${l},${Math.round((Number(l.split(',')[spendAt]) * 1000) / (8 + (i % 5)))}`);
  const { uploadId, roles } = await upload('imps.csv', [[...panel.header, `${name}_impressions`].join(','), ...lines].join('\n') + '\n');
  const started = await app.inject({ method: 'POST', url: '/api/runs', payload: { uploadId, roles: { ...roles, panelMode: 'geo' }, options: { seed: 1, iterations: 200, media: 'exposure' } } });
  assert.equal(started.statusCode, 202, started.body);
  const run = RunManifestSchema.parse(started.json());
  const events = (await readEvents(`${base}/api/runs/${run.id}/events`, 100_000)).map((e) => RunEventSchema.parse(e));
  assert.equal(events[events.length - 1]?.status, 'done', JSON.stringify(events.slice(-3)));
  const model = JSON.parse(await readFile(join(ws.runsDir, run.id, 'model.json'), 'utf8')) as { channels: { name: string; media?: { column: string; geoSpend?: number[][] } }[] };
  const ch = model.channels.find((c) => c.name === name);
  assert.equal(ch?.media?.column, `${name}_impressions`);
  assert.equal(ch?.media?.geoSpend?.length, 3);
  assert.ok(model.channels.filter((c) => c.name !== name).every((c) => c.media === undefined), 'the other channels stay on spend');
  const summary = (await app.inject({ method: 'GET', url: `/api/runs/${run.id}/summary` })).json() as { geos: { name: string; channels: { name: string; spend: number }[] }[] };
  // Each geo's spend is its actual spend from the file.
  for (const g of summary.geos) {
    const spend = panel.lines.filter((l) => l.split(',')[1] === g.name).reduce((s, l) => s + Number(l.split(',')[spendAt]), 0);
    const got = g.channels.find((c) => c.name === name)!.spend;
    assert.ok(Math.abs(got - spend) <= 1e-6 * spend, `${g.name}: ${got} vs ${spend}`);
  }
});

test('a geo-level fit from the API: summary.json geos per geo and its geo lift test, geo.json and geo-results.csv in the run folder', { timeout: 120_000 }, async () => {
  const { uploadId, roles } = await upload('panel.csv', await readFile(panelPath, 'utf8'));
  const firstGeo = [...new Set(panel.lines.map((l) => l.split(',')[1]))].sort()[0];
  const liftTests = [{ channel: roles.channels[0].replace(/_spend$/, ''), start: '2022-03-07', end: '2022-04-25', lift: 5000, geos: [firstGeo] }];
  const started = await app.inject({ method: 'POST', url: '/api/runs', payload: { uploadId, roles: { ...roles, panelMode: 'geo' }, options: { seed: 1, iterations: 200, liftTests } } });
  assert.equal(started.statusCode, 202, started.body);
  const run = RunManifestSchema.parse(started.json());
  assert.equal(run.roles?.panelMode, 'geo');
  const events = (await readEvents(`${base}/api/runs/${run.id}/events`, 100_000)).map((e) => RunEventSchema.parse(e));
  assert.equal(events[events.length - 1]?.status, 'done', JSON.stringify(events.slice(-3)));
  const summary = (await app.inject({ method: 'GET', url: `/api/runs/${run.id}/summary` })).json() as {
    geos?: { name: string; share: number; kpi: number; channels: { name: string }[] }[]; lift_tests: { geos?: string[]; predicted: number }[];
  };
  assert.equal(summary.geos?.length, 3);
  assert.deepEqual(summary.lift_tests.map((t) => t.geos), [[firstGeo]]);
  assert.ok(summary.lift_tests[0].predicted > 0, 'the model\'s lift in that geo');
  assert.ok(Math.abs((summary.geos ?? []).reduce((s, g) => s + g.share, 0) - 1) < 1e-9);
  // Each geo's KPI as recorded in the file (the whole table is fitted: no holdout).
  for (const g of summary.geos ?? []) {
    const kpi = panel.lines.filter((l) => l.split(',')[1] === g.name).reduce((s, l) => s + Number(l.split(',')[2]), 0);
    assert.ok(Math.abs(g.kpi - kpi) < 1e-6 * kpi, `${g.name}: ${g.kpi} vs ${kpi}`);
    assert.deepEqual(g.channels.map((c) => c.name), roles.channels.map((c) => c.replace(/_spend$/, '')));
  }
  const folder = join(ws.runsDir, run.id);
  const geoJson = JSON.parse(await readFile(join(folder, 'geo.json'), 'utf8')) as { rows: { geo: string }[] };
  assert.deepEqual(geoJson.rows.map((r) => r.geo), summary.geos?.map((g) => g.name));
  const csv = (await readFile(join(folder, 'geo-results.csv'), 'utf8')).trim().split('\n');
  assert.equal(csv[0], 'geo,share,kpi,fitted,r2,channel,spend,contribution,roi,size_column,size');
  assert.equal(csv.length, 1 + 3 * roles.channels.length);
  const geo = await app.inject({ method: 'GET', url: `/api/runs/${run.id}/geo` });
  assert.equal(geo.statusCode, 200, geo.body);
  // /optimize and /plan say the split across geos their national curves assume: every geo at its summary share, largest first.
  const byShare = [...(summary.geos ?? [])].sort((a, b) => b.share - a.share).map((g) => `${g.name} ${(100 * g.share).toFixed(1)}%`).join(', ');
  const sentence = `geo-level model (3 values of region): each channel's budget is taken as split across them in proportion to their share of the KPI (${byShare}); the plan does not move budget between geos`;
  const optimized = await app.inject({ method: 'POST', url: `/api/runs/${run.id}/optimize`, payload: { periods: 4 } });
  assert.equal(optimized.statusCode, 200, optimized.body);
  assert.equal(OptimizeResponseSchema.parse(optimized.json()).geoSplit, sentence);
  const planned = await app.inject({ method: 'POST', url: `/api/runs/${run.id}/plan`, payload: { periods: 4 } });
  assert.equal(planned.statusCode, 200, planned.body);
  assert.equal(PlanResponseSchema.parse(planned.json()).geoSplit, sentence);
  // Both also say what today's split across geos gives against it (geoSplitNow, the CLI's geo_split_now): numbers and a plain sentence.
  const o = OptimizeResponseSchema.parse(optimized.json()), p = PlanResponseSchema.parse(planned.json());
  const close = (a: number, b: number) => assert.ok(Math.abs(a - b) <= 1e-6 * Math.max(1, Math.abs(b)), `${a} vs ${b}`);
  for (const now of [o.geoSplitNow, p.geoSplitNow]) {
    assert.ok(now, 'geoSplitNow present');
    close(now.gap, now.proportional - now.historical);
    close(now.historical, now.channels.reduce((s, c) => s + c.historical, 0));
    assert.deepEqual(now.channels.map((c) => c.channel), o.allocation.map((a) => a.channel));
    assert.match(now.text, /^At the current split across geos, the current spend is predicted to give [\d,.]+ of revenue per period \([\d,.]+ from media\)/);
    if (Math.abs(now.gap) > 1e-9 * Math.max(1, Math.abs(now.proportional))) assert.match(now.text, /the model (credits|predicts) that much .*untested\), which no plan here moves\.$/);
  }
  // /optimize is on the replicates' mean curves, like its "current"; /plan on the point estimate, like the plan.
  assert.equal(o.geoSplitNow?.basis, 'expected');
  assert.equal(p.geoSplitNow?.basis, 'point');
  close(o.expected.current - (o.geoSplitNow?.gap ?? NaN), o.geoSplitNow?.kpi ?? NaN);
  for (const c of o.geoSplitNow?.channels ?? []) close(c.current, o.allocation.find((a) => a.channel === c.channel)?.current ?? NaN);
});

test('role check with panelMode "geo": a geo whose KPI adds up to 0 is an issue naming it (not a 500); a geo-specific event is read per geo with a warning', async () => {
  const cells = panel.lines.map((l) => l.split(','));
  const zeroGeo = cells[0][1];
  const zero = cells.map((c) => (c[1] === zeroGeo ? c.map((v, j) => (j === 2 ? '0' : v)) : c));
  const z = await upload('zero.csv', [panel.header.join(','), ...zero.map((c) => c.join(','))].join('\n') + '\n');
  const res = await check(z.uploadId, { ...z.roles, panelMode: 'geo' });
  assert.equal(res.ok, false);
  assert.match(res.issues.find((i) => i.code === 'PANEL_KPI_TOTAL')?.message ?? '', new RegExp(`region "${zeroGeo}": the KPI "${z.roles.target}" adds up to 0`));
  // launch = 1 only in the first geo's rows 10–12.
  const launch = cells.map((c, k) => [...c, c[1] === zeroGeo && k % 60 >= 10 && k % 60 <= 12 ? '1' : '0']);
  const e = await upload('launch.csv', [[...panel.header, 'launch'].join(','), ...launch.map((c) => c.join(','))].join('\n') + '\n');
  const ev = await check(e.uploadId, { ...e.roles, events: ['launch'], panelMode: 'geo' });
  assert.equal(ev.ok, true, JSON.stringify(ev.issues));
  assert.match(ev.issues.find((i) => i.code === 'PANEL_EVENT_BY_GEO')?.message ?? '', /event "launch" differs between geos on .*: read per geo as a control \(sign free\)/);
});
