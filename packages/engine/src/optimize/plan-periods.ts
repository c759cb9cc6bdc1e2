import { EngineError } from '../errors.ts';
import { allocateBudget, compileCurves } from './allocate-budget.ts';
import { solveAllocation } from './solve-allocation.ts';
import { budgetInfeasible, budgetRange, checkBudget, normaliseBounds } from './normalise-bounds.ts';
import { planValue } from './plan-objective.ts';
import { planDualStart, planDualStartPerPeriod } from './plan-dual.ts';
import { planEvaluator } from './plan-evaluator.ts';
import { projectCappedSimplex } from './project-capped-simplex.ts';
import type { PlanModel, PlanOptions, PlanOutcome, PlanChannelResult } from './plan-types.ts';
import { beyondObservedRange } from '../analysis/observed-spend-range.ts';
import { planHolidayPeriods } from './plan-holidays.ts';

const sum = (v: ArrayLike<number>): number => { let s = 0; for (let i = 0; i < v.length; i++) s += v[i]; return s; };

/**
 * Plan spend over the next H periods: maximise the media KPI inside the window plus (objective
 * 'total', default) the carry-out after it, with the full adstock over the spend history (carry-in
 * from before the plan), subject to a total budget over the H periods (timing free, so flighting
 * is allowed) or a budget per period, and per-period bounds per channel.
 * Method: non-monotone spectral projected gradient (Birgin, Martínez & Raydan 2000: Barzilai–Borwein
 * steps, projection onto the capped simplex, Grippo–Lampariello–Lucidi backtracking) in the diagonal
 * metric scale²/coef per channel, with the analytic gradient through the adstock (`planEvaluator`,
 * the same value and gradient as `planValue`). Starts: the dual-decomposition plan (`planDualStart`
 * for a total budget, `planDualStartPerPeriod` for budgets per period: the KKT point for concave
 * curves, a local optimum with S-curves); the
 * steady-state optimum (`allocateBudget` at each period's budget) repeated over the periods; current
 * spend sustained (projected onto the feasible set); and, for a total budget and S-shaped curves, the global optimum of the
 * carryover-free problem (`solveAllocation` over H × nChannels curves, which pulses S-curves when that
 * pays). Each start gets 40 iterations, the best continues. The ascent keeps the best point it
 * visits, so the plan is never worse, by this objective, than repeating the steady-state optimum or
 * current spend (when feasible). Exact up to the stopping tolerance for concave curves; for S-curves
 * a local improvement of the best start. `converged` is false when maxIterations stopped the ascent.
 * @param model per-channel curves, adstock weights and spend history (see planModelFromMmm)
 * @param options periods H, budget (total or per period [H]), constraints, objective, maxIterations
 * @returns the plan and KPI in/after the window vs current spend sustained, or Infeasible when the
 *   budget of some period is outside what the bounds allow
 * @throws EngineError('INVALID_ARGUMENT') for a bad H, a budget array of the wrong length, bad constraints
 * @example planPeriods(planModel, { periods: 13, budget: { total: 13 * 1000 } }).kpi.lift.total // ≥ 0
 */
