import { test } from 'node:test';
import assert from 'node:assert/strict';
import { minimumBudget } from './minimum-budget.ts';
import { roiCeiling, targetEfficiency } from './target-efficiency.ts';
import { randomAllocationProblem } from './random-problem.ts';
import { createRng } from '../random/rng.ts';
import { budgetFrontier, CLASSIC_SCENARIOS, DEFAULT_FRONTIER_LEVELS } from './budget-frontier.ts';
import { explainAllocation } from './explain-allocation.ts';
import { allocateBudget, compileCurves } from './allocate-budget.ts';
import { hillChannel, mmChannel, responseModel } from './test-models.ts';

// Two Michaelis–Menten channels c = (4, 1), K = (1, 1): at budget B the optimum is
// x_i = √c_i (B + 2)/3 − 1 and the best media KPI is V(B) = Σ c_i x_i/(1 + x_i) = 5 − 9/(B + 2)
// (substituting: c_i x_i/(1+x_i) = c_i − c_i/(1+x_i) = c_i − 3√c_i/(B+2); Σ = 5 − 9/(B+2)).
const two = responseModel([mmChannel('a', 4, 1, 2), mmChannel('b', 1, 1, 2)], 10);

test('minimumBudget inverts the closed-form value function', () => {
  // V(B) = 3.5 ⇔ 9/(B+2) = 1.5 ⇔ B = 4.
  const r = minimumBudget(two, { targetKpi: 13.5 });
  assert.ok(r.feasible);
  assert.ok(Math.abs(r.budget - 4) < 1e-8, String(r.budget));
  assert.equal(r.problem, 'minimum-budget');
  // Sup V = 5: a target of 10 + 5 is unreachable, with the best reachable KPI reported.
  const no = minimumBudget(two, { targetKpi: 15 });
  assert.equal(no.feasible, false);
  assert.equal(!no.feasible && no.reason, 'TARGET_UNREACHABLE');
  assert.ok(!no.feasible && Number(no.details.maximumKpi) < 15 && Number(no.details.maximumKpi) > 14.99);
  // With upper bounds 1.5 × current = 3 each, the most is 4·3/4 + 3/4 = 3.75 media.
  const capped = minimumBudget(two, { targetKpi: 13.8, constraints: { defaults: { max: { type: 'multiple', value: 1.5 } } } });
  assert.equal(!capped.feasible && capped.reason, 'TARGET_UNREACHABLE');
  assert.ok(!capped.feasible && Math.abs(Number(capped.details.maximumKpi) - 13.75) < 1e-9);
  // The spend quoted is where 99% of the reachable media KPI is bought, not the plateau search's
  // last doubled budget. Unbounded: V(B) = 0.99·5 at B = 9/0.05 − 2 = 178 (the plateau is a hair under 5).
  assert.ok(!no.feasible && Math.abs(Number(no.details.budget) - 178) < 2, String(!no.feasible && no.details.budget));
  // Capped at 3 each: a reaches its cap at B = 4, then V = 3 + (B − 3)/(B − 2) = 0.99·3.75 at B = 1.575/0.2875,
  // within the bounds' total of 6.
  assert.ok(!capped.feasible && Math.abs(Number(capped.details.budget) - 1.575 / 0.2875) < 1e-6, String(!capped.feasible && capped.details.budget));
  assert.match(!capped.feasible ? capped.message : '', /99% of the media part of that is reached at 5\.47826/);
});

test('minimumBudget: a target the lower bounds already reach costs exactly their total, with no budget multiplier', () => {
  // At the lower bounds 0.3 × current = (0.6, 0.6) the KPI is 10 + 4·0.6/1.6 + 0.6/1.6 = 11.875 ≥ 11. The
  // bisection alone stopped 7e-11 above 1.2, which made the budget bind with the marginal ROI of channel a.
  const r = minimumBudget(two, { targetKpi: 11, constraints: { defaults: { min: { type: 'multiple', value: 0.3 } } } });
  assert.ok(r.feasible);
  assert.equal(r.budget, 1.2);
  assert.deepEqual(r.channels.map((c) => [c.recommended, c.status]), [[0.6, 'at-lower'], [0.6, 'at-lower']]);
  assert.deepEqual(r.binding, ['a: lower bound', 'b: lower bound']);
  assert.equal(r.multiplier, 0);
  // Locks count as well; a target above what the floor reaches is still bisected (b gets the rest).
  const locked = minimumBudget(two, { targetKpi: 11, constraints: { locks: { a: 0.7 } } });
  assert.ok(locked.feasible && locked.budget === 0.7 && locked.channels[1].recommended === 0);
  const above = minimumBudget(two, { targetKpi: 12, constraints: { defaults: { min: { type: 'multiple', value: 0.3 } } } });
  assert.ok(above.feasible && above.budget > 1.2 + 1e-3);
});

