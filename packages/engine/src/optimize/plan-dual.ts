import { getSaturationKernel } from '../transforms/saturation/registry.ts';
import { cholesky } from '../linalg/cholesky.ts';
import { choleskySolve } from '../linalg/cholesky-solve.ts';
import { saturationSecond } from './curve.ts';
import { fixedLevels, U_MIN } from './plan-evaluator.ts';
import type { PlanChannel } from './plan-types.ts';
import { geoCarryIn, geoSaturation } from './geo-carry-in.ts';

/** One channel's plan KPI as a function of its own H spends: value, gradient and (when given a buffer) Hessian. */
interface ChannelPlanObjective {
  (x: Float64Array, grad: Float64Array, hess: Float64Array | null): number;
}

/**
 * Channel c's KPI over the plan (window, plus carry-out when asked) as a function of its spend x[0..H):
 * F(x) = Σ_t coef·f(a_t/scale), a_t = fixed_t + Σ_s w[t − s]·x_s (fixed: spend before and after the plan), so
 * ∂F/∂x_s = Σ_t coef·f'(u_t)·w[t − s]/scale and ∂²F/∂x_s∂x_r = Σ_t coef·f''(u_t)·w[t − s]·w[t − r]/scale²
 * (adstock is linear in spend). f' and f'' are evaluated at u ≥ U_MIN, as in planEvaluator. A geo-level
 * channel sums its geos' curves while their carry-in differs (geoCarryIn).
 */
function channelPlanObjective(ch: PlanChannel, H: number, includeCarryOut: boolean): ChannelPlanObjective {
  const w = Float64Array.from(ch.weights), L = w.length - 1, T = includeCarryOut ? H + L : H;
  const inv = 1 / ch.scale, coef = ch.coef;
  const kernel = getSaturationKernel(ch.saturation.type), spec = ch.saturation;
  const fixed = fixedLevels(w, ch.history, H, T, ch.after);
  const d1 = new Float64Array(T), d2 = new Float64Array(T);
  const geo = geoCarryIn(ch);
  return (x, grad, hess) => {
    let v = 0;
    for (let t = 0; t < T; t++) {
      let a = fixed[t];
      for (let s = Math.max(0, t - L); s <= Math.min(t, H - 1); s++) a += w[t - s] * x[s];
      if (geo !== null && t < L) {
        // A geo-level channel's geos differ in carry-in here: sum their curves (geoCarryIn).
        const gs = geoSaturation(geo, t, a, inv, kernel, spec, U_MIN, hess !== null);
        v += coef * gs.value;
        d1[t] = coef * gs.d1 * inv;
        if (hess) d2[t] = coef * gs.d2 * inv * inv;
        continue;
      }
      const u = a * inv, uu = u > U_MIN ? u : U_MIN;
      v += coef * kernel.value(u, spec);
      d1[t] = coef * kernel.derivative(uu, spec) * inv;
      if (hess) d2[t] = coef * saturationSecond(uu, spec) * inv * inv;
    }
    for (let s = 0; s < H; s++) {
      let g = 0;
      for (let t = s; t <= Math.min(T - 1, s + L); t++) g += d1[t] * w[t - s];
      grad[s] = g;
      if (hess) for (let r = 0; r <= s; r++) {
        let h = 0;
        for (let t = s; t <= Math.min(T - 1, r + L); t++) h += d2[t] * w[t - s] * w[t - r];
        hess[s * H + r] = hess[r * H + s] = h;
      }
    }
    return v;
  };
}

/**
 * Solve (A + τI)d = b with the smallest τ ∈ {0, 1e-8, 1e-6, …}·scale that makes A + τI positive
 * definite (A = −Hessian is positive semi-definite for concave curves; with S-curves it can be
 * indefinite, and the shift turns the Newton step into a damped ascent step).
 */
function solveShifted(a: Float64Array, m: number, b: Float64Array, scale: number): Float64Array {
  for (let tau = 0; ; tau = tau === 0 ? 1e-8 * Math.max(scale, 1e-300) : tau * 100) {
    const shifted = Float64Array.from(a);
    for (let i = 0; i < m; i++) shifted[i * m + i] += tau;
    try {
      return choleskySolve(cholesky(shifted, m), m, b);
    } catch (e) {
      if (tau > 1e12 * Math.max(scale, 1e-300)) throw e;
    }
  }
}

/**
 * Maximise F(x) − λ·Σx over lo ≤ x ≤ hi for a concave F, from x (updated in place): projected Newton
 * (Bertsekas 1982, "Projected Newton methods for optimization problems with simple constraints"):
 * variables at a bound whose gradient pushes outward stay fixed, the others take a Newton step on their
 * Hessian block, and the step is clipped to the box with an Armijo backtrack. For a non-concave F
 * (S-curves) the Hessian is shifted until definite, which finds a local maximum. On return ws.g and
 * ws.h hold F's gradient and Hessian at x.
 */
