// Two planner questions of `mixwise optimize` through the API: /plan with a KPI target instead of a
// budget (`--periods H --target-kpi Y`) and /optimize with a margin (`--margin V`), each checked
// against the engine on the same model.json and against the CLI on a copy of the same run folder.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { cp, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import {
  ApiErrorSchema, MARGIN_MESSAGE, OptimizeResponseSchema, PLAN_BUDGET_OR_TARGET, PlanResponseSchema, type RunManifest,
} from '@mixwise/contracts';
import { readModel } from '@mixwise/data';
import { runCli } from '@mixwise/cli';
import { DEFAULT_BOUNDS, planMinimumBudget, planModelFromMmm, profit, profitText } from '@mixwise/engine';
import { limit } from '../src/optimize/api-wording.ts';
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

const post = async (route: 'optimize' | 'plan', payload: object) => {
  const res = await app.inject({ method: 'POST', url: `/api/runs/${run.id}/${route}`, payload });
  return { status: res.statusCode, body: res.json() as unknown };
};

/** `mixwise optimize --json` on a copy of the run (optimize writes into its folder). */
async function cliOptimize(copyName: string, args: readonly string[]): Promise<{
  allocation: { channel: string; spend?: number[]; recommended: number }[]; budget: number; expected: { current: number; recommended: number };
  recommendation: string; margin?: number; profit?: { current: number; recommended: number; lift: number };
}> {
  const copy = join(ws.root, copyName);
  await cp(join(ws.runsDir, run.id), copy, { recursive: true });
  let stdout = '';
  const io = { stdout: { write: (t: string) => { stdout += t; return true; } }, stderr: { write: () => true }, env: {}, cwd: ws.root };
  assert.equal(await runCli(['optimize', '--model', copy, ...args, '--json'], io), 0);
  return JSON.parse(stdout) as Awaited<ReturnType<typeof cliOptimize>>;
}

test('plan with targetKpi: the least budget planMinimumBudget finds, its plan and words those of `mixwise optimize --periods H --target-kpi Y`', { timeout: 90_000 }, async () => {
  const H = 6;
  const plain = PlanResponseSchema.parse((await post('plan', { periods: H })).body);
  assert.deepEqual(plain.objective, { type: 'budget', value: null });
  assert.equal(plain.target, null);
  const targetKpi = Math.round(1.01 * plain.expected.window.current);
  const served = await post('plan', { periods: H, targetKpi });
  assert.equal(served.status, 200, JSON.stringify(served.body));
  const d = PlanResponseSchema.parse(served.body);
  assert.deepEqual(d.objective, { type: 'target-kpi', value: targetKpi });
  assert.ok(d.target);

  // The engine on the same model.json, with the API's default bounds: the same least budget.
  const pm = planModelFromMmm(readModel(join(ws.runsDir, run.id)), { afterPlan: 'current' });
  const least = planMinimumBudget(pm, { periods: H, targetKpi, constraints: { defaults: DEFAULT_BOUNDS, channels: {}, locks: {} } });
  assert.ok(least.feasible);
  assert.equal(d.target.budget, least.total);
  assert.equal(d.target.floor, least.floor);
  assert.ok(Math.abs(d.budget - least.total) < 1e-6 * least.total, `${d.budget} vs ${least.total}`);
  // The plan puts the target inside the window; the block restates the plan's window and carry-out.
  assert.ok(d.target.window >= targetKpi * (1 - 1e-9), `${d.target.window} < ${targetKpi}`);
  assert.equal(d.target.window, d.expected.window.recommended);
  assert.equal(d.target.carryOut, d.expected.carryOut.recommended);
  assert.equal(d.target.currentWindow, d.expected.window.current);

  const cli = await cliOptimize('plan-target', ['--periods', String(H), '--target-kpi', String(targetKpi)]);
  assert.deepEqual(d.allocation.map((c) => c.spend), cli.allocation.map((c) => c.spend));
  assert.equal(d.budget, cli.budget);
  assert.equal(d.expected.recommended, cli.expected.recommended);
  // The same paragraph up to the default-bounds sentence, which each front end words for its own way of lifting them.
  const held = (t: string): string => t.replace(/ [^.]* (is|are) held by the default bounds .*$/, '');
  assert.equal(held(d.recommendation), held(cli.recommendation));
  // And it names the same channels: on a default bound in some of the plan's periods counts (engine planBoundStatus).
  const names = (t: string): string | undefined => /(?:^|\. )([^.]*) (?:is|are) held by the default bounds/.exec(t)?.[1];
  assert.ok(names(cli.recommendation), cli.recommendation);
  assert.equal(names(d.recommendation), names(cli.recommendation));
  assert.match(d.recommendation, new RegExp(`^To reach [\\d,.]+ inside the next ${H} periods \\(current spend is predicted to bring [\\d,.]+\\), `));
});

