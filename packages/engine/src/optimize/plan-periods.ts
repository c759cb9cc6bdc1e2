import { EngineError } from '../errors.ts';
import { allocateBudget, compileCurves } from './allocate-budget.ts';
import { solveAllocation } from './solve-allocation.ts';
import { checkBudget, normaliseBounds } from './normalise-bounds.ts';
import { planValue } from './plan-objective.ts';
import { projectCappedSimplex } from './project-capped-simplex.ts';
import type { PlanModel, PlanOptions, PlanOutcome, PlanChannelResult } from './plan-types.ts';

const sum = (v: ArrayLike<number>): number => { let s = 0; for (let i = 0; i < v.length; i++) s += v[i]; return s; };

/**
 * Plan spend over the next H periods: maximise the media KPI inside the window plus (objective
 * 'total', default) the carry-out after it, with the full adstock over the spend history (carry-in
 * from before the plan), subject to a total budget over the H periods (timing free, so flighting
 * is allowed) or a budget per period, and per-period bounds per channel.
 * Method: spectral projected gradient (Birgin, Martínez & Raydan 2000: Barzilai–Borwein steps,
 * Euclidean projection onto the capped simplex, Armijo backtracking along the projected direction)
 * with the analytic gradient through the adstock (see `planValue`), started from the steady-state
 * optimum (`allocateBudget` at each period's budget) repeated over the periods and, for a total
 * budget and S-shaped curves, also from the global optimum of the carryover-free problem (`solveAllocation` over
 * H × nChannels curves, which pulses S-curves when that pays); the better end point is kept.
 * Exact up to the stopping tolerance for concave curves; for S-curves a local improvement of the
 * better of those two global starting points.
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
  const total = perPeriod ? sum(perPeriod) : (options.budget as { total: number }).total;
  const constraints = options.constraints ?? {};
  const lo = new Float64Array(H * nC), hi = new Float64Array(H * nC), x = new Float64Array(H * nC);
  for (let h = 0; h < H; h++) {
    const b = perPeriod ? perPeriod[h] : total / H;
    const lim = normaliseBounds(model, constraints, b);
    if ('feasible' in lim) return lim;
    if (perPeriod) { const bad = checkBudget(lim, b, 'exact'); if (bad) return { ...bad, message: `Period ${h + 1}: ${bad.message}` }; }
    for (let c = 0; c < nC; c++) { lo[h * nC + c] = lim.lo[c]; hi[h * nC + c] = Math.min(lim.hi[c], perPeriod ? b : total); }
    const start = allocateBudget(model, { budget: b, constraints, mode: 'up-to' });
    if (start.feasible) start.channels.forEach((ch, c) => { x[h * nC + c] = ch.recommended; });
  }
  if (!perPeriod) {
    const bad = checkBudget({ lo, hi, locked: new Uint8Array(H * nC) }, total, 'exact');
    if (bad) return bad;
  }
  const project = (y: Float64Array, out: Float64Array): void => {
    if (perPeriod) for (let h = 0; h < H; h++) projectCappedSimplex(y, lo, hi, perPeriod[h], out, h * nC, nC);
    else projectCappedSimplex(y, lo, hi, total, out, 0, H * nC);
  };
  const withCarry = (options.objective ?? 'total') === 'total';
  const objective = (v: Float64Array, grad?: Float64Array): number => {
    const r = planValue(model.channels, v, H, grad, withCarry);
    return sum(r.window) + (withCarry ? sum(r.carryOut) : 0);
  };
  project(x, x);
  const starts: Float64Array[] = [x];
  if (!perPeriod && H > 1 && model.channels.some((ch) => ch.saturation.type === 'hill' && ch.saturation.shape > 1)) {
    // Timing is free: also start from the global optimum of the same problem without carryover
    // (every period × channel a separate steady-state curve), which pulses S-curves when that pays.
    const one = compileCurves(model);
    const pooled = solveAllocation(Array.from({ length: H * nC }, (_, i) => one[i % nC]), lo, hi, total);
    starts.push(pooled.x);
  }
  let best: { x: Float64Array; f: number; iterations: number; converged: boolean } | null = null;
  for (const x0 of starts) {
    const r = ascend(x0, objective, project, total, options.maxIterations ?? 300);
    if (!best || r.f > best.f) best = r;
  }
  return buildPlan(model, best!.x, H, best!.iterations, best!.converged);
}

/** Spectral projected gradient ascent from x0 (see planPeriods). */
function ascend(x0: Float64Array, objective: (v: Float64Array, grad?: Float64Array) => number, project: (y: Float64Array, out: Float64Array) => void, total: number, maxIt: number): { x: Float64Array; f: number; iterations: number; converged: boolean } {
  const x = Float64Array.from(x0);
  const n = x.length;
  const g = new Float64Array(n), gNew = new Float64Array(n), trial = new Float64Array(n), d = new Float64Array(n);
  let f = objective(x, g);
  let alpha = total > 0 ? total / Math.max(1e-300, Math.abs(f)) : 1;
  let iterations = 0, converged = false;
  for (; iterations < maxIt; iterations++) {
    for (let i = 0; i < n; i++) trial[i] = x[i] + alpha * g[i];
    project(trial, trial);
    let dg = 0, dn = 0;
    for (let i = 0; i < n; i++) { d[i] = trial[i] - x[i]; dg += d[i] * g[i]; dn = Math.max(dn, Math.abs(d[i])); }
    if (dn <= 1e-11 * Math.max(total, 1e-300) || dg <= 1e-15 * Math.abs(f)) { converged = true; break; }
    let t = 1, fNew = -Infinity;
    for (let k = 0; k < 40; k++) {
      for (let i = 0; i < n; i++) trial[i] = x[i] + t * d[i];
      fNew = objective(trial, gNew);
      if (fNew >= f + 1e-4 * t * dg) break;
      t /= 2;
    }
    if (!(fNew > f)) { converged = true; break; }
    let ss = 0, sy = 0;
    for (let i = 0; i < n; i++) { const s = trial[i] - x[i], y = gNew[i] - g[i]; ss += s * s; sy += s * y; }
    alpha = sy < 0 ? Math.min(1e12 * alpha, ss / -sy) : alpha * 4;
    const rel = (fNew - f) / Math.max(1e-300, Math.abs(fNew));
    x.set(trial); g.set(gNew); f = fNew;
    if (rel < 1e-14) { converged = true; break; }
  }
  return { x, f, iterations, converged };
}

