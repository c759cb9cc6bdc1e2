import { compileCurves } from './allocate-budget.ts';
import { buildAllocation } from './allocation-result.ts';
import { budgetPoint, plateauBudget, type BudgetPoint } from './budget-search.ts';
import type { Curve } from './curve.ts';
import { formatAmount, infeasible, normaliseBounds } from './normalise-bounds.ts';
import { marginalRoot } from './solve-kkt.ts';
import type { AllocationConstraints, AllocationResult, ResponseModel } from './types.ts';

/** Options of `targetEfficiency`: a marginal-ROI floor or an average-ROI target. */
export interface TargetEfficiencyOptions {
  /** 'mroi': spend while each channel's marginal return stays ≥ value; 'roi': the most KPI with media ROI ≥ value. */
  readonly type: 'mroi' | 'roi';
  /** KPI per currency unit (e.g. 1 = break-even for revenue). */
  readonly value: number;
  readonly constraints?: AllocationConstraints;
}

/** argmax over [lo, hi] of r(x) − m·x: lo, hi, or the root of r' = m on the concave part. */
function bestAtFloor(curve: Curve, m: number, lo: number, hi: number): number {
  let top = hi;
  if (!Number.isFinite(top)) {
    top = Math.max(lo, curve.inflection, 1e-9) * 2;
    for (let k = 0; k < 2000 && curve.d1(top) > m; k++) top *= 2;
  }
  const from = Math.min(top, Math.max(lo, curve.inflection));
  let best = lo, bestV = curve.value(lo) - m * lo;
  const candidates = [top, marginalRoot(curve, m, from, top)];
  if (curve.convexConcave === false && from > lo) candidates.push(scanBelow(curve, m, lo, from));
  for (const x of candidates) {
    const v = curve.value(x) - m * x;
    if (v > bestV + 1e-15 * Math.abs(bestV)) { bestV = v; best = x; }
  }
  return best;
}

/** How the marginal-ROI floor was solved: exactly, or by a scan (no certificate) for curves that bend more than once. */
function floorMethod(curves: readonly Curve[]): { method: 'kkt' | 'envelope' | 'grid+polish'; gap: number } {
  if (curves.some((c) => c.convexConcave === false)) return { method: 'grid+polish', gap: NaN };
  return { method: curves.some((c) => c.inflection > 0) ? 'envelope' : 'kkt', gap: 0 };
}

/**
 * Best of r(x) − m·x on [lo, to] for a curve that may bend more than once there: a 512-point scan,
 * then golden-section refinement between the best point's neighbours.
 */
function scanBelow(curve: Curve, m: number, lo: number, to: number): number {
  const n = 512, f = (x: number): number => curve.value(x) - m * x;
  let bi = 0, bv = -Infinity;
  for (let i = 0; i <= n; i++) { const v = f(lo + ((to - lo) * i) / n); if (v > bv) { bv = v; bi = i; } }
  let a = lo + ((to - lo) * Math.max(0, bi - 1)) / n, b = lo + ((to - lo) * Math.min(n, bi + 1)) / n;
  const g = (Math.sqrt(5) - 1) / 2;
  for (let it = 0; it < 100 && b - a > 1e-12 * Math.max(1, b); it++) {
    const c = b - g * (b - a), d = a + g * (b - a);
    if (f(c) >= f(d)) b = d; else a = c;
  }
  return 0.5 * (a + b);
}