export function planPeriods(model: PlanModel, options: PlanOptions): PlanOutcome {
  const H = options.periods, nC = model.channels.length;
  if (!Number.isInteger(H) || H < 1) throw new EngineError('INVALID_ARGUMENT', `planPeriods: periods must be an integer ≥ 1, got ${H}`);
  const perPeriod = 'perPeriod' in options.budget ? Float64Array.from(options.budget.perPeriod) : null;
  if (perPeriod && perPeriod.length !== H) throw new EngineError('INVALID_ARGUMENT', `planPeriods: perPeriod budget has ${perPeriod.length} entries for ${H} periods`);
  let total = perPeriod ? sum(perPeriod) : (options.budget as { total: number }).total;
  const constraints = options.constraints ?? {};
  // Progress: the starts as they are built (the dual start is most of a plan's time), then the ascent's iterations.
  const dualStart = H > 1, pooledStart = !perPeriod && H > 1 && model.channels.some((ch) => ch.saturation.type === 'hill' && ch.saturation.shape > 1);
  const nStarts = 2 + (dualStart ? 1 : 0) + (pooledStart ? 1 : 0);
  const report = options.onProgress;
  const built = (done: number): void => report?.({ phase: 'plan starts', done, total: nStarts });
  built(0);
  const lo = new Float64Array(H * nC), hi = new Float64Array(H * nC), x = new Float64Array(H * nC);
  for (let h = 0; h < H; h++) {
    const b = perPeriod ? perPeriod[h] : total / H;
    const lim = normaliseBounds(model, constraints, b);
    if ('feasible' in lim) return lim;
    if (perPeriod) { const bad = budgetInfeasible(model, constraints, lim, b, 'exact'); if (bad) return bad.reason === 'CONFLICTING_BOUNDS' ? bad : { ...bad, message: `Period ${h + 1}: ${bad.message}` }; }
    for (let c = 0; c < nC; c++) { lo[h * nC + c] = lim.lo[c]; hi[h * nC + c] = Math.min(lim.hi[c], perPeriod ? b : total); }
    // checkBudget allows BUDGET_TOLERANCE of slack; the projection needs Σlo ≤ budget ≤ Σhi exactly.
    if (perPeriod) perPeriod[h] = clampToRow(b, lo, hi, h * nC, nC);
    const start = allocateBudget(model, { budget: b, constraints, mode: 'up-to' });
    if (start.feasible) start.channels.forEach((ch, c) => { x[h * nC + c] = ch.recommended; });
  }
  if (!perPeriod) {
    const bad = checkBudget({ lo, hi, locked: new Uint8Array(H * nC) }, total, 'exact');
    if (bad) {
      // Share bounds that no budget meets are the thing to fix, not this total.
      const range = budgetRange(model, constraints, 'exact');
      return 'feasible' in range ? range : bad;
    }
    total = clampToRow(total, lo, hi, 0, H * nC);
  } else total = sum(perPeriod);
  // Diagonal metric D = scale² / coef per channel (the inverse of the curvature scale of coef·f(a/scale)),
  // so one spectral step suits channels whose spend differs by orders of magnitude.
  const coefMax = Math.max(...model.channels.map((ch) => ch.coef));
  const metric = Float64Array.from({ length: H * nC }, (_, i) => {
    const ch = model.channels[i % nC];
    return (ch.scale * ch.scale) / Math.max(ch.coef, 1e-9 * coefMax, 1e-300);
  });
  const project = (y: Float64Array, out: Float64Array): void => {
    if (perPeriod) for (let h = 0; h < H; h++) projectCappedSimplex(y, lo, hi, perPeriod[h], out, h * nC, nC, metric);
    else projectCappedSimplex(y, lo, hi, total, out, 0, H * nC, metric);
  };
  const objective = planEvaluator(model.channels, H, (options.objective ?? 'total') === 'total');
  project(x, x);
  built(1);
  // Current spend sustained (moved onto the feasible set when the budget or bounds exclude it): the
  // ascent never lowers the objective, so the plan is never worse than either of these starts.
  const now = new Float64Array(H * nC);
  for (let i = 0; i < H * nC; i++) now[i] = model.channels[i % nC].current;
  project(now, now);
  const starts: Float64Array[] = [x, now];
  built(2);
  if (dualStart) {
    // The dual-decomposition plan (one price for a total budget, one per period otherwise): optimal
    // for concave curves up to the polish, a good local start with S-curves.
    const withCarryOut = (options.objective ?? 'total') === 'total';
    const dual = perPeriod ? planDualStartPerPeriod(model.channels, H, lo, hi, perPeriod, withCarryOut) : planDualStart(model.channels, H, lo, hi, total, withCarryOut);
    project(dual, dual);
    starts.push(dual);
    built(starts.length);
  }
  if (pooledStart) {
    // Timing is free: also start from the global optimum of the same problem without carryover
    // (every period × channel a separate steady-state curve), which pulses S-curves when that pays.
    const one = compileCurves(model);
    const pooled = solveAllocation(Array.from({ length: H * nC }, (_, i) => one[i % nC]), lo, hi, total);
    starts.push(pooled.x);
    built(starts.length);
  }
  // A short ascent from every start, then the best one continues to convergence.
  const maxIt = options.maxIterations ?? 500;
  const probe = Math.min(PROBE, maxIt), planned = nStarts * probe + Math.max(0, maxIt - PROBE);
  let best: AscentResult | null = null;
  let done = 0;
  // Each ascent's iterations count from where the previous one's allowance ended (one that converges early skips ahead).
  const tick = (from: number) => (report ? (it: number) => report({ phase: 'plan', done: from + it, total: planned }) : undefined);
  report?.({ phase: 'plan', done: 0, total: planned });
  for (const x0 of starts) {
    const r = ascend(x0, objective, project, metric, total, probe, undefined, tick(done));
    done += probe;
    if (!best || r.f > best.f) best = r;
  }
  let result = best!;
  if (starts.length > 1 && !result.converged && maxIt > PROBE) {
    const more = ascend(result.x, objective, project, metric, total, maxIt - PROBE, result.alpha, tick(done));
    result = { ...more, iterations: result.iterations + more.iterations };
  }
  report?.({ phase: 'plan', done: planned, total: planned });
  return buildPlan(model, result.x, H, result.iterations, result.converged);
}