function buildPlan(model: PlanModel, x: Float64Array, H: number, iterations: number, converged: boolean): PlanOutcome {
  const nC = model.channels.length;
  const rec = planValue(model.channels, x, H);
  const cur = new Float64Array(H * nC);
  for (let h = 0; h < H; h++) for (let c = 0; c < nC; c++) cur[h * nC + c] = model.channels[c].current;
  const now = planValue(model.channels, cur, H);
  const channels: PlanChannelResult[] = model.channels.map((ch, c) => {
    const spend = Array.from({ length: H }, (_, h) => x[h * nC + c]);
    return { channel: ch.name, spend, total: sum(spend), window: rec.window[c], carryOut: rec.carryOut[c] };
  });
  const budgetPerPeriod = Array.from({ length: H }, (_, h) => sum(x.subarray(h * nC, (h + 1) * nC)));
  const base = model.baseline * H;
  const recommended = { window: base + sum(rec.window), carryOut: sum(rec.carryOut) };
  const current = { window: base + sum(now.window), carryOut: sum(now.carryOut) };
  const lift = { window: recommended.window - current.window, carryOut: recommended.carryOut - current.carryOut, total: 0 };
  lift.total = lift.window + lift.carryOut;
  return { feasible: true, periods: H, budgetPerPeriod, channels, kpi: { recommended, current, lift }, iterations, converged };
}