test('targetEfficiency: marginal-ROI floor and average-ROI target', () => {
  // mROI floor 0.25: r_i' = c_i/(1+x)² = 0.25 ⇒ x = (√(4c_i) − 1) = (3, 1): the same point as budget 4.
  const m = targetEfficiency(two, { type: 'mroi', value: 0.25 });
  assert.ok(m.feasible);
  assert.ok(Math.abs(m.channels[0].recommended - 3) < 1e-9 && Math.abs(m.channels[1].recommended - 1) < 1e-9);
  // ROI target R: the largest B with V(B) = R·B; R = 3.5/4 = 0.875 gives B = 4 (V(B)/B is decreasing).
  const r = targetEfficiency(two, { type: 'roi', value: 0.875 });
  assert.ok(r.feasible);
  assert.ok(Math.abs(r.budget - 4) < 1e-7, String(r.budget));
  // Below B = 1 only channel a is used (x_b = (B+2)/3 − 1 < 0), V = 4B/(1+B), so ROI 2.3 is reached
  // at 4/(1+B) = 2.3, B = 4/2.3 − 1; the best ROI of any budget is lim_{B→0} V(B)/B = r_a'(0) = 4.
  const small = targetEfficiency(two, { type: 'roi', value: 2.3 });
  assert.ok(small.feasible && Math.abs(small.budget - (4 / 2.3 - 1)) < 1e-8);
  const no = targetEfficiency(two, { type: 'roi', value: 4.5 });
  assert.equal(!no.feasible && no.reason, 'TARGET_ROI_UNREACHABLE');
  // No bounds: the curves themselves cap the ROI, and the message may say no budget reaches it.
  assert.equal(!no.feasible && no.details.limitedBy, 'curves');
  assert.match(!no.feasible ? no.message : '', /^No budget reaches a media ROI of 4\.5: the best allocation at any budget returns at most 3\.99/);
  const none = targetEfficiency(two, { type: 'mroi', value: 5 }); // r'(0) = 4 and 1 < 5
  assert.equal(!none.feasible && none.reason, 'TARGET_MROI_UNREACHABLE');
});