function maximiseChannel(f: ChannelPlanObjective, x: Float64Array, lo: Float64Array, hi: Float64Array, price: Float64Array, H: number, ws: Workspace): number {
  const { g, h, xt, gt } = ws;
  const value = (v: Float64Array, gg: Float64Array, hh: Float64Array | null): number => {
    let s = 0;
    for (let i = 0; i < H; i++) s += price[i] * v[i];
    return f(v, gg, hh) - s;
  };
  let fx = value(x, g, h);
  for (let it = 0; it < 60; it++) {
    const free = freeSet(x, g, lo, hi, price, H);
    let gMax = 0;
    for (const i of free) gMax = Math.max(gMax, Math.abs(g[i] - price[i]) * Math.max(hi[i] - lo[i], 1e-300));
    if (free.length === 0 || gMax <= 1e-13 * Math.max(Math.abs(fx), 1e-300)) return fx;
    const m = free.length, a = new Float64Array(m * m), b = new Float64Array(m);
    let diag = 0;
    for (let i = 0; i < m; i++) diag = Math.max(diag, Math.abs(h[free[i] * H + free[i]]));
    const damp = 1e-10 * Math.max(diag, 1e-300);
    for (let i = 0; i < m; i++) {
      b[i] = g[free[i]] - price[free[i]];
      for (let j = 0; j < m; j++) a[i * m + j] = -h[free[i] * H + free[j]] + (i === j ? damp : 0);
    }
    const d = solveShifted(a, m, b, diag);
    let t = 1, accepted = false;
    for (let k = 0; k < 40; k++) {
      xt.set(x);
      let gain = 0;
      for (let i = 0; i < m; i++) {
        const j = free[i];
        xt[j] = Math.min(hi[j], Math.max(lo[j], x[j] + t * d[i]));
        gain += (g[j] - price[j]) * (xt[j] - x[j]);
      }
      const ft = value(xt, gt, null);
      if (ft >= fx + 1e-4 * gain && ft >= fx) { accepted = ft > fx; fx = value(xt, g, h); x.set(xt); break; }
      t /= 2;
    }
    if (!accepted) return fx;
  }
  return fx;
}

interface Workspace { g: Float64Array; h: Float64Array; xt: Float64Array; gt: Float64Array }

/** Variables not held at a bound by a gradient that pushes outward (the ones a Newton step may move). */
function freeSet(x: Float64Array, g: Float64Array, lo: Float64Array, hi: Float64Array, price: Float64Array, H: number): number[] {
  const free: number[] = [];
  for (let i = 0; i < H; i++) {
    const gi = g[i] - price[i], span = hi[i] - lo[i];
    if ((x[i] <= lo[i] + 1e-12 * span && gi <= 0) || (x[i] >= hi[i] - 1e-12 * span && gi >= 0)) continue;
    free.push(i);
  }
  return free;
}

/**
 * A plan for a total budget when every curve is concave: dual decomposition on the budget. The plan
 * KPI is a sum of per-channel terms coupled only by Σx = total, so for a price λ each channel solves
 * max F_c(x_c) − λ·Σ_h x_c,h over its bounds (maximiseChannel, warm-started), and λ is found by
 * regula falsi until the spend matches the budget (Everett 1963, "Generalized Lagrange multiplier method"). The channels'
 * spend is then scaled inside the bounds to hit the budget exactly. Used as a start for planPeriods'
 * projected-gradient polish, which keeps feasibility exact.
 * @param channels plan channels (concave curves); H periods; lo, hi [H × nChannels] period-major
 * @param total the budget over the plan, Σlo ≤ total ≤ Σhi
 * @returns spend [H × nChannels] period-major, Σ = total
 */
export function planDualStart(channels: readonly PlanChannel[], H: number, lo: Float64Array, hi: Float64Array, total: number, includeCarryOut: boolean): Float64Array {
  const nC = channels.length;
  const fs = channels.map((ch) => channelPlanObjective(ch, H, includeCarryOut));
  const los = splitChannels(nC, H, lo), his = splitChannels(nC, H, hi);
  const xs = los.map((l) => Float64Array.from(l));
  totalBudgetPrice(fs, los, his, xs, H, total);
  const x = joinChannels(xs, H);
  matchSpend(x, lo, hi, total, 0, x.length);
  return x;
}

/** The period-major [H × nChannels] layout from per-channel spend vectors (inverse of splitChannels). */
function joinChannels(xs: readonly Float64Array[], H: number): Float64Array {
  const nC = xs.length, x = new Float64Array(H * nC);
  for (let c = 0; c < nC; c++) for (let h = 0; h < H; h++) x[h * nC + c] = xs[c][h];
  return x;
}

