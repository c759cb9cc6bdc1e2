import type { Curve } from './curve.ts';

/**
 * The spend x in [from, hi] where r'(x) = λ, for r' decreasing on [from, hi] (the concave part),
 * by Newton's method on r' − λ safeguarded by bisection (the bracket always holds the root).
 * Returns `from` when r'(from) ≤ λ and `hi` when r'(hi) ≥ λ. Newton starts at `guess` when it lies
 * inside (from, hi) — solveKkt passes the root at the previous multiplier, which cut the time of an
 * S-curve budget frontier by a fifth — and at `from` otherwise.
 * @example marginalRoot(mmCurve, 0.25, 0, 10) // the x with r'(x) = 0.25
 */
export function marginalRoot(curve: Curve, lambda: number, from: number, hi: number, guess?: number): number {
  if (!(hi > from)) return hi;
  if (curve.d1(hi) >= lambda) return hi;
  if (curve.d1(from) <= lambda) return from;
  let a = from, b = hi;
  // A guess inside the range (e.g. the root for a nearby λ) saves most Newton steps; the bracket keeps it safe.
  let x = guess !== undefined && guess > from && guess < hi ? guess : from;
  for (let it = 0; it < 200; it++) {
    const g = curve.d1(x) - lambda;
    if (g > 0) a = x; else if (g < 0) b = x; else return x;
    if (b - a <= 1e-15 * Math.max(1e-300, b)) break;
    const h = curve.d2(x);
    let next = h < 0 ? x - g / h : NaN;
    if (!(next > a && next < b) || it > 60) next = 0.5 * (a + b);
    if (Math.abs(next - x) <= 1e-16 * Math.max(1e-300, x)) break;
    x = next;
  }
  return x;
}

/**
 * Per-channel description of the concave problem solved by `solveKkt`: spend lies in [lo, hi];
 * for a multiplier λ ≥ slope the channel stays at lo, below it its spend solves r'(x) = λ on
 * [from, hi]. A plain concave curve has from = lo, slope = r'(lo); a concave envelope with a
 * linear piece from lo to the tangent point t has from = t, slope = r'(t).
 */
export interface KktChannels {
  readonly curves: readonly Curve[];
  readonly lo: Float64Array;
  readonly hi: Float64Array;
  readonly from: Float64Array;
  readonly slope: Float64Array;
}

/** The optimum of a concave separable problem: spend per channel and the budget's multiplier. */
export interface KktSolution {
  readonly x: Float64Array;
  readonly multiplier: number;
}

/** Plain concave description (from = lo, slope = r'(lo)) for curves concave on [lo, hi]. */
export function concaveChannels(curves: readonly Curve[], lo: Float64Array, hi: Float64Array): KktChannels {
  const slope = new Float64Array(curves.length);
  for (let c = 0; c < curves.length; c++) slope[c] = lo[c] < hi[c] ? curves[c].d1(lo[c]) : 0;
  return { curves, lo, hi, from: Float64Array.from(lo), slope };
}

function spendAt(ch: KktChannels, lambda: number, out: Float64Array): number {
  let s = 0;
  for (let c = 0; c < out.length; c++) {
    // out[c] holds this channel's spend at the previous multiplier tried: the starting guess.
    const x = lambda >= ch.slope[c] ? ch.lo[c] : marginalRoot(ch.curves[c], lambda, Math.max(ch.from[c], ch.lo[c]), ch.hi[c], out[c]);
    out[c] = x;
    s += x;
  }
  return s;
}

/**
 * The budget's multiplier when every channel sits at one end of its range — the budget equals the
 * lower bounds' total (end 'lower') or the upper bounds' total (end 'upper'). There the best KPI
 * V(B) has a kink and KKT allows a range of multipliers; the one reported is the derivative of V on
 * the side where budgets stay feasible, the marginal return of budget at this corner:
 * - 'lower' (B = Σlo): the return on the next unit of budget, which goes to the best channel that
 *   can still grow: the largest r'_c(lo_c) over channels with hi_c > lo_c (the smallest λ with
 *   r'_c(lo_c) ≤ λ for all of them).
 * - 'upper' (B = Σhi): the next unit cannot be spent; the last unit returns what a unit less would
 *   cost, taken from the channel that loses least: the smallest r'_c(hi_c) over channels with
 *   hi_c > lo_c (the largest λ with r'_c(hi_c) ≥ λ for all of them).
 * Channels that cannot move (hi_c ≤ lo_c, e.g. locked) are ignored; 0 when none can move, or when the
 * value is not finite.
 * @param lo, hi the channels' true bounds [nChannels] (hi may be +∞), not bounds already clamped to the budget
 * @example cornerMultiplier([mm, mm2], lo, hi, 'lower') // max(mm.d1(lo[0]), mm2.d1(lo[1]))
 */
export function cornerMultiplier(curves: readonly Curve[], lo: Float64Array, hi: Float64Array, end: 'lower' | 'upper'): number {
  let m = end === 'lower' ? -Infinity : Infinity;
  for (let c = 0; c < curves.length; c++) {
    if (!(hi[c] > lo[c])) continue;
    m = end === 'lower' ? Math.max(m, curves[c].d1(lo[c])) : Math.min(m, curves[c].d1(hi[c]));
  }
  return Number.isFinite(m) ? Math.max(0, m) : 0;
}

