import { compileCurves, solveBudget } from './allocate-budget.ts';
import { buildAllocation } from './allocation-result.ts';
import { budgetPoint, crossing, plateauBudget, type BudgetPoint } from './budget-search.ts';
import type { Curve } from './curve.ts';
import { budgetRange, formatAmount, infeasible, normaliseBounds } from './normalise-bounds.ts';
import { marginalRoot } from './solve-kkt.ts';
import type { AllocationConstraints, AllocationResult, FloorStep, Infeasible, ResponseModel } from './types.ts';

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

/**
 * For a channel the floor left at its lower bound lo: if its marginal return reaches m above lo (at
 * the inflection of an S-curve, where it peaks), the step from lo to where it falls back to m, whose
 * average return is below m (else bestAtFloor would have taken it). [] when the marginal never reaches m.
 */
function untakenStep(channel: string, curve: Curve, m: number, lo: number, hi: number): FloorStep[] {
  // A curve that bends more than once (a replicate mixture) has no single peak of its marginal: no step to describe.
  if (curve.convexConcave === false) return [];
  const peak = Math.min(hi, Math.max(lo, curve.inflection));
  if (!(curve.d1(peak) >= m)) return [];
  // Above the peak the curve is concave: the marginal return falls back to m once (or not before hi).
  const to = !Number.isFinite(hi) ? bestAtFloor(curve, m, peak, Infinity) : marginalRoot(curve, m, peak, hi);
  if (!(to > lo)) return [];
  return [{ channel, from: lo, to, averageReturn: (curve.value(to) - curve.value(lo)) / (to - lo) }];
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
 *   most KPI at that efficiency. V(B)/B is sampled densely over the feasible budgets (from the least
 *   budget the lower bounds allow, `budgetRange`, to the plateau of V), its best sample refined by
 *   golden-section search, and the last crossing of V(B) = R·B refined by bisection (to 1e-10 relative).
 * Share bounds are shares of the current total budget ('mroi') or of each candidate budget ('roi').
 * @param model the response model; options the target type, value and constraints
 * @returns an Allocation (problem 'target-mroi' or 'target-roi'), or Infeasible:
 *   'TARGET_ROI_UNREACHABLE' (no budget reaches ROI R; details.bestRoi and bestBudget are the best
 *   found, details.limitedBy 'bounds' when bounds shape that best, else 'curves'),
 *   'TARGET_MROI_UNREACHABLE' (no channel earns m at the margin above its lower bound),
 *   'CONFLICTING_BOUNDS' (bounds that no budget meets; for 'roi' budgets whose bounds conflict
 *   channel by channel are skipped)
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
    const result = buildAllocation('target-mroi', model, curves, limits, { x, multiplier: m, ...floorMethod(curves) });
    const steps = curves.flatMap((c, k) => (x[k] === limits.lo[k] && limits.hi[k] > limits.lo[k] ? untakenStep(model.channels[k].name, c, m, limits.lo[k], limits.hi[k]) : []));
    return steps.length > 0 && result.feasible ? { ...result, floorSteps: steps } : result;
  }
  return targetRoi(model, curves, constraints, currentTotal, options.value);
}

/** Golden-section search for the largest V(B)/B on [a, b]; returns the best point evaluated (`start` included). */
function roiPeak(evaluate: (budget: number) => BudgetPoint, a: number, b: number, start: BudgetPoint): BudgetPoint {
  const roi = (p: BudgetPoint): number => (p.solved ? p.value / p.budget : -Infinity);
  const g = (Math.sqrt(5) - 1) / 2;
  let best = start;
  let c = evaluate(b - g * (b - a)), d = evaluate(a + g * (b - a));
  for (let it = 0; it < 200 && b - a > 1e-7 * b; it++) {
    for (const p of [c, d]) if (roi(p) > roi(best)) best = p;
    if (roi(c) >= roi(d)) { b = d.budget; d = c; c = evaluate(b - g * (b - a)); }
    else { a = c.budget; c = d; d = evaluate(a + g * (b - a)); }
  }
  for (const p of [c, d]) if (roi(p) > roi(best)) best = p;
  return best;
}

/**
 * 'roi' target R: the largest budget B in the feasible range whose best allocation keeps V(B)/B ≥ R.
 * V(B)/B need not be monotone: lower bounds make it rise from the least feasible budget, and S-curves
 * can bend it more than once. So budgets are sampled on a geometric grid (at least 48 points, ≤ 3 %
 * apart up to 240) over [least feasible budget, roiCeiling(R)], from the top down: the first that
 * meets R brackets the last crossing of V(B) = R·B with the sample above it, refined by Illinois
 * steps. When no sample meets R, the best is refined by golden-section search between its neighbours
 * (a narrow peak may still meet R); otherwise that best is what the explanation quotes.
 */
