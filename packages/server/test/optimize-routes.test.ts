// The optimizer routes on a fitted run: /optimize (steady state), /plan (flighted plans) and
// /scenarios, each checked against `mixwise optimize` on a copy of the same run folder.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { cp, realpath, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import {
  ApiErrorSchema, MAX_PLAN_PERIODS, OptimizeRequestSchema, OptimizeResponseSchema, PlanRequestSchema, PlanResponseSchema,
  ScenarioComparisonSchema, ScenarioRequestSchema, type RunManifest,
} from '@mixwise/contracts';
import { readModel } from '@mixwise/data';
import { runCli } from '@mixwise/cli';
import { explainInformationValue, type InformationValue } from '@mixwise/engine';
import { createServer } from '../src/index.ts';
import { limit } from '../src/optimize/api-wording.ts';
import { runOptimizerTask } from '../src/optimize/run-optimizer-task.ts';
import { OptimizerPool } from '../src/optimize/optimizer-pool.ts';
import type { ModelRef, OptimizerTask } from '../src/optimize/optimizer-protocol.ts';
import { serverWithRun, type workspace } from './helpers.ts';

let ws: Awaited<ReturnType<typeof workspace>>;
let app: FastifyInstance;
let run: RunManifest;

before(async () => {
  ({ ws, app, run } = await serverWithRun());
});
after(async () => {
  await app.close();
  await rm(ws.root, { recursive: true, force: true });
});

const json = async (method: 'GET' | 'POST', url: string, payload?: object) => {
  const res = await app.inject({ method, url, ...(payload ? { payload } : {}) });
  return { status: res.statusCode, body: res.json() as unknown, raw: res };
};

test('optimise: the allocation sums to the budget, locks hold, bounds are kept; infeasible is 422', async () => {
  const current = OptimizeResponseSchema.parse((await json('POST', `/api/runs/${run.id}/optimize`, {})).body);
  assert.equal(current.geoSplit, undefined, 'a national run assumes no split across geos');
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
  // Both go on with the value of information (optimization.json's information_value), the same numbers.
  assert.ok(cli.information_value && d.informationValue);
  assert.deepEqual(d.informationValue, cli.information_value);
  assert.equal(d.recommendation, cli.recommendation);
  assert.ok(d.recommendation.endsWith(explainInformationValue(cli.information_value, cli.expected.current)));

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
  assert.equal(cliHead, head);
  assert.ok(head.endsWith(explainInformationValue(cliHeld.information_value, cliHeld.expected.current)));
});