test('targetEfficiency roi: media ROI peaking inside a narrow window of feasible budgets (lower bounds) is found', () => {
  // floor returns nothing but must spend at least 100; b: r(y) = 40y/(100 + y), at most 300. So the
  // feasible budgets are [100, 400] (up to the plateau), V(B) = 40y/(100 + y) with y = B − 100, and the
  // media ROI 40y/(100 + y)² rises from 0 at B = 100 to its peak 0.1 at B = 200, then falls (0.075 at
  // 400). The old 33-level geometric scan from 10⁻⁴ × current had 5 levels in the window and called
  // anything above 0.0995 unreachable.
  const m = responseModel([mmChannel('floor', 0, 1, 100), mmChannel('b', 40, 100, 100)]);
  const constraints = { channels: { floor: { min: { type: 'absolute' as const, value: 100 } }, b: { max: { type: 'absolute' as const, value: 300 } } } };
  // The largest B with ROI ≥ R: the larger root y of R·y² + (200R − 40)·y + 10⁴R = 0.
  const largest = (R: number): number => 100 + ((40 - 200 * R) + Math.sqrt((40 - 200 * R) ** 2 - 4e4 * R * R)) / (2 * R);
  for (const R of [0.0999, 0.1 - 1e-9, 0.09]) {
    const r = targetEfficiency(m, { type: 'roi', value: R, constraints });
    assert.ok(r.feasible, `R = ${R}: ${!r.feasible && r.message}`);
    assert.ok(Math.abs(r.budget - largest(R)) < 1e-8 * largest(R), `R = ${R}: ${r.budget} vs ${largest(R)}`);
    assert.ok(r.media.recommended >= R * r.budget * (1 - 1e-9));
    assert.equal(r.channels[0].recommended, 100);
  }
  // Past the peak: unreachable, and the message says the bounds limit it (not that no budget could).
  const no = targetEfficiency(m, { type: 'roi', value: 0.1001, constraints });
  assert.ok(!no.feasible && no.reason === 'TARGET_ROI_UNREACHABLE');
  assert.doesNotMatch(no.message, /No budget reaches/);
  assert.match(no.message, /^The bounds keep media ROI below 0\.1001: the best allocation within them returns at most 0\.1 per unit of spend, at a budget of about 200 per period; the lower bounds and locks alone require 100 per period\.$/);
  assert.ok(Math.abs(Number(no.details.bestRoi) - 0.1) < 1e-12, String(no.details.bestRoi));
  assert.ok(Math.abs(Number(no.details.bestBudget) - 200) < 1e-3, String(no.details.bestBudget));
  assert.deepEqual([no.details.minimumBudget, no.details.limitedBy], [100, 'bounds']);
});

test('targetEfficiency roi and minimumBudget: share lower bounds that no budget meets are reported as such', () => {
  const shares = { defaults: { min: { type: 'share' as const, value: 0.6 } } };
  for (const r of [targetEfficiency(two, { type: 'roi', value: 0.5, constraints: shares }), minimumBudget(two, { targetKpi: 13, constraints: shares })]) {
    assert.equal(!r.feasible && r.reason, 'CONFLICTING_BOUNDS');
    assert.match(!r.feasible ? r.message : '', /add up to 120% of the budget/);
  }
  // Below 100 %, with a lock: the least budget is where the shares leave room for it (0.4·B ≥ 0.5, B ≥ 1.25),
  // and a target the bounds already reach costs exactly that.
  const room = minimumBudget(two, { targetKpi: 11, constraints: { channels: { a: { min: { type: 'share', value: 0.6 } } }, locks: { b: 0.5 } } });
  assert.ok(room.feasible && Math.abs(room.budget - 1.25) < 1e-12, String(room.feasible && room.budget));
});

test('budgetFrontier: default levels, classic scenarios, closed-form values', () => {
  assert.deepEqual(DEFAULT_FRONTIER_LEVELS, [0.5, 0.6, 0.7, 0.8, 0.9, 1, 1.1, 1.2, 1.3, 1.4, 1.5, 1.6, 1.7, 1.8, 1.9, 2]);
  const pts = budgetFrontier(two, { levels: CLASSIC_SCENARIOS });
  pts.forEach((p) => {
    assert.ok(p.result.feasible);
    const b = 4 * p.level;
    assert.ok(Math.abs(p.result.expected.recommended - (15 - 9 / (b + 2))) < 1e-9);
  });
});

test('explainAllocation names the numbers', () => {
  const a = allocateBudget(two, { budget: 4 });
  const text = explainAllocation(a);
  assert.match(text, /^Spend 4 per period \(unchanged\): raise a from 2 to 3 \(\+50\.0%\), cut b from 2 to 1 \(−50\.0%\)\./);
  assert.match(text, /from 13\.33 to 13\.5 per period/);
  assert.doesNotMatch(text, /Outside the data/);
  assert.match(text, /returns about 0\.25 in KPI/);
  const bad = explainAllocation(allocateBudget(two, { budget: 1, constraints: { locks: { a: 2 } } }));
  assert.match(bad, /^No allocation meets the request: The budget 1 is below the 2/);
});