/**
 * Target efficiency (Robyn's target_efficiency; Meridian's target ROI / target mROI scenarios).
 * - 'mroi' floor m: maximise Σ_c (r_c(x_c) − m·x_c), which separates by channel: each channel spends
 *   up to where its marginal return falls to m (the root of r' = m on the concave part, compared
 *   with the bounds, so S-curves that never earn m on average stay at their lower bound). This is
 *   the KKT point of `allocateBudget` with multiplier λ = m, so every channel not at a bound ends
 *   with marginal ROI m.
 * - 'roi' target R: the largest budget B whose best allocation keeps media ROI V(B)/B ≥ R, i.e. the
 *   most KPI at that efficiency. V is scanned on 33 geometric budget levels up to the plateau of V,
 *   then the last crossing of V(B) = R·B is refined by bisection (to 1e-10 relative).
 * Share bounds are shares of the current total budget ('mroi') or of each candidate budget ('roi').
 * @param model the response model; options the target type, value and constraints
 * @returns an Allocation (problem 'target-mroi' or 'target-roi'), or Infeasible:
 *   'TARGET_ROI_UNREACHABLE' (no budget reaches ROI R; details.bestRoi is the best found),
 *   'TARGET_MROI_UNREACHABLE' (no channel earns m at the margin above its lower bound),
 *   'CONFLICTING_BOUNDS' ('mroi' only; for 'roi' budgets whose bounds conflict are skipped)
 * @throws EngineError('INVALID_ARGUMENT') for bad constraints
 * @example targetEfficiency(model, { type: 'mroi', value: 1 }).budget // spend where the last unit breaks even
 */
export function targetEfficiency(model: ResponseModel, options: TargetEfficiencyOptions): AllocationResult {
  const curves = compileCurves(model);
  const constraints = options.constraints ?? {};
  let currentTotal = 0;
  for (const ch of model.channels) currentTotal += ch.current;
  if (options.type === 'mroi') {
    const limits = normaliseBounds(model, constraints, currentTotal);
    if ('feasible' in limits) return limits;
    const m = options.value;
    const x = Float64Array.from(curves, (c, k) => bestAtFloor(c, m, limits.lo[k], limits.hi[k]));
    let raised = 0;
    for (let c = 0; c < x.length; c++) if (x[c] > limits.lo[c]) raised++;
    if (raised === 0 && limits.locked.some((l) => l === 0)) {
      return infeasible('TARGET_MROI_UNREACHABLE', `No channel returns ${formatAmount(m)} per extra unit above its lower bound, so the marginal-ROI floor allows no spend beyond the minimums (${formatAmount(limits.lo.reduce((a, b) => a + b, 0))} per period).`, { targetMroi: m });
    }
    return buildAllocation('target-mroi', model, curves, limits, { x, multiplier: m, ...floorMethod(curves) });
  }
  const r = options.value;
  const top = plateauBudget(model, curves, constraints, Math.max(currentTotal, 1e-9));
  const ok = (p: BudgetPoint): boolean => p.solved !== null && p.value >= r * p.budget;
  let last: BudgetPoint | null = null, after: BudgetPoint | null = null, bestRoi = -Infinity;
  const n = 32, b0 = Math.min(top.budget, Math.max(currentTotal, 1e-9)) * 1e-4;
  for (let k = 0; k <= n; k++) {
    const p = budgetPoint(model, curves, constraints, b0 * Math.pow(top.budget / b0, k / n));
    if (p.solved) bestRoi = Math.max(bestRoi, p.value / p.budget);
    if (ok(p)) { last = p; after = null; } else if (last && !after) after = p;
  }
  if (!last) {
    return infeasible('TARGET_ROI_UNREACHABLE', `No budget reaches a media ROI of ${formatAmount(r)}: the best allocation at any budget returns at most ${formatAmount(bestRoi)} per unit of spend.`, { targetRoi: r, bestRoi });
  }
  if (after) {
    let a = last, bBudget = after.budget;
    for (let it = 0; it < 200 && bBudget - a.budget > 1e-10 * bBudget; it++) {
      const p = budgetPoint(model, curves, constraints, 0.5 * (a.budget + bBudget));
      if (ok(p)) a = p; else bBudget = p.budget;
    }
    last = a;
  }
  const s = last.solved!;
  return buildAllocation('target-roi', model, curves, s.limits, s.raw);
}
