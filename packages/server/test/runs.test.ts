import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { cp, mkdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import {
  ApiErrorSchema, OptimizeResponseSchema, PlanResponseSchema, RunEventSchema, RunExportsSchema, RunManifestSchema, RunListSchema,
  ScenarioComparisonSchema, DecompositionRowsSchema, type Roles, type RunManifest,
} from '@mixwise/contracts';
import { runCli } from '@mixwise/cli';
import { explainInformationValue, type InformationValue } from '@mixwise/engine';
import { createServer } from '../src/index.ts';
import { limit } from '../src/optimize/api-wording.ts';
import { readEvents, uploadWithSuggestedRoles, workspace } from './helpers.ts';

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
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  base = `http://127.0.0.1:${typeof address === 'object' && address !== null ? address.port : 0}`;
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

test('optimise: the allocation sums to the budget, locks hold, bounds are kept; infeasible is 422', async () => {
  const current = OptimizeResponseSchema.parse((await json('POST', `/api/runs/${run.id}/optimize`, {})).body);
  const total = current.currentBudgetPerPeriod;
  const budget = 4 * total * 1.1;
  const [a, b] = current.allocation.map((c) => c.channel);
  const r = await json('POST', `/api/runs/${run.id}/optimize`, { budget, periods: 4, locks: [a], bounds: { [b]: { max: current.allocation[1].current * 0.8 } } });
  assert.equal(r.status, 200, JSON.stringify(r.body));
  const o = OptimizeResponseSchema.parse(r.body);
  const sum = o.allocation.reduce((s, c) => s + c.recommended, 0);
  assert.ok(Math.abs(sum - budget / 4) < 1e-6 * budget, `${sum} vs ${budget / 4}`);
  assert.ok(Math.abs(o.allocation.reduce((s, c) => s + c.recommendedTotal, 0) - budget) < 1e-6 * budget);
  assert.equal(o.allocation[0].bound, 'locked');
  assert.ok(Math.abs(o.allocation[0].recommended - o.allocation[0].current) < 1e-9 * total);
  assert.ok(o.allocation[1].recommended <= current.allocation[1].current * 0.8 * (1 + 1e-9));
  assert.ok(o.expected.recommended >= current.expected.recommended, 'more budget never predicts less KPI');
  // Every channel carries the data's range; at current spend nothing is beyond it, and the flag agrees with the range.
  for (const c of [...current.allocation, ...o.allocation]) {
    assert.ok(c.dataRange && c.dataRange.low <= c.current && c.current <= c.dataRange.high, JSON.stringify(c));
    assert.equal(c.beyondData, c.recommended > c.dataRange.high * 1.01 ? 'above' : c.recommended < c.dataRange.low * 0.99 ? 'below' : null);
  }
  const infeasible = await json('POST', `/api/runs/${run.id}/optimize`, { budget: 1, locks: [a] });
  assert.equal(infeasible.status, 422);
  assert.equal(ApiErrorSchema.parse(infeasible.body).error.code, 'INFEASIBLE');
  const unknown = await json('POST', `/api/runs/${run.id}/optimize`, { locks: ['nope'] });
  assert.equal(unknown.status, 400);
  assert.match(ApiErrorSchema.parse(unknown.body).error.message, /unknown channel "nope"/);
});

test('optimise: channels without bounds in the request keep the default 0.5×–2× current spend; an empty range lifts it for that channel', async () => {
  const current = OptimizeResponseSchema.parse((await json('POST', `/api/runs/${run.id}/optimize`, {})).body);
  const within = (c: { recommended: number; current: number }): boolean => c.recommended >= 0.5 * c.current * (1 - 1e-9) && c.recommended <= 2 * c.current * (1 + 1e-9);
  // Three times the budget cannot be spent within 2× each: the default bounds make it infeasible.
  const budget = 3 * current.currentBudgetPerPeriod;
  const capped = await json('POST', `/api/runs/${run.id}/optimize`, { budget });
  assert.equal(capped.status, 422);
  const [a] = current.allocation.map((c) => c.channel);
  const r = await json('POST', `/api/runs/${run.id}/optimize`, { budget, bounds: { [a]: {} } });
  assert.equal(r.status, 200, JSON.stringify(r.body));
  const o = OptimizeResponseSchema.parse(r.body);
  assert.ok(o.allocation[0].recommended > 2 * o.allocation[0].current, `${a} takes what the others cannot`);
  for (const c of o.allocation.slice(1)) assert.ok(within(c) && c.bound === 'at-upper', `${c.channel} at its default 2×`);
  for (const c of OptimizeResponseSchema.parse((await json('POST', `/api/runs/${run.id}/optimize`, { budget: 1.5 * current.currentBudgetPerPeriod })).body).allocation) {
    assert.ok(within(c), `${c.channel} within the default range`);
  }
});

/** `mixwise optimize` with `args` on a copy of the run (optimize writes into its folder), --json; returns the parsed stdout. */
async function cliOptimize(copyName: string, args: readonly string[]): Promise<{
  allocation: { channel: string; recommended: number; bound: string }[]; uncertainty: { replicates: number } | null;
  expected: { current: number; recommended: number; lift: number; lift_interval?: [number, number] }; recommendation: string; information_value?: InformationValue;
}> {
  const copy = join(ws.root, copyName);
  await cp(join(ws.runsDir, run.id), copy, { recursive: true });
  let stdout = '';
  const io = { stdout: { write: (t: string) => { stdout += t; return true; } }, stderr: { write: () => true }, env: {}, cwd: ws.root };
  assert.equal(await runCli(['optimize', '--model', copy, ...args, '--json'], io), 0);
  return JSON.parse(stdout) as Awaited<ReturnType<typeof cliOptimize>>;
}

test('optimise: the lift\'s 90% interval across the replicates and its sentence are those of `mixwise optimize --budget B` on the same run', { timeout: 60_000 }, async () => {
  const current = OptimizeResponseSchema.parse((await json('POST', `/api/runs/${run.id}/optimize`, {})).body);
  const budget = Math.round(1.1 * current.currentBudgetPerPeriod);
  // No bounds on either side, so neither adds its default-bounds sentence (worded for its own front end).
  const none = Object.fromEntries(current.allocation.map((c) => [c.channel, {}]));
  const served = await json('POST', `/api/runs/${run.id}/optimize`, { budget, bounds: none });
  assert.equal(served.status, 200, JSON.stringify(served.body));
  const d = OptimizeResponseSchema.parse(served.body);
  const cli = await cliOptimize('optimize-copy', ['--budget', String(budget), '--bounds', 'none']);
  assert.deepEqual(d.allocation.map((c) => c.recommended), cli.allocation.map((c) => c.recommended));
  assert.equal(d.expected.lift, cli.expected.lift);
  assert.ok(d.expected.liftInterval !== null && d.expected.replicates >= 10, 'the run has bootstrap replicates, so the lift has a range');
  assert.deepEqual(d.expected.liftInterval, cli.expected.lift_interval ?? null);
  assert.equal(d.expected.replicates, cli.uncertainty?.replicates);
  assert.match(d.recommendation, /Across \d+ bootstrap replicates of the model, 90% of the predicted lifts lie between/);
  // The CLI's paragraph goes on with the value of information (optimization.json's information_value), which the API does not compute.
  assert.ok(cli.information_value);
  assert.equal(cli.recommendation, `${d.recommendation} ${explainInformationValue(cli.information_value, cli.expected.current)}`);

  // Twice the current spend within the default bounds: every channel at 2×; both name the same channels, each saying how to lift them its own way.
  const doubled = await json('POST', `/api/runs/${run.id}/optimize`, { budget: 2 * current.currentBudgetPerPeriod });
  assert.equal(doubled.status, 200, JSON.stringify(doubled.body));
  const h = OptimizeResponseSchema.parse(doubled.body);
  const cliHeld = await cliOptimize('optimize-copy-held', ['--budget', String(2 * current.currentBudgetPerPeriod)]);
  const note = /^(.*?) ([^.]*) (?:is|are) held by the default bounds \(0\.5×–2× current spend\), which stop the recommendation from leaning on the fitted curves far from current spend; to go further, (.*)\.$/s;
  const [, head, who, how] = note.exec(h.recommendation) ?? [];
  const [, cliHead, cliWho, cliHow] = note.exec(cliHeld.recommendation) ?? [];
  assert.equal(who, current.allocation.map((c) => c.channel).join(', ').replace(/, ([^,]*)$/, ' and $1'), h.recommendation);
  assert.equal(who, cliWho);
  assert.match(how, /^give those channels bounds of their own in the request \(amounts per period\), e\.g\. "bounds": \{ "[^"]+": \{\} \} for none$/);
  assert.match(cliHow, /--bounds none$/);
  assert.ok(cliHeld.information_value);
  assert.equal(cliHead, `${head} ${explainInformationValue(cliHeld.information_value, cliHeld.expected.current)}`);
});

test('optimise: infeasible answers speak in the request\'s terms (total over its periods), name the default bounds, and advise "upTo", which /optimize takes', async () => {
  const current = OptimizeResponseSchema.parse((await json('POST', `/api/runs/${run.id}/optimize`, {})).body);
  const perPeriod = current.currentBudgetPerPeriod;
  const names = current.allocation.map((c) => c.channel);
  const all = names.join(', ').replace(/, ([^,]*)$/, ' and $1');
  const low = await json('POST', `/api/runs/${run.id}/optimize`, { budget: 1000, periods: 13 });
  assert.equal(low.status, 422);
  const lowMessage = ApiErrorSchema.parse(low.body).error.message;
  const least = limit(0.5 * perPeriod * 13, 'up');
  assert.ok(lowMessage.startsWith(`The budget 1,000 over 13 periods is below the ${least} that the lower bounds and locks require over those periods (${limit(0.5 * perPeriod, 'up')} per period): raise the budget to at least ${least}`), lowMessage);
  assert.match(lowMessage, new RegExp(`${all} have no bounds in the request, so the default bounds \\(0\\.5×–2× current spend\\) require at least [\\d,]+ over the 13 periods for them\\. Send "bounds"`));
  assert.doesNotMatch(lowMessage, /76\.9|"up to"/);

  // Three times the current spend cannot be spent within 2× each: refused with "upTo" advice; with "upTo" it spends what the bounds allow.
  const budget = 3 * perPeriod * 4;
  const high = await json('POST', `/api/runs/${run.id}/optimize`, { budget, periods: 4 });
  assert.equal(high.status, 422);
  const highMessage = ApiErrorSchema.parse(high.body).error.message;
  assert.match(highMessage, /^The budget [\d,.]+ over 4 periods cannot be spent: the upper bounds and locks allow at most [\d,]+ over those periods \([\d,]+ per period\); lower the budget to at most [\d,]+, or raise the upper bounds, or send "upTo": true to spend at most the budget\./);
  assert.match(highMessage, new RegExp(`${all} have no bounds in the request, so the default bounds \\(0\\.5×–2× current spend\\) let them take at most [\\d,]+ over the 4 periods\\.`));
  assert.doesNotMatch(highMessage, /"up to"/);
  const upTo = await json('POST', `/api/runs/${run.id}/optimize`, { budget, periods: 4, upTo: true });
  assert.equal(upTo.status, 200, JSON.stringify(upTo.body));
  const u = OptimizeResponseSchema.parse(upTo.body);
  assert.ok(u.allocation.every((c) => c.bound === 'at-upper' && Math.abs(c.recommended - 2 * c.current) <= 1e-9 * c.current), JSON.stringify(u.allocation));
  assert.ok(Math.abs(u.budget - 2 * perPeriod * 4) <= 1e-9 * budget, 'spends what the default bounds allow, not the budget');
  assert.match(u.recommendation, new RegExp(`${all} are held by the default bounds .*"bounds": \\{ "${names[0]}": \\{\\} \\} for none\\.$`));
  // Locked and bounded channels are not the default bounds' doing.
  const own = await json('POST', `/api/runs/${run.id}/optimize`, { budget: 1000, locks: [names[0]], bounds: Object.fromEntries(names.slice(1).map((n) => [n, { min: 1 }])) });
  assert.equal(own.status, 422);
  assert.doesNotMatch(ApiErrorSchema.parse(own.body).error.message, /default/);
});

test('optimise, plan, scenarios: unknown fields (top level or in a channel\'s bounds) are refused with 400 naming them; scenario levels out of order too', async () => {
  const refused = async (path: string, body: object, fields: readonly string[]): Promise<string> => {
    const r = await json('POST', `/api/runs/${run.id}/${path}`, body);
    assert.equal(r.status, 400, JSON.stringify(r.body));
    const e = ApiErrorSchema.parse(r.body).error;
    assert.equal(e.code, 'BAD_REQUEST');
    assert.deepEqual(e.issues?.map((i) => i.at.column), fields);
    for (const f of fields) assert.ok(e.message.includes(`unknown field "${f}"`), e.message);
    return e.message;
  };
  const [a] = OptimizeResponseSchema.parse((await json('POST', `/api/runs/${run.id}/optimize`, {})).body).allocation.map((c) => c.channel);
  await refused('optimize', { periods: 4, upTo: true, targetRoi: 2 }, ['targetRoi']);
  await refused('optimize', { bounds: { [a]: { min: 1, maximum: 5 } } }, [`bounds.${a}.maximum`]);
  await refused('plan', { periods: 4, upTo: true, window: 'only' }, ['upTo', 'window']);
  await refused('scenarios', { levels: { conservative: 0.9, current: 1, aggressive: 1.1, bold: 2 }, budget: 5 }, ['levels.bold', 'budget']);
  const disordered = await json('POST', `/api/runs/${run.id}/scenarios`, { levels: { conservative: 2, current: 1, aggressive: 0.5 } });
  assert.equal(disordered.status, 400);
  assert.match(ApiErrorSchema.parse(disordered.body).error.message, /levels: levels must be in order: conservative ≤ current ≤ aggressive/);
  assert.equal((await json('POST', `/api/runs/${run.id}/scenarios`, { levels: { conservative: 1, current: 1, aggressive: 1.2 } })).status, 200);
});

test('plan: a flighted plan per period, the one `mixwise optimize --periods` makes on the same run; dark differs; infeasible is 422', { timeout: 60_000 }, async () => {
  const H = 6;
  const plain = await json('POST', `/api/runs/${run.id}/plan`, { periods: H });
  assert.equal(plain.status, 200, JSON.stringify(plain.body));
  const p = PlanResponseSchema.parse(plain.body);
  assert.equal(p.afterPlan, 'current');
  assert.equal(p.dates.length, H);
  assert.ok(Math.abs(p.budget - p.currentBudget) < 1e-6 * p.currentBudget, 'the budget defaults to current spend per period × periods');
  assert.ok(Math.abs(p.budgetPerPeriod.reduce((s, v) => s + v, 0) - p.budget) < 1e-6 * p.budget);
  for (const c of p.allocation) {
    assert.equal(c.spend.length, H);
    assert.ok(Math.abs(c.spend.reduce((s, v) => s + v, 0) - c.recommended) < 1e-6 * p.budget);
  }
  assert.ok(p.expected.lift >= -1e-9 * Math.abs(p.expected.current), 'the plan never predicts less than current spend held');
  assert.ok(Math.abs(p.expected.recommended - p.expected.window.recommended - p.expected.carryOut.recommended) < 1e-9 * Math.abs(p.expected.recommended));
  assert.ok(p.expected.liftInterval !== null && p.expected.replicates >= 10, 'the run has bootstrap replicates, so the lift has a range');
  assert.ok(p.recommendation.startsWith('Spend '), p.recommendation);

  // The same request through the CLI, on a copy of the run (optimize writes into its folder): every
  // channel bounded in amounts per period, one locked, 10% more budget, nothing after the plan.
  const [a, ...rest] = p.allocation;
  const budget = Math.round(1.1 * p.currentBudget);
  const bounds = Object.fromEntries(rest.map((c) => [c.channel, { min: Math.round(0.5 * c.current / H), max: Math.round(1.5 * c.current / H) }]));
  const served = await json('POST', `/api/runs/${run.id}/plan`, { periods: H, budget, locks: [a.channel], bounds, afterPlan: 'dark' });
  assert.equal(served.status, 200, JSON.stringify(served.body));
  const d = PlanResponseSchema.parse(served.body);
  const copy = join(ws.root, 'plan-copy');
  await cp(join(ws.runsDir, run.id), copy, { recursive: true });
  let stdout = '';
  const io = { stdout: { write: (t: string) => { stdout += t; return true; } }, stderr: { write: () => true }, env: {}, cwd: ws.root };
  const args = ['optimize', '--model', copy, '--periods', String(H), '--after-plan', 'dark', '--budget', String(budget), '--lock', a.channel,
    ...Object.entries(bounds).flatMap(([ch, b]) => ['--bound', `${ch}=${b.min}:${b.max}abs`]), '--json'];
  assert.equal(await runCli(args, io), 0);
  const cli = JSON.parse(stdout) as {
    allocation: { channel: string; spend: number[]; bound: string }[]; expected: { current: number; recommended: number; lift_interval?: [number, number] };
    plan: { after_plan: string; dates: string[] }; recommendation: string;
  };
  assert.equal(cli.plan.after_plan, 'dark');
  assert.deepEqual(d.dates, cli.plan.dates);
  assert.deepEqual(d.allocation.map((c) => c.spend), cli.allocation.map((c) => c.spend));
  assert.deepEqual(d.allocation.map((c) => c.bound), cli.allocation.map((c) => c.bound));
  assert.equal(d.expected.current, cli.expected.current);
  assert.equal(d.expected.recommended, cli.expected.recommended);
  assert.deepEqual(d.expected.liftInterval, cli.expected.lift_interval ?? null);
  assert.equal(d.recommendation, cli.recommendation);
  assert.equal(d.allocation[0].bound, 'locked');
  rest.forEach((c, i) => d.allocation[i + 1].spend.forEach((x) => {
    const b = bounds[c.channel];
    assert.ok(x >= b.min * (1 - 1e-9) && x <= b.max * (1 + 1e-9), `${c.channel}: ${x} outside ${b.min}…${b.max}`);
  }));

  // Nothing after the plan: the carry-out meets an empty curve instead of one saturated by resumed
  // spend (larger for a concave channel, smaller for an S-shaped one), so it differs from the default's.
  const resumed = PlanResponseSchema.parse((await json('POST', `/api/runs/${run.id}/plan`, { periods: H, budget, locks: [a.channel], bounds })).body);
  assert.equal(resumed.afterPlan, 'current');
  const [dark, back] = [d.expected.carryOut.current, resumed.expected.carryOut.current];
  assert.ok(Math.abs(dark - back) > 1e-3 * Math.abs(back), `carry-out of current spend: dark ${dark} vs current ${back}`);
  assert.deepEqual(resumed.expected.window.current, d.expected.window.current, 'inside the window the assumption changes nothing for current spend');

  const infeasible = await json('POST', `/api/runs/${run.id}/plan`, { periods: H, budget: 1, locks: [a.channel] });
  assert.equal(infeasible.status, 422);
  assert.equal(ApiErrorSchema.parse(infeasible.body).error.code, 'INFEASIBLE');
  assert.match(ApiErrorSchema.parse(infeasible.body).error.message, new RegExp(`^The budget 1 over ${H} periods is below the [\\d,]+ that the lower bounds and locks require over those periods \\([\\d,]+ per period\\)`));
  // More than the default 2× allow over the plan: no "up to" budget (a plan spends it all), the default bounds named.
  const tooMuch = await json('POST', `/api/runs/${run.id}/plan`, { periods: H, budget: 3 * p.currentBudget });
  assert.equal(tooMuch.status, 422);
  const tooMuchMessage = ApiErrorSchema.parse(tooMuch.body).error.message;
  assert.match(tooMuchMessage, new RegExp(`^The budget [\\d,.]+ over ${H} periods cannot be spent: the upper bounds and locks allow at most ${limit(2 * p.currentBudget, 'down')} over those periods \\([\\d,]+ per period\\); lower the budget to at most [\\d,]+, or raise the upper bounds \\(a plan spends its whole budget\\)\\.`));
  assert.match(tooMuchMessage, /have no bounds in the request, so the default bounds \(0\.5×–2× current spend\) let them take at most/);
  assert.doesNotMatch(tooMuchMessage, /up to|upTo/);
  // Twice the current spend: every channel at its default 2× in every period, and the recommendation says so in the API's terms.
  const held = PlanResponseSchema.parse((await json('POST', `/api/runs/${run.id}/plan`, { periods: H, budget: 2 * p.currentBudget })).body);
  assert.ok(held.allocation.every((c) => c.bound === 'at-upper'), JSON.stringify(held.allocation.map((c) => c.bound)));
  const all = held.allocation.map((c) => c.channel).join(', ').replace(/, ([^,]*)$/, ' and $1');
  assert.match(held.recommendation, new RegExp(` ${all} are held by the default bounds \\(0\\.5×–2× current spend\\).*give those channels bounds of their own in the request \\(amounts per period\\), e\\.g\\. "bounds": \\{ "${held.allocation[0].channel}": \\{\\} \\} for none\\.$`));
  const unknown = await json('POST', `/api/runs/${run.id}/plan`, { periods: H, bounds: { nope: { max: 1 } } });
  assert.equal(unknown.status, 400);
  assert.match(ApiErrorSchema.parse(unknown.body).error.message, /unknown channel "nope"/);
  const noPeriods = await json('POST', `/api/runs/${run.id}/plan`, {});
  assert.equal(noPeriods.status, 400);
  assert.match(ApiErrorSchema.parse(noPeriods.body).error.message, /periods/);
});

test('scenarios: conservative / current / aggressive at 0.9 / 1 / 1.1 of current spend, KPI non-decreasing', async () => {
  const s = ScenarioComparisonSchema.parse((await json('POST', `/api/runs/${run.id}/scenarios`, {})).body);
  assert.deepEqual(s.scenarios.map((x) => x.name), ['conservative', 'current', 'aggressive']);
  s.scenarios.forEach((x, k) => {
    assert.ok(Math.abs(x.budget - [0.9, 1, 1.1][k] * s.currentBudget) < 1e-6 * s.currentBudget);
    const spent = (x.allocation ?? []).reduce((t, c) => t + c.spend, 0);
    assert.ok(Math.abs(spent - x.budget) < 1e-6 * x.budget);
  });
  const kpi = s.scenarios.map((x) => x.expectedKpi as number);
  assert.ok(kpi[0] <= kpi[1] && kpi[1] <= kpi[2], String(kpi));
  assert.ok(kpi[1] >= s.currentKpi - 1e-9 * Math.abs(s.currentKpi), 'reallocating the current budget never predicts less');
  // Levels the default bounds (0.5×–2×) cannot meet: the reason names the level, the budget per period and what would do, no "up to" budget.
  const edge = ScenarioComparisonSchema.parse((await json('POST', `/api/runs/${run.id}/scenarios`, { levels: { conservative: 0.2, current: 1, aggressive: 3 } })).body);
  const [low, , high] = edge.scenarios;
  assert.equal(low.feasible, false);
  assert.match(low.reason ?? '', /^The level 0\.2 \(a budget of [\d,.]+ per period\) is below the [\d,]+ per period that the lower bounds and locks require: choose a higher level \(at least 0\.5× current spend\).* have no bounds in the request, so the default bounds/);
  assert.equal(high.feasible, false);
  assert.match(high.reason ?? '', /^The level 3 \(a budget of [\d,.]+ per period\) cannot be spent: the upper bounds and locks allow at most [\d,]+ per period; choose a lower level \(at most 2× current spend\), or raise the upper bounds\./);
  assert.doesNotMatch(high.reason ?? '', /up to|upTo/);
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