/**
 * Make x[from..to) sum to `target` exactly: move the shortfall (or excess) in proportion to each
 * variable's room towards its upper (or lower) bound, so the bounds hold.
 */
function matchSpend(x: Float64Array, lo: Float64Array, hi: Float64Array, target: number, from: number, to: number): void {
  let s = 0;
  for (let i = from; i < to; i++) s += x[i];
  const gap = target - s;
  let room = 0;
  for (let i = from; i < to; i++) room += gap > 0 ? hi[i] - x[i] : x[i] - lo[i];
  if (room > 0) for (let i = from; i < to; i++) x[i] += (gap * (gap > 0 ? hi[i] - x[i] : x[i] - lo[i])) / room;
}

const workspace = (H: number): Workspace => ({ g: new Float64Array(H), h: new Float64Array(H * H), xt: new Float64Array(H), gt: new Float64Array(H) });

/** Per channel: its own spend vector and bounds out of the period-major [H × nChannels] layout. */
function splitChannels(nC: number, H: number, v: Float64Array): Float64Array[] {
  return Array.from({ length: nC }, (_, c) => Float64Array.from({ length: H }, (_, h) => v[h * nC + c]));
}

/**
 * A plan for a budget per period B_h: dual decomposition with one price per period. For prices μ each
 * channel solves max F_c(x_c) − μᵀx_c over its bounds (maximiseChannel); the dual function
 * D(μ) = Σ_c max_x [F_c(x) − μᵀx] + μᵀB is convex with gradient B − S(μ) (S_h the spend in period h)
 * and Hessian Σ_c (−∇²F_c)⁻¹ on each channel's free variables (the envelope theorem), so μ is found
 * by Newton steps on D with backtracking (Boyd & Vandenberghe 2004, §5.5.5 and §9.5). The spend of
 * each period is then moved inside its bounds to match B_h exactly; planPeriods' projected gradient
 * polishes the result.
 * @param channels plan channels; H periods; lo, hi [H × nChannels] period-major; budgets [H]
 * @returns spend [H × nChannels] period-major with Σ_c x[h, c] = B_h where the bounds allow
 */
export function planDualStartPerPeriod(channels: readonly PlanChannel[], H: number, lo: Float64Array, hi: Float64Array, budgets: Float64Array, includeCarryOut: boolean): Float64Array {
  const nC = channels.length;
  const fs = channels.map((ch) => channelPlanObjective(ch, H, includeCarryOut));
  const los = splitChannels(nC, H, lo), his = splitChannels(nC, H, hi);
  const xs = los.map((l) => Float64Array.from(l));
  const ws = workspace(H);
  const spend = new Float64Array(H), jac = new Float64Array(H * H);
  // D(μ) and, with `withHessian`, its gradient (B − S) in `spend` and Hessian in `jac`.
  const dual = (mu: Float64Array, withHessian: boolean): number => {
    let d = 0;
    spend.fill(0);
    if (withHessian) jac.fill(0);
    for (let c = 0; c < nC; c++) {
      d += maximiseChannel(fs[c], xs[c], los[c], his[c], mu, H, ws);
      for (let h = 0; h < H; h++) spend[h] += xs[c][h];
      if (!withHessian) continue;
      const free = freeSet(xs[c], ws.g, los[c], his[c], mu, H), m = free.length;
      if (m === 0) continue;
      const a = new Float64Array(m * m);
      let diag = 0;
      for (let i = 0; i < m; i++) for (let j = 0; j < m; j++) { a[i * m + j] = -ws.h[free[i] * H + free[j]]; if (i === j) diag = Math.max(diag, Math.abs(a[i * m + j])); }
      for (let j = 0; j < m; j++) {
        const e = new Float64Array(m);
        e[j] = 1;
        const col = solveShifted(a, m, e, diag);
        for (let i = 0; i < m; i++) jac[free[i] * H + free[j]] += col[i];
      }
    }
    for (let h = 0; h < H; h++) { d += mu[h] * budgets[h]; spend[h] = budgets[h] - spend[h]; }
    return d;
  };
  // Start every period's price at the price that spends the whole budget with free timing.
  const mu = new Float64Array(H).fill(totalBudgetPrice(fs, los, his, xs, H, budgets.reduce((a, b) => a + b, 0)));
  const trial = new Float64Array(H), grad = new Float64Array(H);
  // μ_h such that period h spends B_h with the other prices fixed (S_h falls as μ_h rises): Illinois.
  const matchPeriod = (h: number): void => {
    const gap = (v: number): number => { mu[h] = v; dual(mu, false); return -spend[h]; }; // S_h − B_h
    let a = 0, b = Math.max(mu[h], 1e-300);
    let fa = gap(a), fb = gap(b);
    for (let k = 0; k < 60 && fb > 0; k++) { a = b; fa = fb; b *= 2; fb = gap(b); }
    if (!(fa > 0 && fb < 0)) { mu[h] = fb <= 0 && fa <= 0 ? a : b; return; }
    mu[h] = illinoisRoot(gap, a, fa, b, fb, 1e-9 * budgets[h]);
  };
  let coordinatePasses = 0;
  let d = dual(mu, true);
  for (let it = 0; it < 50; it++) {
    grad.set(spend);
    let worst = 0;
    for (let h = 0; h < H; h++) worst = Math.max(worst, Math.abs(grad[h]) / Math.max(budgets[h], 1e-300));
    if (worst <= 1e-10) break;
    let diag = 0;
    for (let h = 0; h < H; h++) diag = Math.max(diag, jac[h * H + h]);
    // A period where every channel sits at a bound has a zero row; the small shift keeps the step finite
    // and the backtracking keeps it safe.
    for (let h = 0; h < H; h++) jac[h * H + h] += 1e-9 * Math.max(diag, 1e-300);
    const step = solveShifted(jac, H, grad.map((v) => -v), Math.max(diag, 1e-300));
    let slope = 0;
    for (let h = 0; h < H; h++) slope += grad[h] * step[h];
    let t = 1, moved = false;
    for (let k = 0; k < 30; k++) {
      for (let h = 0; h < H; h++) trial[h] = mu[h] + t * step[h];
      const dt = dual(trial, false);
      if (dt <= d + 1e-4 * t * slope) { mu.set(trial); moved = true; break; }
      t /= 2;
    }
    // D is only piecewise smooth (a variable reaching a bound is a kink): where Newton stalls, one
    // Gauss–Seidel pass matches each period's budget on its own price, then Newton resumes.
    if (!moved) {
      // Small residuals are left to the projected-gradient polish: the passes are costly (H root finds).
      if (worst <= 1e-6 || coordinatePasses++ >= 2) break;
      for (let h = 0; h < H; h++) matchPeriod(h);
    }
    d = dual(mu, true);
  }
  const x = joinChannels(xs, H);
  for (let h = 0; h < H; h++) matchSpend(x, lo, hi, budgets[h], h * nC, (h + 1) * nC);
  return x;
}

