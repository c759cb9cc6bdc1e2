// referencePeriods on /optimize, /plan and /scenarios: "current" over the last N modeled periods,
// checked against `mixwise optimize --reference-periods N --json` on a copy of the same run folder.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { cp, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { ApiErrorSchema, OptimizeResponseSchema, PlanResponseSchema, ScenarioComparisonSchema, type RunManifest } from '@mixwise/contracts';
import { readModel } from '@mixwise/data';
import { runCli } from '@mixwise/cli';
import { responseModelFromMmm, type MmmModel } from '@mixwise/engine';
import { serverWithRun, type workspace } from './helpers.ts';

let ws: Awaited<ReturnType<typeof workspace>>;
let app: FastifyInstance;
let run: RunManifest;
let model: MmmModel;
const N = 13;

before(async () => {
  ({ ws, app, run } = await serverWithRun());
  model = readModel(join(ws.runsDir, run.id));
});
after(async () => {
  await app.close();
  await rm(ws.root, { recursive: true, force: true });
});

const post = async (route: string, payload: object) => {
  const res = await app.inject({ method: 'POST', url: `/api/runs/${run.id}/${route}`, payload });
  return { status: res.statusCode, body: res.json() as unknown };
};

interface CliOut {
  allocation: { channel: string; current: number; recommended: number; spend?: number[] }[];
  expected: { current: number; recommended: number; lift: number; lift_interval?: [number, number] };
  reference_periods: number; window_periods: number; recommendation: string;
  scenarios?: { level: number; budget: number; expected_kpi: number | null; allocation: Record<string, number> | null }[];
}

let copies = 0;
async function cli(args: readonly string[]): Promise<CliOut> {
  const copy = join(ws.root, `refp-copy-${++copies}`);
  await cp(join(ws.runsDir, run.id), copy, { recursive: true });
  let stdout = '';
  const io = { stdout: { write: (t: string) => { stdout += t; return true; } }, stderr: { write: () => true }, env: {}, cwd: ws.root };
  assert.equal(await runCli(['optimize', '--model', copy, ...args, '--json'], io), 0);
  return JSON.parse(stdout) as CliOut;
}

const close = (a: number, b: number, tol = 1e-9): void => assert.ok(Math.abs(a - b) <= tol * Math.max(1, Math.abs(b)), `${a} vs ${b}`);
const windowPeriods = (): number => model.window.end - model.window.start;

test('optimise with referencePeriods: current spend, allocation and KPI are those of `mixwise optimize --reference-periods N`', { timeout: 240_000 }, async () => {
  const recent = responseModelFromMmm(model, { referencePeriods: N });
  const whole = responseModelFromMmm(model);
  assert.notDeepEqual(recent.channels.map((c) => c.current), whole.channels.map((c) => c.current), 'the fixture\'s last periods spend differently from the window');
  const budget = Math.round(recent.channels.reduce((s, c) => s + c.current, 0) * 1.1);
  const none = Object.fromEntries(recent.channels.map((c) => [c.name, {}]));
  const served = await post('optimize', { budget, bounds: none, referencePeriods: N });
  assert.equal(served.status, 200, JSON.stringify(served.body));
  const d = OptimizeResponseSchema.parse(served.body);
  const c = await cli(['--budget', String(budget), '--bounds', 'none', '--reference-periods', String(N)]);
  assert.deepEqual([d.referencePeriods, d.windowPeriods], [c.reference_periods, c.window_periods]);
  assert.deepEqual([d.referencePeriods, d.windowPeriods], [N, windowPeriods()]);
  assert.deepEqual(d.allocation.map((a) => a.current), c.allocation.map((a) => a.current));
  d.allocation.forEach((a, k) => close(a.current, recent.channels[k].current));
  assert.deepEqual(d.allocation.map((a) => a.recommended), c.allocation.map((a) => a.recommended));
  assert.deepEqual([d.expected.current, d.expected.recommended, d.expected.lift], [c.expected.current, c.expected.recommended, c.expected.lift]);
  assert.deepEqual(d.expected.liftInterval, c.expected.lift_interval ?? null);
  // The CLI says which periods in its header; the API at the end of the recommendation.
  assert.equal(d.recommendation, `${c.recommendation} Current spend is the mean spend per period over the last ${N} of the ${windowPeriods()} modeled periods ("referencePeriods": ${N}).`);

  // Under the default bounds too (multiples of the recent current spend).
  const held = OptimizeResponseSchema.parse((await post('optimize', { referencePeriods: N })).body);
  const ch = await cli(['--reference-periods', String(N)]);
  assert.deepEqual(held.allocation.map((a) => a.recommended), ch.allocation.map((a) => a.recommended));
  close(held.currentBudgetPerPeriod, recent.channels.reduce((s, x) => s + x.current, 0));
});

