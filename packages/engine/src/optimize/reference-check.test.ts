import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRng } from '../random/rng.ts';
import { allocateBudget, compileCurves } from './allocate-budget.ts';
import { randomAllocationProblem } from './random-problem.ts';
import { referenceAllocation } from './reference-allocation.ts';

/**
 * Reference check (issue 4, "must show" 2): on random problems with 2–4 channels (half of the
 * channels S-shaped in the second half of the runs), Mixwise's allocation is compared with an
 * independent derivative-free optimizer (exhaustive lattice + pattern search). Mixwise must be
 * within 0.1 % of it everywhere and never worse by more than 1e-9 relative.
 */
test('reference check: never worse than lattice + pattern search on 300 random problems', () => {
  const rng = createRng(20240604);
  let solved = 0, worst = -Infinity;
  for (let i = 0; i < 300; i++) {
    const nChannels = 2 + (i % 3);
    const p = randomAllocationProblem(rng, nChannels, i < 150 ? 0 : 0.6);
    const a = allocateBudget(p.model, { budget: p.budget, constraints: p.constraints });
    if (!a.feasible) {
      assert.ok(['BUDGET_BELOW_MINIMUM', 'BUDGET_ABOVE_MAXIMUM', 'CONFLICTING_BOUNDS'].includes(a.reason));
      continue;
    }
    solved++;
    const curves = compileCurves(p.model);
    const lo = Float64Array.from(a.channels, (c) => c.lower);
    let sLo = 0;
    for (const v of lo) sLo += v;
    const hi = Float64Array.from(a.channels, (c, k) => Math.min(c.upper, p.budget - (sLo - lo[k])));
    const ref = referenceAllocation(curves, lo, hi, p.budget);
    const mix = a.media.recommended;
    let spent = 0;
    a.channels.forEach((c, k) => { spent += c.recommended; assert.ok(c.recommended >= lo[k] - 1e-9 * p.budget && c.recommended <= hi[k] + 1e-9 * p.budget); });
    assert.ok(Math.abs(spent - p.budget) <= 1e-9 * p.budget, `spend ${spent} vs budget ${p.budget}`);
    const rel = (ref.value - mix) / Math.abs(ref.value);
    worst = Math.max(worst, rel);
    assert.ok(rel <= 1e-9, `problem ${i}: reference ${ref.value} beats Mixwise ${mix} by ${rel} (method ${a.method})`);
  }
  assert.ok(solved >= 200, `only ${solved} feasible problems`);
});