test('plan: budget and targetKpi together are a 400 saying to send one; an unreachable target is 422 INFEASIBLE in the request\'s terms', { timeout: 90_000 }, async () => {
  const both = await post('plan', { periods: 4, budget: 1e6, targetKpi: 1e6 });
  assert.equal(both.status, 400);
  const e = ApiErrorSchema.parse(both.body).error;
  assert.equal(e.code, 'BAD_REQUEST');
  assert.ok(e.message.includes(PLAN_BUDGET_OR_TARGET), e.message);

  const H = 4;
  const plain = PlanResponseSchema.parse((await post('plan', { periods: H })).body);
  // Ten times the KPI inside the window: beyond what 2× current spend (the default bounds) can reach.
  const far = await post('plan', { periods: H, targetKpi: Math.round(10 * plain.expected.window.current) });
  assert.equal(far.status, 422, JSON.stringify(far.body));
  const f = ApiErrorSchema.parse(far.body).error;
  assert.equal(f.code, 'INFEASIBLE');
  assert.match(f.message, new RegExp(`^The KPI target [\\d,.]+ over the next ${H} periods cannot be reached within the bounds: the most the plan can put inside them is about [\\d,.]+, `));
  assert.match(f.message, / To get a plan, lower targetKpi to at most [\d,]+ over the plan, or raise the upper bounds\. /);
  assert.match(f.message, new RegExp(`have no bounds in the request, so the default bounds \\(0\\.5×–2× current spend\\) let them take at most ${limit(2 * plain.currentBudget, 'up')} over the ${H} periods\\.`));
  // The advised target is reachable: a plan comes back for it.
  const advised = Number(/at most ([\d,]+) over the plan/.exec(f.message)?.[1].replaceAll(',', ''));
  const ok = await post('plan', { periods: H, targetKpi: advised });
  assert.equal(ok.status, 200, JSON.stringify(ok.body));
});

test('optimise with a margin: profit = margin × KPI − spend per period, before and after, and profitText ends the recommendation, as `mixwise optimize --margin`', { timeout: 60_000 }, async () => {
  const plain = OptimizeResponseSchema.parse((await post('optimize', {})).body);
  assert.equal(plain.margin, null);
  assert.equal(plain.profit, null);
  const budget = Math.round(1.1 * plain.currentBudgetPerPeriod);
  const margin = 0.3;
  const served = await post('optimize', { budget, margin });
  assert.equal(served.status, 200, JSON.stringify(served.body));
  const d = OptimizeResponseSchema.parse(served.body);
  assert.equal(d.margin, margin);
  assert.ok(d.profit);
  // Closed form, on the answer's own figures (per period).
  assert.equal(d.profit.current, margin * d.expected.current - d.currentBudgetPerPeriod);
  assert.equal(d.profit.recommended, margin * d.expected.recommended - d.budgetPerPeriod);
  assert.equal(d.profit.lift, d.profit.recommended - d.profit.current);
  assert.ok(d.recommendation.endsWith(profitText(margin, profit(margin, d.expected, { current: d.currentBudgetPerPeriod, recommended: d.budgetPerPeriod }), d.mroi, 'per period', (mroi) => `request with targetMroi: ${mroi}`)));
  assert.match(d.recommendation, / At a margin of 0\.3 per unit of KPI, gross profit after media spend moves from /);
  // The advice is in the API's terms, not the CLI's flag.
  assert.match(d.recommendation, /\(request with targetMroi: [\d.]+\)\.$/);
  assert.ok(!d.recommendation.includes('--target-mroi'), d.recommendation);

  const cli = await cliOptimize('optimize-margin', ['--budget', String(budget), '--margin', String(margin)]);
  assert.equal(cli.margin, margin);
  assert.deepEqual(d.profit, cli.profit);
  // The margin changes the words, not the allocation.
  const without = OptimizeResponseSchema.parse((await post('optimize', { budget })).body);
  assert.deepEqual(d.allocation, without.allocation);
  assert.ok(d.recommendation.startsWith(without.recommendation));

  for (const bad of [0, -1, '0.3']) {
    const r = await post('optimize', { margin: bad });
    assert.equal(r.status, 400, String(bad));
    assert.ok(ApiErrorSchema.parse(r.body).error.message.includes(MARGIN_MESSAGE), JSON.stringify(r.body));
  }
  // With a goal too (the CLI takes --margin with any objective).
  const goal = OptimizeResponseSchema.parse((await post('optimize', { targetMroi: 0.3, margin: 120 })).body);
  assert.ok(goal.profit && goal.profit.recommended === 120 * goal.expected.recommended - goal.budgetPerPeriod);
});

test('plan with a margin: profit = margin × KPI − spend over the plan, and the words, as `mixwise optimize --periods H --margin V`', { timeout: 60_000 }, async () => {
  const H = 4;
  const plain = PlanResponseSchema.parse((await post('plan', { periods: H })).body);
  assert.equal(plain.margin, null);
  assert.equal(plain.profit, null);
  const margin = 0.3;
  const served = await post('plan', { periods: H, margin });
  assert.equal(served.status, 200, JSON.stringify(served.body));
  const d = PlanResponseSchema.parse(served.body);
  assert.equal(d.margin, margin);
  assert.ok(d.profit);
  // Closed form on the answer's own totals over the plan (KPI inside the window plus the carry-out).
  assert.equal(d.profit.current, margin * d.expected.current - d.currentBudget);
  assert.equal(d.profit.recommended, margin * d.expected.recommended - d.budget);
  assert.equal(d.profit.lift, d.profit.recommended - d.profit.current);
  assert.ok(d.recommendation.endsWith(profitText(margin, d.profit, null, 'over the plan')), d.recommendation);
  assert.match(d.recommendation, / gross profit after media spend moves from .+ over the plan /);
  // The margin changes the words, not the plan; the CLI gives the same profit.
  assert.deepEqual(d.allocation, plain.allocation);
  assert.ok(d.recommendation.startsWith(plain.recommendation));
  const cli = await cliOptimize('plan-margin', ['--periods', String(H), '--margin', String(margin)]);
  assert.equal(cli.margin, margin);
  assert.ok(cli.profit);
  for (const k of ['current', 'recommended', 'lift'] as const) assert.ok(Math.abs(d.profit[k] - cli.profit[k]) <= 1e-9 * Math.abs(cli.profit.current), k);
  for (const bad of [0, -2, 'x']) {
    const r = await post('plan', { periods: H, margin: bad });
    assert.equal(r.status, 400, String(bad));
    assert.ok(ApiErrorSchema.parse(r.body).error.message.includes(MARGIN_MESSAGE), JSON.stringify(r.body));
  }
});