test('optimise with a goal (targetKpi, targetRoi, targetMroi): the budget and split `mixwise optimize --target-…` finds on the same run', { timeout: 60_000 }, async () => {
  const current = OptimizeResponseSchema.parse((await json('POST', `/api/runs/${run.id}/optimize`, {})).body);
  assert.deepEqual(current.objective, { type: 'budget', value: null });
  const targetKpi = Math.round(1.02 * current.expected.current);
  for (const [field, flag, value, type] of [
    ['targetKpi', '--target-kpi', targetKpi, 'target-kpi'], ['targetRoi', '--target-roi', 0.5, 'target-roi'], ['targetMroi', '--target-mroi', 0.3, 'target-mroi'],
  ] as const) {
    const served = await json('POST', `/api/runs/${run.id}/optimize`, { [field]: value });
    const cli = await cliOptimize(`optimize-goal-${field}`, [flag, String(value)]);
    if (served.status === 422) {
      assert.equal(ApiErrorSchema.parse(served.body).error.code, 'INFEASIBLE', field);
      continue;
    }
    assert.equal(served.status, 200, `${field}: ${JSON.stringify(served.body)}`);
    const d = OptimizeResponseSchema.parse(served.body);
    assert.deepEqual(d.objective, { type, value });
    assert.deepEqual(d.allocation.map((c) => c.recommended), cli.allocation.map((c) => c.recommended), field);
    assert.equal(d.expected.recommended, cli.expected.recommended, field);
    if (type === 'target-kpi') assert.ok(d.expected.recommended >= targetKpi * (1 - 1e-9));
    if (type === 'target-roi') assert.ok(d.roi !== null && d.roi >= 0.5 * (1 - 1e-9));
  }
  // One question at a time, and "upTo" only with a budget.
  for (const body of [{ budget: 1000, targetRoi: 2 }, { targetKpi: 1, targetMroi: 1 }, { targetRoi: 2, upTo: true }, { targetRoi: 0 }]) {
    const r = await json('POST', `/api/runs/${run.id}/optimize`, body);
    assert.equal(r.status, 400, JSON.stringify(body));
    assert.match(ApiErrorSchema.parse(r.body).error.message, /at most one of budget|upTo applies to a budget|targetRoi must be a number above 0/);
  }
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
  await refused('optimize', { periods: 4, upTo: true, targetCpa: 2 }, ['targetCpa']);
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
  assert.equal(p.geoSplit, undefined, 'a national run assumes no split across geos');
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


test('a long plan runs off the event loop: /api/health answers at once meanwhile, and the plan equals the one computed in this thread', { timeout: 120_000 }, async () => {
  const base = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
  const body = { periods: MAX_PLAN_PERIODS };
  const t0 = performance.now();
  let planDone = 0;
  const planning = fetch(`${base}/api/runs/${run.id}/plan`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })
    .then(async (r) => { planDone = performance.now(); return { status: r.status, json: await r.json() as unknown }; });
  await new Promise((r) => setTimeout(r, 100));
  const h0 = performance.now();
  const health = await fetch(`${base}/api/health`);
  const healthMs = performance.now() - h0;
  assert.equal(health.status, 200);
  const planned = await planning;
  assert.equal(planned.status, 200, JSON.stringify(planned.json));
  // The plan must still be running when health is asked (it takes 0.8–3 s here), or the check below means nothing;
  // on the event loop, health would wait for the plan and finish after it.
  assert.ok(planDone - t0 > 250, `a ${MAX_PLAN_PERIODS}-period plan takes a while (${Math.round(planDone - t0)} ms): the check below means something`);
  assert.ok(healthMs < 1000 && h0 + healthMs < planDone, `health took ${Math.round(healthMs)} ms while the plan ran ${Math.round(planDone - t0)} ms`);
  // The same computation in this thread, through JSON as the server sends it.
  const model = readModel(join(ws.runsDir, run.id));
  const here = JSON.parse(JSON.stringify(PlanResponseSchema.parse(runOptimizerTask(model, { route: 'plan', request: PlanRequestSchema.parse(body) })))) as unknown;
  assert.deepEqual(planned.json, here);
  const scenarios = { levels: { conservative: 0.5, current: 1, aggressive: 2 } };
  assert.deepEqual((await json('POST', `/api/runs/${run.id}/scenarios`, scenarios)).body,
    JSON.parse(JSON.stringify(ScenarioComparisonSchema.parse(runOptimizerTask(model, { route: 'scenarios', request: ScenarioRequestSchema.parse(scenarios) })))));
  const infeasible = await json('POST', `/api/runs/${run.id}/optimize`, { budget: 1, periods: 3 });
  assert.throws(() => runOptimizerTask(model, { route: 'optimize', request: OptimizeRequestSchema.parse({ budget: 1, periods: 3 }) }),
    (err: Error) => err.message === ApiErrorSchema.parse(infeasible.body).error.message);
});

test('optimizer calls beyond the threads and the queue are refused with 503 BUSY and Retry-After; the others are answered', { timeout: 120_000 }, async () => {
  // A second server on the same runs folder, with one optimizer thread and room for one call waiting.
  const busy = await createServer({ runsDir: ws.runsDir, dataDir: ws.dataDir, dashboardDir: false, optimizerThreads: 1, optimizerQueue: 1 });
  try {
    const calls = await Promise.all([102, 103, 104].map((periods) => busy.inject({ method: 'POST', url: `/api/runs/${run.id}/plan`, payload: { periods } })));
    // Each call reads the run's model.json before it queues, so which of the three arrives last can vary: one is refused.
    assert.deepEqual(calls.map((c) => c.statusCode).sort(), [200, 200, 503], calls.map((c) => c.body.slice(0, 200)).join('\n'));
    const last = calls.find((c) => c.statusCode === 503);
    assert.ok(last);
    const refused = ApiErrorSchema.parse(last.json()).error;
    assert.equal(refused.code, 'BUSY');
    assert.match(refused.message, /^the server is busy: 1 optimizer calls are running and 1 are waiting; try again in \d+ s$/);
    assert.match(String(last.headers['retry-after']), /^\d+$/);
    assert.equal((await busy.inject({ method: 'POST', url: `/api/runs/${run.id}/plan`, payload: { periods: 4 } })).statusCode, 200, 'a free thread takes calls again');
  } finally {
    await busy.close();
  }
});

/** A run's model as the routes hand it to the optimizer pool. */
async function modelRefOf(id: string): Promise<ModelRef> {
  const path = await realpath(join(ws.runsDir, id, 'model.json'));
  const info = await stat(path);
  return { folder: join(ws.runsDir, id), path, stamp: `${info.mtimeMs}:${info.size}` };
}

test('a waiting /optimize call runs before plans that were queued earlier', { timeout: 120_000 }, async () => {
  const pool = new OptimizerPool(1, 8);
  try {
    const ref = await modelRefOf(run.id);
    const done: string[] = [];
    const call = (name: string, task: OptimizerTask) => pool.run(ref, task).then(() => { done.push(name); });
    const plan = (periods: number): OptimizerTask => ({ route: 'plan', request: PlanRequestSchema.parse({ periods }) });
    const calls = [call('plan 1', plan(26)), call('plan 2', plan(27)), call('plan 3', plan(28))];
    assert.deepEqual(pool.load, { running: 1, waiting: 2 }, 'one plan runs, two wait');
    calls.push(call('optimize', { route: 'optimize', request: OptimizeRequestSchema.parse({}) }));
    await Promise.all(calls);
    assert.deepEqual(done, ['plan 1', 'optimize', 'plan 2', 'plan 3']);
  } finally {
    await pool.close();
  }
});

test('amounts above 1e15 and plans beyond the documented length are refused with a readable 400, before any computation', async () => {
  for (const [path, body, field, says] of [
    ['optimize', { budget: 1e300 }, 'budget', 'the budget must be a number from 0 to 1,000,000,000,000,000 (1e15)'],
    ['plan', { periods: 4, budget: 1e308 }, 'budget', 'the budget must be a number from 0 to 1,000,000,000,000,000 (1e15)'],
    ['optimize', { bounds: { tv: { max: 2e15 } } }, 'bounds.tv.max', 'an upper bound (max) must be a number from 0 to 1,000,000,000,000,000 (1e15)'],
    ['plan', { periods: MAX_PLAN_PERIODS + 1 }, 'periods', `periods must be a whole number from 1 to ${MAX_PLAN_PERIODS}`],
    ['optimize', { periods: 0 }, 'periods', 'periods must be a whole number from 1 to 520'],
  ] as const) {
    const r = await json('POST', `/api/runs/${run.id}/${path}`, body);
    assert.equal(r.status, 400, JSON.stringify(r.body));
    const e = ApiErrorSchema.parse(r.body).error;
    assert.equal(e.message, `invalid request body: ${field}: ${says}`);
    assert.deepEqual(e.issues?.map((i) => i.at.column), [field]);
    assert.ok(e.message.length < 200 && !/\d{17}/.test(e.message), e.message);
  }
  // At the cap the answer reads: no 300-digit numbers, no "+2.63e+296%".
  const channels = OptimizeResponseSchema.parse((await json('POST', `/api/runs/${run.id}/optimize`, {})).body).allocation.map((c) => c.channel);
  const top = await json('POST', `/api/runs/${run.id}/optimize`, { budget: 1e15, bounds: Object.fromEntries(channels.map((c) => [c, {}])) });
  assert.equal(top.status, 200, JSON.stringify(top.body));
  assert.doesNotMatch(OptimizeResponseSchema.parse(top.body).recommendation, /\d{19}|e\+\d{3}/);
});

test('infeasible answers round amounts for prose, and a budget the request left out is called current spend, not "the budget" sent', async () => {
  const current = OptimizeResponseSchema.parse((await json('POST', `/api/runs/${run.id}/optimize`, {})).body);
  const [a] = current.allocation.map((c) => c.channel);
  const high = 4 * current.currentBudgetPerPeriod;
  for (const path of ['optimize', 'plan']) {
    const r = await json('POST', `/api/runs/${run.id}/${path}`, { periods: 4, bounds: { [a]: { min: high } } });
    assert.equal(r.status, 422, JSON.stringify(r.body));
    const m = ApiErrorSchema.parse(r.body).error.message;
    assert.match(m, /^No budget was sent, so the budget is current spend: [\d,]+ over 4 periods, which is below the [\d,]+ that the lower bounds and locks require over those periods \([\d,]+ per period\): send a budget of at least [\d,]+, or lower the lower bounds or unlock channels\./, m);
    assert.doesNotMatch(m, /The budget|\d{3}\.\d/, m);
  }
  const level = ScenarioComparisonSchema.parse((await json('POST', `/api/runs/${run.id}/scenarios`, { levels: { conservative: 0.1, current: 1, aggressive: 1.1 } })).body).scenarios[0];
  assert.match(level.reason ?? '', /^The level 0\.1 \(a budget of [\d,]+ per period\) is below the [\d,]+ per period/);
});