/** Iterations of the short ascent from each start before the best start continues. */
const PROBE = 40;

interface AscentResult { x: Float64Array; f: number; iterations: number; converged: boolean; alpha: number }

/** Relative first-order gain below which the ascent stops: the full step promises < 1e-11 of the objective. */
const TOL = 1e-10;
/** Memory of the non-monotone line search (Grippo, Lampariello & Lucidi 1986; M = 10 as in Birgin et al. 2000). */
const MEMORY = 10;

/** budget moved into [Σlo, Σhi] over the slice [offset, offset + length). */
function clampToRow(budget: number, lo: Float64Array, hi: Float64Array, offset: number, length: number): number {
  let sLo = 0, sHi = 0;
  for (let i = offset; i < offset + length; i++) { sLo += lo[i]; sHi += hi[i]; }
  return Math.min(Math.max(budget, sLo), sHi);
}

/**
 * Non-monotone spectral projected gradient ascent from x0 (SPG2 of Birgin, Martínez & Raydan 2000):
 * d = P(x + αg) − x with α the Barzilai–Borwein step, backtracking until f(x + td) ≥ max of the last
 * MEMORY values + 1e-4·t·gᵀd, in the metric D (steps αD·g, projection and BB quotient in the D⁻¹ norm).
 * Returns the best point seen (never worse than the projected start).
 */