/**
 * Maximise Σ_c r_c(x_c) subject to Σ_c x_c = budget and lo ≤ x ≤ hi, every r_c concave on the
 * feasible part (Karush–Kuhn–Tucker conditions, Boyd & Vandenberghe 2004, §5.5.3 "water-filling"):
 * there is a multiplier λ with r'_c(x_c) = λ for every channel strictly between its bounds,
 * r'_c ≤ λ at lo and ≥ λ at hi. Each channel's spend x_c(λ) is non-increasing in λ, so λ is found by
 * safeguarded Newton steps on S(λ) = Σ x_c(λ) = budget (dS/dλ = Σ 1/r''_c over free channels),
 * falling back to bisection on log λ, inside a bracket that always holds the root. Newton stops
 * once |S − budget| ≤ 1e-13·budget (the residual goes to a channel with room); otherwise, when the
 * bracket is 1e-13 wide, the spends at its two ends are interpolated so that they sum to the budget
 * exactly (both lie on the monotone path, so bounds hold). When even λ → 0 spends less than the budget (flat curves), the rest is spread over the
 * remaining room and λ = 0. At budget = Σlo or Σhi every channel sits at one end and λ is `cornerMultiplier`.
 * @param ch curves and bounds, every array of shape [nChannels]; requires Σlo ≤ budget ≤ Σhi
 * @param budget total spend (currency units per period)
 * @returns spend [nChannels] and λ (KPI per currency unit)
 * @example solveKkt(concaveChannels([mm, mm], lo0, hi10), 4).x // [2, 2] for two equal curves
 */
export function solveKkt(ch: KktChannels, budget: number): KktSolution {
  const n = ch.curves.length;
  const xa = new Float64Array(n), xb = new Float64Array(n);
  let sumLo = 0, sumHi = 0;
  for (let c = 0; c < n; c++) { sumLo += ch.lo[c]; sumHi += ch.hi[c]; }
  if (budget <= sumLo || budget >= sumHi) {
    // Every channel at one end of its range.
    const end = budget <= sumLo ? 'lower' : 'upper';
    return { x: Float64Array.from(end === 'lower' ? ch.lo : ch.hi), multiplier: cornerMultiplier(ch.curves, ch.lo, ch.hi, end) };
  }
  // Bracket: spend(λa) ≥ budget ≥ spend(λb), λa < λb.
  let lb = 1;
  for (let c = 0; c < n; c++) if (Number.isFinite(ch.slope[c]) && ch.slope[c] > 0) { lb = ch.slope[c]; break; }
  let la = lb;
  let sa = spendAt(ch, la, xa);
  let sb = sa;
  if (sa >= budget) {
    while (sb >= budget && lb < 1e300) { la = lb; sa = sb; lb *= 4; sb = spendAt(ch, lb, xb); }
    spendAt(ch, la, xa);
  } else {
    while (sa < budget && la > 1e-300) { lb = la; sb = sa; la /= 4; sa = spendAt(ch, la, xa); }
    spendAt(ch, lb, xb);
    if (sa < budget) return fillFlat(ch, xa, budget, sa);
  }
  const tmp = new Float64Array(n);
  let lm = Math.sqrt(la * lb);
  for (let it = 0; it < 200 && lb / la > 1 + 1e-13 && sa - sb > 1e-15 * budget; it++) {
    const sm = spendAt(ch, lm, tmp);
    if (sm >= budget) { la = lm; sa = sm; xa.set(tmp); } else { lb = lm; sb = sm; xb.set(tmp); }
    // Newton on S(λ) = budget: dS/dλ = Σ 1 / r''_c(x_c) over channels strictly inside their range.
    let dS = 0, free = 0;
    for (let c = 0; c < n; c++) {
      const x = tmp[c];
      if (x > Math.max(ch.from[c], ch.lo[c]) && x < ch.hi[c]) { const h = ch.curves[c].d2(x); if (h < 0) { dS += 1 / h; free++; } }
    }
    if (free > 0 && Math.abs(sm - budget) <= 1e-13 * budget) return finish(ch, tmp, budget, lm);
    const next = free > 0 && dS < 0 ? lm - (sm - budget) / dS : NaN;
    lm = next > la && next < lb && it % 8 !== 7 ? next : Math.sqrt(la * lb);
  }
  const theta = sa > sb ? (budget - sb) / (sa - sb) : 0;
  const x = new Float64Array(n);
  for (let c = 0; c < n; c++) x[c] = xa[c] === xb[c] ? xa[c] : Math.min(ch.hi[c], Math.max(ch.lo[c], xb[c] + theta * (xa[c] - xb[c])));
  return { x, multiplier: 0.5 * (la + lb) };
}

/**
 * Spend the last ≤ 1e-13 relative residual so Σx = budget exactly: on the free channel with the
 * flattest marginal (smallest |r''|, so its marginal return moves least), then on any with room.
 */
function finish(ch: KktChannels, x: Float64Array, budget: number, lambda: number): KktSolution {
  let s = 0, pick = -1, flattest = Infinity;
  for (let c = 0; c < x.length; c++) {
    s += x[c];
    if (x[c] > ch.lo[c] && x[c] < ch.hi[c]) { const h = Math.abs(ch.curves[c].d2(x[c])); if (h < flattest) { flattest = h; pick = c; } }
  }
  const order = pick >= 0 ? [pick, ...Array.from(x.keys())] : Array.from(x.keys());
  for (const c of order) {
    if (s === budget) break;
    const v = Math.min(ch.hi[c], Math.max(ch.lo[c], x[c] + (budget - s)));
    s += v - x[c];
    x[c] = v;
  }
  return { x: Float64Array.from(x), multiplier: lambda };
}

function fillFlat(ch: KktChannels, x: Float64Array, budget: number, spent: number): KktSolution {
  let room = 0;
  for (let c = 0; c < x.length; c++) room += ch.hi[c] - x[c];
  const share = room > 0 ? (budget - spent) / room : 0;
  for (let c = 0; c < x.length; c++) x[c] += share * (ch.hi[c] - x[c]);
  return { x, multiplier: 0 };
}