test('spends outside the levels the data cover are flagged and named, with the range', () => {
  // Same curves as `two`; a's data covered 1.5–2.5, b's 0–2.5. Budget 4 gives (3, 1): a above its range, b inside.
  const ranged = { ...two, channels: [{ ...two.channels[0], observed: { low: 1.5, high: 2.5 } }, { ...two.channels[1], observed: { low: 0, high: 2.5 } }] };
  const a = allocateBudget(ranged, { budget: 4 });
  assert.ok(a.feasible);
  assert.deepEqual(a.channels.map((c) => c.beyondData), ['above', null]);
  assert.deepEqual(a.channels[0].dataRange, { low: 1.5, high: 2.5 });
  assert.match(explainAllocation(a), /Outside the data: a at 3, above any sustained level in the data \(the data show 1\.5 to 2\.5\)\. There the response is the fitted curve extrapolated/);
  // Budget 2.4 gives (1.93, 0.47), inside both ranges; a budget of 1 gives (1, 0): a below its lowest level.
  const inside = allocateBudget(ranged, { budget: 2.4 });
  assert.ok(inside.feasible);
  assert.deepEqual(inside.channels.map((c) => c.beyondData), [null, null]);
  const low = allocateBudget(ranged, { budget: 1 });
  assert.ok(low.feasible);
  assert.equal(low.channels[0].beyondData, 'below');
  // Without ranges (a hand-built model) nothing is flagged.
  const bare = allocateBudget(two, { budget: 4 });
  assert.ok(bare.feasible);
  assert.deepEqual(bare.channels.map((c) => [c.beyondData, c.dataRange]), [[null, null], [null, null]]);
});

test('roiCeiling: beyond it no budget returns R (Σ r_c(B)/B < R at every larger B), on random curves of every family', () => {
  const rng = createRng(77);
  for (let i = 0; i < 200; i++) {
    const p = randomAllocationProblem(rng, 1 + (i % 5), i % 2 === 0 ? 0 : 0.6);
    const curves = compileCurves(p.model);
    const current = p.model.channels.reduce((s, c) => s + c.current, 0);
    const r = (0.2 + 3 * rng.next()) * curves.reduce((s, c) => s + c.value(current), 0) / current;
    const top = roiCeiling(curves, r, current);
    assert.ok(Number.isFinite(top) && top >= current, `problem ${i}: ${top}`);
    for (const f of [1, 1.001, 1.5, 3, 10, 1e3, 1e6]) {
      const b = top * f;
      assert.ok(curves.reduce((s, c) => s + c.value(b), 0) < r * b, `problem ${i}: Σ r(B)/B ≥ R at ${f} × the ceiling`);
    }
  }
  assert.equal(roiCeiling(compileCurves(two), 0, 1), Infinity);
});

test('targetEfficiency roi returns the largest budget meeting R: nothing above it on a dense independent scan does', () => {
  const rng = createRng(78);
  let checked = 0;
  for (let i = 0; i < 40; i++) {
    const p = randomAllocationProblem(rng, 2 + (i % 3), i % 2 === 0 ? 0 : 0.6);
    const base = allocateBudget(p.model, { budget: p.budget, constraints: p.constraints });
    if (!base.feasible) continue;
    const R = (0.5 + rng.next()) * base.media.recommended / base.budget;
    const res = targetEfficiency(p.model, { type: 'roi', value: R, constraints: p.constraints });
    if (!res.feasible) continue;
    checked++;
    assert.ok(res.media.recommended >= R * res.budget * (1 - 1e-9), `problem ${i}: the answer misses R`);
    // 400 budgets from just above the answer to 20× it: none that spends more meets R (an "up to"
    // budget above what the upper bounds allow spends only their total, as the answer then does).
    for (let k = 1; k <= 400; k++) {
      const b = res.budget * Math.pow(20, k / 400) * (1 + 1e-7);
      const a = allocateBudget(p.model, { budget: b, mode: 'up-to', constraints: p.constraints });
      if (a.feasible && a.budget > res.budget * (1 + 1e-9)) assert.ok(a.media.recommended < R * a.budget, `problem ${i}: budget ${a.budget} > answer ${res.budget} also meets R`);
    }
  }
  assert.ok(checked >= 20, `only ${checked} feasible problems`);
});

