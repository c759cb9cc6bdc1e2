// Plans report their progress through optional callbacks, and the plan is the same without them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { nationalModel } from '../model/panel-model.test-support.ts';
import { planModelFromMmm } from './plan-model-from-mmm.ts';
import { planPeriods } from './plan-periods.ts';
import { planVersusCurrent } from './plan-versus-current.ts';
import { planForKpiTarget } from './plan-for-target.ts';
import type { PlanProgress } from './plan-types.ts';

// Three channels, tv S-shaped (Hill shape 2): every start of planPeriods, the pooled one included.
const model = nationalModel();
const pm = planModelFromMmm(model);
const H = 6, perPeriod = pm.channels.reduce((s, c) => s + c.current, 0);

/** Events of one phase: start at 0, done never falls, never above total, and end at done = total. */
function assertPhase(events: readonly { done: number; total: number }[], what: string): void {
  assert.ok(events.length >= 2, `${what}: ${events.length} events`);
  assert.equal(events[0].done, 0, what);
  events.forEach((e, i) => {
    assert.ok(e.done <= e.total, `${what} ${i}: ${e.done} of ${e.total}`);
    if (i > 0) assert.ok(e.done >= events[i - 1].done, `${what} ${i}: ${e.done} after ${events[i - 1].done}`);
  });
  const last = events[events.length - 1];
  assert.equal(last.done, last.total, what);
}

test('planPeriods reports the starts as they are built, then the ascent\'s iterations against a fixed allowance; the plan is the same without it', () => {
  const events: PlanProgress[] = [];
  const options = { periods: H, budget: { total: 1.1 * H * perPeriod } };
  const plan = planPeriods(pm, { ...options, onProgress: (p) => events.push(p) });
  assert.deepEqual([...new Set(events.map((e) => e.phase))], ['plan starts', 'plan']);
  // Four starts (steady state, current, dual, pooled: tv is S-shaped), each built in turn.
  assert.deepEqual(events.filter((e) => e.phase === 'plan starts').map((e) => [e.done, e.total]), [[0, 4], [1, 4], [2, 4], [3, 4], [4, 4]]);
  const ascent = events.filter((e) => e.phase === 'plan');
  assertPhase(ascent, 'plan');
  // Short ascents of 40 from the four starts and the best one's remaining 460 iterations.
  assert.ok(ascent.every((e) => e.total === 4 * 40 + 460), JSON.stringify(ascent.slice(0, 3)));
  assert.ok(plan.feasible && ascent.length > plan.iterations, `${ascent.length} events, ${plan.feasible && plan.iterations} iterations`);
  assert.deepEqual(plan, planPeriods(pm, options));
});

test('planVersusCurrent reports the plan, then the lift interval per replicate; the comparison is the same without it', () => {
  const events: PlanProgress[] = [];
  const options = { periods: H, total: 0.9 * H * perPeriod, replicates: [model, nationalModel(6), nationalModel(7)] };
  const cmp = planVersusCurrent(pm, { ...options, onProgress: (p) => events.push(p) });
  assert.deepEqual([...new Set(events.map((e) => e.phase))], ['plan starts', 'plan', 'lift interval']);
  assertPhase(events.filter((e) => e.phase === 'plan'), 'plan');
  assert.deepEqual(events.filter((e) => e.phase === 'lift interval').map((e) => [e.done, e.total]), [[0, 3], [1, 3], [2, 3], [3, 3]]);
  assert.deepEqual(cmp, planVersusCurrent(pm, options));
});

test('planForKpiTarget reports the budget search per plan solve, then the plan; the result is the same without it', () => {
  const now = planVersusCurrent(pm, { periods: 3 });
  assert.ok(now.feasible);
  const options = { periods: 3, targetKpi: now.current.kpi.current.window + 0.02 * (now.current.kpi.current.window - 3 * pm.baseline) };
  const events: PlanProgress[] = [];
  const target = planForKpiTarget(pm, { ...options, onProgress: (p) => events.push(p) });
  assert.ok(target.feasible);
  // No replicates here, so no lift interval.
  assert.deepEqual([...new Set(events.map((e) => e.phase))], ['minimum budget', 'plan starts', 'plan']);
  const search = events.filter((e) => e.phase === 'minimum budget');
  assertPhase(search, 'minimum budget');
  // An event after each plan solve: done counts them one by one (the closing event repeats the last count).
  const counts = [...new Set(search.map((e) => e.done))];
  assert.deepEqual(counts, counts.map((_, i) => i));
  assert.ok(counts.length > 10, `${counts.length} solves`);
  assert.deepEqual(target, planForKpiTarget(pm, options));
});