test('plan and scenarios with referencePeriods: the CLI\'s plan and frontier on current spend over the last N periods', { timeout: 240_000 }, async () => {
  const H = 6;
  const served = await post('plan', { periods: H, referencePeriods: N });
  assert.equal(served.status, 200, JSON.stringify(served.body));
  const p = PlanResponseSchema.parse(served.body);
  const c = await cli(['--periods', String(H), '--reference-periods', String(N)]);
  assert.deepEqual([p.referencePeriods, p.windowPeriods], [N, windowPeriods()]);
  assert.deepEqual(p.allocation.map((a) => a.spend), c.allocation.map((a) => a.spend));
  assert.deepEqual([p.expected.current, p.expected.recommended], [c.expected.current, c.expected.recommended]);
  close(p.currentBudget, H * responseModelFromMmm(model, { referencePeriods: N }).channels.reduce((s, x) => s + x.current, 0));
  assert.match(p.recommendation, new RegExp(`Current spend is the mean spend per period over the last ${N} of the ${windowPeriods()} modeled periods \\("referencePeriods": ${N}\\)\\.$`));

  const s = ScenarioComparisonSchema.parse((await post('scenarios', { referencePeriods: N })).body);
  const cs = await cli(['--scenarios', '0.9,1,1.1', '--reference-periods', String(N)]);
  assert.deepEqual([s.referencePeriods, s.windowPeriods], [N, windowPeriods()]);
  assert.deepEqual(s.scenarios.map((x) => x.budget), cs.scenarios?.map((x) => x.budget));
  assert.deepEqual(s.scenarios.map((x) => x.expectedKpi), cs.scenarios?.map((x) => x.expected_kpi));
  assert.deepEqual(s.scenarios.map((x) => x.allocation?.map((a) => a.spend)), cs.scenarios?.map((x) => (x.allocation ? Object.values(x.allocation) : undefined)));
});

test('without referencePeriods the answers are the whole window\'s, as before; referencePeriods = the window gives the same numbers', { timeout: 60_000 }, async () => {
  const W = windowPeriods();
  const whole = responseModelFromMmm(model, { uncertainty: 'expected' });
  const plain = OptimizeResponseSchema.parse((await post('optimize', {})).body);
  assert.deepEqual([plain.referencePeriods, plain.windowPeriods], [W, W]);
  assert.deepEqual(plain.allocation.map((a) => a.current), whole.channels.map((x) => x.current));
  assert.doesNotMatch(plain.recommendation, /Current spend is the mean|referencePeriods/);
  const all = OptimizeResponseSchema.parse((await post('optimize', { referencePeriods: W })).body);
  assert.deepEqual(all.allocation, plain.allocation);
  assert.deepEqual(all.expected, plain.expected);
  assert.equal(all.recommendation, `${plain.recommendation} Current spend is the mean spend per period over all ${W} modeled periods.`);
  const plan = PlanResponseSchema.parse((await post('plan', { periods: 4 })).body);
  assert.deepEqual([plan.referencePeriods, plan.windowPeriods], [W, W]);
  const sc = ScenarioComparisonSchema.parse((await post('scenarios', {})).body);
  close(sc.currentBudget, whole.channels.reduce((s, x) => s + x.current, 0));
});

test('referencePeriods longer than the window, or not a whole number ≥ 1, is a 400 that says what to send', async () => {
  const W = windowPeriods();
  for (const [route, body] of [['optimize', {}], ['plan', { periods: 4 }], ['scenarios', {}]] as const) {
    const long = await post(route, { ...body, referencePeriods: W + 1 });
    assert.equal(long.status, 400, route);
    const e = ApiErrorSchema.parse(long.body).error;
    assert.equal(e.code, 'BAD_REQUEST');
    assert.equal(e.message, `referencePeriods ${W + 1} is longer than the model's window (${W} periods, ${model.dates[model.window.start]} … ${model.dates[model.window.end - 1]}): send at most ${W}, or leave it out for the whole window`);
    for (const bad of [0, 2.5, '13']) {
      const r = await post(route, { ...body, referencePeriods: bad });
      assert.equal(r.status, 400, `${route} ${String(bad)}`);
      assert.match(JSON.stringify(r.body), /referencePeriods must be a whole number \(1 or more\)/);
    }
  }
});