function targetRoi(model: ResponseModel, curves: readonly Curve[], constraints: AllocationConstraints, currentTotal: number, r: number): AllocationResult {
  const range = budgetRange(model, constraints, 'up-to');
  if ('feasible' in range) return range;
  const evaluate = (budget: number): BudgetPoint => budgetPoint(model, curves, constraints, budget);
  const start = Math.max(currentTotal, range.min, 1e-9);
  const ceiling = roiCeiling(curves, r, start);
  const hiB = Math.max(Number.isFinite(ceiling) ? ceiling : plateauBudget(model, curves, constraints, start).budget, range.min);
  // With no lower bounds the best ROI may lie at budgets near 0 (concave curves: V(B)/B falls from
  // Σ slopes at 0): start at 10⁻⁴ of the current budget there, or at the least feasible budget above it.
  const loB = Math.max(range.min, Math.min(hiB, Math.max(currentTotal, 1e-9)) * 1e-4);
  const n = hiB > loB ? Math.min(240, Math.max(48, Math.ceil(Math.log(hiB / loB) / Math.log(1.03)))) : 0;
  const at = (k: number): number => (k === 0 ? loB : k === n ? hiB : loB * Math.pow(hiB / loB, k / n));
  const ok = (p: BudgetPoint): boolean => p.solved !== null && p.value >= r * p.budget;
  const pts: BudgetPoint[] = new Array(n + 1);
  for (let k = n; k >= 0; k--) {
    pts[k] = evaluate(at(k));
    if (ok(pts[k])) return roiAnswer(model, curves, r, evaluate, pts[k], k < n ? pts[k + 1] : null);
  }
  // No sample meets R: the best ROI, refined, is either a narrow peak that does or the best there is.
  const roi = (p: BudgetPoint): number => (p.solved ? p.value / p.budget : -Infinity);
  let bi = 0;
  for (let k = 1; k <= n; k++) if (roi(pts[k]) > roi(pts[bi])) bi = k;
  if (pts[bi].solved === null) {
    const why = solveBudget(model, curves, constraints, hiB, 'up-to');
    if ('feasible' in why) return why;
  }
  const peak = n > 0 ? roiPeak(evaluate, pts[Math.max(0, bi - 1)].budget, pts[Math.min(n, bi + 1)].budget, pts[bi]) : pts[bi];
  if (ok(peak)) return roiAnswer(model, curves, r, evaluate, peak, pts.find((p) => p.budget > peak.budget) ?? null);
  return roiUnreachable(r, peak, range.min);
}

/**
 * The allocation at the crossing of V(B) = R·B between `a` (meets R) and `b` (above it, does not;
 * null: `a` is the answer), refined by `crossing`; the answer is the bracket's end that meets R.
 */
function roiAnswer(model: ResponseModel, curves: readonly Curve[], r: number, evaluate: (budget: number) => BudgetPoint, a: BudgetPoint, b: BudgetPoint | null): AllocationResult {
  // An infeasible budget (value −∞) never meets R.
  const g = (p: BudgetPoint): number => p.value - r * p.budget;
  const s = (b === null ? a : crossing(evaluate, g, a, b.budget, g(b))).solved!;
  return buildAllocation('target-roi', model, curves, s.limits, s.raw);
}

/**
 * A budget above which no allocation returns R per unit: the first of start·2^k (k ≤ 80) at or
 * beyond every curve's inflection where Σ_c r_c(B)/B < R and each r_c(x)/x is already falling.
 * Why it is safe: any allocation of B has x_c ≤ B, so V(B) ≤ Σ_c r_c(B); beyond the inflections
 * each r_c is concave, so r_c'(x)·x − r_c(x) (derivative r_c''·x ≤ 0) stays ≤ 0 once it is, and
 * r_c(x)/x keeps falling. Infinity when no such budget is found (curves that never level off).
 */
export function roiCeiling(curves: readonly Curve[], r: number, start: number): number {
  if (!(r > 0)) return Infinity;
  let b = start;
  for (const c of curves) b = Math.max(b, c.inflection);
  for (let k = 0; k <= 80; k++, b *= 2) {
    let sum = 0, falling = true;
    for (const c of curves) {
      const v = c.value(b);
      sum += v;
      if (c.d1(b) * b > v) falling = false;
    }
    if (falling && sum < r * b) return b;
  }
  return Infinity;
}

/**
 * Why no budget reaches media ROI R, from the best point found. When bounds shape that best point
 * (lower bounds or locks that set a least budget, or a channel held at its upper bound there) the
 * message says the bounds limit it, not that no budget could.
 */
function roiUnreachable(r: number, peak: BudgetPoint, minimumBudget: number): Infeasible {
  const bestRoi = peak.solved ? peak.value / peak.budget : -Infinity;
  const s = peak.solved;
  let capped = false;
  if (s) for (let c = 0; c < s.raw.x.length; c++) if (Number.isFinite(s.limits.hi[c]) && s.raw.x[c] >= s.limits.hi[c] * (1 - 1e-9)) capped = true;
  const details = { targetRoi: r, bestRoi, bestBudget: peak.budget, minimumBudget };
  if (minimumBudget > 0 || capped) {
    const floor = minimumBudget > 0 ? `; the lower bounds and locks alone require ${formatAmount(minimumBudget)} per period` : '';
    return infeasible('TARGET_ROI_UNREACHABLE', `The bounds keep media ROI below ${formatAmount(r)}: the best allocation within them returns at most ${formatAmount(bestRoi)} per unit of spend, at a budget of about ${formatAmount(peak.budget)} per period${floor}.`, { ...details, limitedBy: 'bounds' });
  }
  return infeasible('TARGET_ROI_UNREACHABLE', `No budget reaches a media ROI of ${formatAmount(r)}: the best allocation at any budget returns at most ${formatAmount(bestRoi)} per unit of spend.`, { ...details, limitedBy: 'curves' });
}