test('minimumBudget: a target above every channel at its most is unreachable, with the closed-form supremum and 99% point', () => {
  // V(B) = 5 − 9/(B + 2) → sup 5 (each r = c·x/(1 + x) tends to c); 99% of it at B = 9/0.05 − 2 = 178.
  const no = minimumBudget(two, { targetKpi: 15.5 });
  assert.ok(!no.feasible && no.reason === 'TARGET_UNREACHABLE');
  assert.ok(Math.abs(Number(no.details.maximumKpi) - 15) < 1e-9, String(no.details.maximumKpi));
  assert.ok(Math.abs(Number(no.details.budget) - 178) < 1e-6, String(no.details.budget));
  // Nothing but the curves caps it, and the message does not blame bounds there are none of.
  assert.ok(!no.feasible && no.details.limitedBy === 'curves');
  assert.match(!no.feasible ? no.message : '', /^The KPI target 15\.5 per period cannot be reached: the most any budget can reach is about 15 per period \(every channel's response levels off\)/);
  // Bounded: the supremum is each channel at its upper bound (3 each): 4·3/4 + 3/4.
  const capped = minimumBudget(two, { targetKpi: 14, constraints: { defaults: { max: { type: 'multiple', value: 1.5 } } } });
  assert.ok(!capped.feasible && Number(capped.details.maximumKpi) === 13.75 && capped.details.limitedBy === 'bounds');
  assert.match(!capped.feasible ? capped.message : '', /cannot be reached within the bounds/);
});

test('targetEfficiency mroi: an S-curve whose marginal touches the floor but whose step up returns less stays at its lower bound, and the text says why', () => {
  // s: r(x) = x³/(1 + x³) (Hill, shape 3, gain 1); r' = 3x²/(1 + x³)² peaks at x = 2^(-1/3) with
  // r' = 3·2^(-2/3)/(1.5)² ≈ 0.840. Floor 0.8: reached around the peak only. From the lower bound
  // 0.25 (0.5 × current 0.5) the best step ends where r' falls back to 0.8 above the peak; its
  // average return is below 0.8, so r(x) − 0.8x is largest at 0.25 and s stays there.
  const model = responseModel([hillChannel('s', 1, 1, 3, 0.5), mmChannel('a', 4, 1, 2)]);
  const constraints = { defaults: { min: { type: 'multiple' as const, value: 0.5 }, max: { type: 'multiple' as const, value: 4 } } };
  const r = targetEfficiency(model, { type: 'mroi', value: 0.8, constraints });
  assert.ok(r.feasible);
  assert.equal(r.channels[0].recommended, 0.25);
  assert.equal(r.floorSteps?.length, 1);
  const step = r.floorSteps?.[0];
  assert.ok(step);
  const f = (x: number): number => x ** 3 / (1 + x ** 3), d = (x: number): number => (3 * x * x) / (1 + x ** 3) ** 2;
  assert.equal(step.channel, 's');
  assert.equal(step.from, 0.25);
  assert.ok(step.to > 2 ** (-1 / 3) && Math.abs(d(step.to) - 0.8) < 1e-9, `${step.to}`);
  assert.ok(Math.abs(step.averageReturn - (f(step.to) - f(0.25)) / (step.to - 0.25)) < 1e-12 && step.averageReturn < 0.8, `${step.averageReturn}`);
  assert.match(explainAllocation(r), /s's marginal return reaches 0\.8 only part of the way up its S-shaped curve: raising it from its lower bound 0\.25 to 0\.925, where the marginal return falls back to 0\.8, would return 0\.632 per unit on average, below 0\.8, so it stays at its lower bound\./);
  // A floor it never reaches (0.9 > 0.840): no step to explain.
  const high = targetEfficiency(model, { type: 'mroi', value: 0.9, constraints });
  assert.ok(high.feasible && high.floorSteps === undefined);
});

test('budgetFrontier reports progress per level, infeasible ones included', () => {
  const events: [number, number][] = [];
  const pts = budgetFrontier(two, { levels: [1.5, 0.9, 1], onProgress: (done, total) => events.push([done, total]) });
  assert.deepEqual(events, [[0, 3], [1, 3], [2, 3], [3, 3]]);
  assert.deepEqual(pts.map((p) => p.level), [1.5, 0.9, 1]);
});