/**
 * The one price λ at which the channels' best responses (maximiseChannel, warm-started in `xs`) spend
 * `total`: regula falsi with the Illinois modification (Dowell & Jarratt 1971) on S(λ) − total, S
 * non-increasing, between λ = 0 (spend up to the upper bounds) and λ above every marginal return at
 * the lower bounds (spend the lower bounds). On return `xs` holds the responses at the returned price.
 * To 1e-10 relative in spend: the projected-gradient polish that follows removes what is left.
 */
function totalBudgetPrice(fs: readonly ChannelPlanObjective[], los: readonly Float64Array[], his: readonly Float64Array[], xs: Float64Array[], H: number, total: number): number {
  const nC = fs.length, ws = workspace(H), price = new Float64Array(H);
  const spendAt = (lambda: number): number => {
    price.fill(lambda);
    let s = 0;
    for (let c = 0; c < nC; c++) { maximiseChannel(fs[c], xs[c], los[c], his[c], price, H, ws); for (const v of xs[c]) s += v; }
    return s;
  };
  let top = 0;
  for (let c = 0; c < nC; c++) { fs[c](los[c], ws.g, null); for (const v of ws.g) top = Math.max(top, v); }
  const a = 0, b = top * 1.01 + 1e-300;
  const excess = (lambda: number): number => spendAt(lambda) - total;
  const fa = excess(a), fb = excess(b);
  return fa > 0 && fb < 0 ? illinoisRoot(excess, a, fa, b, fb, 1e-10 * total) : b;
}

/**
 * Root of a decreasing f on [a, b] with f(a) > 0 > f(b): regula falsi with the Illinois modification
 * (Dowell & Jarratt 1971), at most 60 steps, until |f| ≤ tol or the bracket is 1e-12 wide (relative).
 * @returns the last point evaluated (callers rely on f's side effects at that point)
 */
function illinoisRoot(f: (v: number) => number, a: number, fa: number, b: number, fb: number, tol: number): number {
  let side = 0, c = b;
  for (let k = 0; k < 60; k++) {
    c = (a * fb - b * fa) / (fb - fa);
    const fc = f(c);
    if (Math.abs(fc) <= tol || b - a <= 1e-12 * b) break;
    if (fc > 0) { a = c; fa = fc; if (side === -1) fb /= 2; side = -1; } else { b = c; fb = fc; if (side === 1) fa /= 2; side = 1; }
  }
  return c;
}
