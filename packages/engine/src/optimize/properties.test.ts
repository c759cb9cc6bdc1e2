import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { allocateBudget } from './allocate-budget.ts';
import { budgetFrontier } from './budget-frontier.ts';
import { minimumBudget } from './minimum-budget.ts';
import { targetEfficiency } from './target-efficiency.ts';
import type { SaturationSpec } from '../transforms/saturation/types.ts';
import type { AllocationConstraints, ChannelResponse, ResponseModel } from './types.ts';

const satArb = (sShaped: number): fc.Arbitrary<SaturationSpec> => fc.oneof(
  { weight: Math.round(100 * sShaped), arbitrary: fc.record({ type: fc.constant('hill' as const), halfSaturation: fc.double({ min: 0.3, max: 3, noNaN: true }), shape: fc.double({ min: 1.2, max: 4, noNaN: true }) }) },
  { weight: Math.round(100 * (1 - sShaped)) + 1, arbitrary: fc.oneof(
    fc.record({ type: fc.constant('hill' as const), halfSaturation: fc.double({ min: 0.3, max: 3, noNaN: true }), shape: fc.double({ min: 0.5, max: 1, noNaN: true }) }),
    fc.record({ type: fc.constant('michaelis-menten' as const), halfSaturation: fc.double({ min: 0.3, max: 3, noNaN: true }) }),
    fc.record({ type: fc.constant('logistic' as const), lambda: fc.double({ min: 0.3, max: 3, noNaN: true }) }),
    fc.record({ type: fc.constant('log1p' as const), scale: fc.double({ min: 0.3, max: 3, noNaN: true }) }),
  ) },
);

const channelArb = (sShaped: number): fc.Arbitrary<Omit<ChannelResponse, 'name'>> => fc.record({
  current: fc.double({ min: 10, max: 1000, noNaN: true }),
  roi: fc.double({ min: 0.2, max: 20, noNaN: true }),
  reach: fc.double({ min: 0.3, max: 3, noNaN: true }),
  saturation: satArb(sShaped),
}).map(({ current, roi, reach, saturation }) => ({ current, coef: roi * current, gain: reach / current, saturation }));

/** Random curves (every family; S-shaped Hill with weight sShaped), budget 0.3–2× current, random bounds, shares and a lock. */
function problemArb(sShaped: number): fc.Arbitrary<{ model: ResponseModel; budget: number; constraints: AllocationConstraints }> {
  return fc.record({
    chans: fc.array(channelArb(sShaped), { minLength: 1, maxLength: 6 }),
    budgetFactor: fc.double({ min: 0.3, max: 2, noNaN: true }),
    bounds: fc.option(fc.tuple(fc.double({ min: 0, max: 0.9, noNaN: true }), fc.double({ min: 1.1, max: 4, noNaN: true }))),
    share: fc.option(fc.double({ min: 0.2, max: 0.9, noNaN: true })),
    lock: fc.option(fc.nat()),
  }).map(({ chans, budgetFactor, bounds, share, lock }) => {
    const channels = chans.map((c, i) => ({ ...c, name: `ch${i}` }));
    const budget = budgetFactor * channels.reduce((s, c) => s + c.current, 0);
    const constraints: AllocationConstraints = {
      ...(bounds ? { defaults: { min: { type: 'multiple' as const, value: bounds[0] }, max: { type: 'multiple' as const, value: bounds[1] } } } : {}),
      ...(share !== null ? { channels: { ch0: { max: { type: 'share' as const, value: share } } } } : {}),
      ...(lock !== null && channels.length > 1 ? { locks: { [`ch${1 + (lock % (channels.length - 1))}`]: true as const } } : {}),
    };
    return { model: { channels, baseline: 100 }, budget, constraints };
  });
}
const RUNS = 150;
const close = (a: number, b: number, rel: number): boolean => Math.abs(a - b) <= rel * Math.max(Math.abs(a), Math.abs(b), 1e-12);

function within(m: ResponseModel, c: AllocationConstraints, x: number[], budget: number): void {
  m.channels.forEach((ch: ChannelResponse, k: number) => {
    const lock = c.locks?.[ch.name];
    if (lock !== undefined) assert.equal(x[k], lock === true ? ch.current : lock);
    // A channel's own bounds replace the defaults.
    const d = c.channels && Object.hasOwn(c.channels, ch.name) ? c.channels[ch.name] : c.defaults;
    if (d?.min?.type === 'multiple' && lock === undefined) assert.ok(x[k] >= d.min.value * ch.current * (1 - 1e-12) - 1e-9, `${ch.name} below lower bound`);
    if (d?.max?.type === 'multiple' && lock === undefined) assert.ok(x[k] <= d.max.value * ch.current * (1 + 1e-12) + 1e-9, `${ch.name} above upper bound`);
    if (d?.max?.type === 'share' && lock === undefined) assert.ok(x[k] <= d.max.value * budget * (1 + 1e-12) + 1e-9);
  });
}