function ascend(x0: Float64Array, objective: (v: Float64Array, grad?: Float64Array) => number, project: (y: Float64Array, out: Float64Array) => void, metric: Float64Array, total: number, maxIt: number, alpha0?: number, tick?: (iterations: number) => void): AscentResult {
  const x = Float64Array.from(x0);
  const n = x.length;
  const g = new Float64Array(n), gNew = new Float64Array(n), trial = new Float64Array(n), d = new Float64Array(n);
  let f = objective(x, g);
  const best = { x: Float64Array.from(x), f, iterations: 0, converged: false, alpha: alpha0 ?? 1 };
  if (!Number.isFinite(f) || !allFinite(g)) return best;
  // First step: move the largest coordinate by about 1/10 of the mean spend per coordinate; Barzilai–Borwein steps follow.
  let gMax = 0;
  for (let i = 0; i < n; i++) gMax = Math.max(gMax, Math.abs(metric[i] * g[i]));
  let alpha = alpha0 ?? (gMax > 0 && total > 0 ? (0.1 * total) / (n * gMax) : 1);
  const recent = new Float64Array(MEMORY).fill(f);
  let iterations = 0;
  for (; iterations < maxIt; iterations++) {
    for (let i = 0; i < n; i++) trial[i] = x[i] + alpha * metric[i] * g[i];
    project(trial, trial);
    let dg = 0, dn = 0;
    for (let i = 0; i < n; i++) { d[i] = trial[i] - x[i]; dg += d[i] * g[i]; dn = Math.max(dn, Math.abs(d[i])); }
    if (dn <= 1e-12 * Math.max(total, 1e-300) || dg <= TOL * Math.abs(f)) { best.converged = f >= best.f; break; }
    let ref = -Infinity;
    for (let k = 0; k < MEMORY; k++) ref = Math.max(ref, recent[k]);
    let t = 1, fNew = -Infinity;
    for (let k = 0; k < 50; k++) {
      for (let i = 0; i < n; i++) trial[i] = x[i] + t * d[i];
      fNew = objective(trial, gNew);
      if (fNew >= ref + 1e-4 * t * dg) break;
      t /= 2;
    }
    if (!(fNew >= ref + 1e-4 * t * dg) || !allFinite(gNew)) { best.converged = Number.isFinite(fNew) && allFinite(gNew) && f >= best.f; break; }
    let ss = 0, sy = 0;
    for (let i = 0; i < n; i++) { const s = trial[i] - x[i], y = gNew[i] - g[i]; ss += (s * s) / metric[i]; sy += s * y; }
    alpha = sy < 0 ? Math.min(1e12 * alpha, ss / -sy) : alpha * 4;
    x.set(trial); g.set(gNew); f = fNew;
    recent[(iterations + 1) % MEMORY] = f;
    if (f > best.f) { best.x.set(x); best.f = f; }
    tick?.(iterations + 1);
  }
  best.iterations = iterations;
  best.alpha = alpha;
  return best;
}

function allFinite(v: Float64Array): boolean {
  for (let i = 0; i < v.length; i++) if (!Number.isFinite(v[i])) return false;
  return true;
}

function buildPlan(model: PlanModel, x: Float64Array, H: number, iterations: number, converged: boolean): PlanOutcome {
  const nC = model.channels.length;
  const rec = planValue(model.channels, x, H);
  const cur = new Float64Array(H * nC);
  for (let h = 0; h < H; h++) for (let c = 0; c < nC; c++) cur[h * nC + c] = model.channels[c].current;
  const now = planValue(model.channels, cur, H);
  const channels: PlanChannelResult[] = model.channels.map((ch, c) => {
    const spend = Array.from({ length: H }, (_, h) => x[h * nC + c]);
    const levels = { low: rec.low[c], high: rec.high[c] };
    const beyondData = beyondObservedRange(levels.high, ch.observed) === 'above' ? 'above' : beyondObservedRange(levels.low, ch.observed) === 'below' ? 'below' : null;
    return { channel: ch.name, spend, total: sum(spend), window: rec.window[c], carryOut: rec.carryOut[c], levels, beyondData, dataRange: ch.observed ?? null };
  });
  const budgetPerPeriod = Array.from({ length: H }, (_, h) => sum(x.subarray(h * nC, (h + 1) * nC)));
  // Holidays from --holidays fall on given future periods, not at the reference periods' mean rate.
  const holidays = model.holidays === undefined ? undefined : planHolidayPeriods(model.holidays, H);
  const base = model.baseline * H + (holidays?.kpi ?? 0);
  const recommended = { window: base + sum(rec.window), carryOut: sum(rec.carryOut) };
  const current = { window: base + sum(now.window), carryOut: sum(now.carryOut) };
  const lift = { window: recommended.window - current.window, carryOut: recommended.carryOut - current.carryOut, total: 0 };
  lift.total = lift.window + lift.carryOut;
  return { feasible: true, periods: H, budgetPerPeriod, channels, kpi: { recommended, current, lift }, iterations, converged, ...(holidays === undefined ? {} : { holidays }) };
}