test('property: budget spent exactly, bounds and locks hold, never worse than current', () => {
  fc.assert(fc.property(problemArb(0.5), (p) => {
    const a = allocateBudget(p.model, { budget: p.budget, constraints: p.constraints });
    if (!a.feasible) return;
    const x = a.channels.map((c) => c.recommended);
    assert.ok(close(x.reduce((s, v) => s + v, 0), p.budget, 1e-9));
    within(p.model, p.constraints, x, p.budget);
    // The current allocation is feasible when the budget equals current total and current is inside the bounds.
    const same = allocateBudget(p.model, { budget: a.currentBudget, constraints: p.constraints });
    const curFeasible = same.feasible && same.channels.every((c) => c.current >= c.lower - 1e-12 && c.current <= c.upper + 1e-12);
    if (same.feasible && curFeasible) assert.ok(same.media.recommended >= same.media.current - 1e-9 * Math.abs(same.media.current));
  }), { numRuns: RUNS, seed: 41 });
});

test('property (concave curves): marginal returns are equal across channels not at a bound', () => {
  fc.assert(fc.property(problemArb(0), (p) => {
    const a = allocateBudget(p.model, { budget: p.budget, constraints: p.constraints });
    if (!a.feasible) return;
    assert.equal(a.method, 'kkt');
    for (const c of a.channels) {
      if (c.status === 'free') assert.ok(close(c.mroiRecommended, a.multiplier, 1e-6), `${c.channel}: ${c.mroiRecommended} vs λ ${a.multiplier}`);
      if (c.status === 'at-lower' && c.upper > c.lower) assert.ok(c.mroiRecommended <= a.multiplier * (1 + 1e-6));
      if (c.status === 'at-upper' && c.upper > c.lower) assert.ok(c.mroiRecommended >= a.multiplier * (1 - 1e-6));
    }
  }), { numRuns: RUNS, seed: 42 });
});

test('property: the frontier is monotone in the budget', () => {
  fc.assert(fc.property(problemArb(0.5), (p) => {
    const pts = budgetFrontier(p.model, { constraints: p.constraints });
    let prev = -Infinity;
    for (const pt of pts) {
      if (!pt.result.feasible) continue;
      assert.ok(pt.result.expected.recommended >= prev - 1e-9 * Math.abs(prev), `level ${pt.level}`);
      prev = pt.result.expected.recommended;
    }
  }), { numRuns: 60, seed: 43 });
});

test('property: the least budget for a KPI target reaches it, and 0.1 % less does not', () => {
  fc.assert(fc.property(problemArb(0.5), fc.double({ min: 0.5, max: 1.5, noNaN: true }), (p, f) => {
    const base = allocateBudget(p.model, { budget: p.budget, constraints: p.constraints });
    if (!base.feasible) return;
    const target = p.model.baseline + f * base.media.recommended;
    const r = minimumBudget(p.model, { targetKpi: target, constraints: p.constraints });
    if (!r.feasible) { assert.equal(r.reason, 'TARGET_UNREACHABLE'); assert.ok(Number(r.details.maximumKpi) < target); return; }
    assert.ok(r.expected.recommended >= target - 1e-9 * Math.abs(target));
    if (f <= 1) assert.ok(r.budget <= p.budget * (1 + 1e-9));
    const less = allocateBudget(p.model, { budget: r.budget * 0.999, mode: 'up-to', constraints: p.constraints });
    if (less.feasible) assert.ok(less.expected.recommended < target + 1e-9 * Math.abs(target));
  }), { numRuns: 60, seed: 44 });
});

test('property: target ROI and target mROI are met or explained', () => {
  fc.assert(fc.property(problemArb(0.5), fc.double({ min: 0.2, max: 3, noNaN: true }), (p, f) => {
    const base = allocateBudget(p.model, { budget: p.budget, constraints: p.constraints });
    if (!base.feasible) return;
    const roi = f * base.media.recommended / base.budget;
    const r = targetEfficiency(p.model, { type: 'roi', value: roi, constraints: p.constraints });
    if (!r.feasible) assert.ok(r.reason === 'TARGET_ROI_UNREACHABLE' && Number(r.details.bestRoi) < roi);
    else assert.ok(r.media.recommended >= roi * r.budget * (1 - 1e-9));
    const m = targetEfficiency(p.model, { type: 'mroi', value: roi, constraints: p.constraints });
    if (m.feasible) for (const c of m.channels) if (c.status === 'free') assert.ok(close(c.mroiRecommended, roi, 1e-6));
  }), { numRuns: 40, seed: 45 });
});
