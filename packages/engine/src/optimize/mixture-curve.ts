import type { Curve } from './curve.ts';

/** Points at which a mixture's curvature is sampled below its components' largest inflection. */
const CURVATURE_SAMPLES = 256;

/**
 * The mean of several response curves, r(x) = (1/R) Σ_r r_r(x), with the mean derivatives: the
 * expected response over draws of the model (bootstrap replicates), which is what a planner should
 * maximise when the curves are uncertain (expected KPI; e.g. Berger 1985, *Statistical Decision
 * Theory and Bayesian Analysis*, §1.3).
 *
 * A mean of concave curves is concave. With S-shaped components the mean is concave beyond the
 * largest component inflection, but below it may bend more than once (a concave component makes it
 * concave near 0, an S-shaped one convex further on). The curvature is sampled on CURVATURE_SAMPLES
 * points of (0, largest inflection]: `inflection` is where it last turns from convex to concave
 * (bisection to 1e-12 relative), and `convexConcave` is false when it was also concave somewhere
 * before that, in which case the solvers do not certify a gap (see solveAllocation).
 * @param components the curves to average (at least one)
 * @param hill optional: the same components' Hill parameters, for a faster evaluation (one exp per
 *   component instead of a power, the logarithm of x shared); must describe `components` exactly
 * @example mixtureCurve([a, b]).value(x) // (a.value(x) + b.value(x)) / 2
 */
export function mixtureCurve(components: readonly Curve[], hill?: readonly HillComponent[]): Curve {
  const n = components.length;
  const mean = (f: (c: Curve) => number): number => {
    let s = 0;
    for (let r = 0; r < n; r++) s += f(components[r]);
    return s / n;
  };
  const fast = hill && hill.length === n ? hillMixture(hill) : null;
  const value = fast ? fast.value : (x: number): number => mean((c) => c.value(x));
  const d1 = fast ? fast.d1 : (x: number): number => mean((c) => c.d1(x));
  const d2 = fast ? fast.d2 : (x: number): number => mean((c) => c.d2(x));
  let top = 0;
  for (const c of components) top = Math.max(top, c.inflection);
  if (!(top > 0)) return { value, d1, d2, inflection: 0 };
  // Last convex sample, and whether a concave one came before it.
  let last = -1, concaveBefore = false, sawConcave = false;
  for (let i = 1; i <= CURVATURE_SAMPLES; i++) {
    if (d2((top * i) / CURVATURE_SAMPLES) > 0) { last = i; if (sawConcave) concaveBefore = true; }
    else sawConcave = true;
  }
  if (last < 0) return { value, d1, d2, inflection: 0, convexConcave: !concaveBefore };
  if (last === CURVATURE_SAMPLES) return { value, d1, d2, inflection: top, convexConcave: !concaveBefore };
  let a = (top * last) / CURVATURE_SAMPLES, b = (top * (last + 1)) / CURVATURE_SAMPLES;
  while (b - a > 1e-12 * b) {
    const m = 0.5 * (a + b);
    if (d2(m) > 0) a = m; else b = m;
  }
  return { value, d1, d2, inflection: b, convexConcave: !concaveBefore };
}

/** A Hill response coef·f(gain·x), f(u) = u^s / (u^s + K^s), for the fast mixture path. */
export interface HillComponent {
  readonly coef: number;
  readonly gain: number;
  readonly halfSaturation: number;
  readonly shape: number;
}

/**
 * Mean of Hill responses with ln x computed once: with r = (g·x/K)^s = exp(s·ln x − s·ln(K/g)),
 * h = c·r/(1 + r), h' = c·s·r/(x(1 + r)²), h'' = h'·((s − 1) − (s + 1)r)/(x(1 + r)) (the Hill
 * derivatives of Jin et al. 2017 in spend units, as in saturationSecond). As the Hill kernel does:
 * value 0 at x ≤ 0, slope 0 below 0 and its right derivative at 0 (+∞ when a shape is below 1).
 */
function hillMixture(parts: readonly HillComponent[]): Pick<Curve, 'value' | 'd1' | 'd2'> {
  const n = parts.length;
  const coef = Float64Array.from(parts, (p) => p.coef / n), shape = Float64Array.from(parts, (p) => p.shape);
  const offset = Float64Array.from(parts, (p) => p.shape * Math.log(p.halfSaturation / p.gain));
  // At 0: slope c·g/K when s = 1, +∞ when s < 1, 0 when s > 1.
  let slope0 = 0;
  for (const p of parts) slope0 += p.shape < 1 ? Infinity : p.shape === 1 ? (p.coef * p.gain) / p.halfSaturation / n : 0;
  // e = 1/r = exp(s·ln(K/g) − s·ln x); each term is written in e or in r = 1/e, whichever is ≤ 1, so
  // nothing overflows to ∞/∞. The e's of the last x are kept: Newton steps ask for d1 and d2 (and the
  // polish for value) at the same x one after the other, and the exponentials are most of the cost.
  const e = new Float64Array(n);
  let lastX = NaN;
  const fill = (x: number): void => {
    if (x === lastX) return;
    lastX = x;
    const lx = Math.log(x);
    for (let i = 0; i < n; i++) e[i] = Math.exp(offset[i] - shape[i] * lx);
  };
  return {
    value(x) {
      if (!(x > 0)) return 0;
      fill(x);
      let v = 0;
      for (let i = 0; i < n; i++) v += coef[i] / (1 + e[i]);
      return v;
    },
    d1(x) {
      if (x < 0) return 0;
      if (x === 0) return slope0;
      fill(x);
      let v = 0;
      for (let i = 0; i < n; i++) {
        const q = e[i] > 1 ? 1 / e[i] : e[i];
        const k = 1 + q;
        v += (coef[i] * shape[i] * q) / (k * k);
      }
      return v / x;
    },
    d2(x) {
      if (!(x > 0)) return 0;
      fill(x);
      let v = 0;
      for (let i = 0; i < n; i++) {
        const s = shape[i], ei = e[i];
        if (ei > 1) { const r = 1 / ei, k = 1 + r; v += (coef[i] * s * r * ((s - 1) - (s + 1) * r)) / (k * k * k); }
        else { const k = 1 + ei; v += (coef[i] * s * ei * ((s - 1) * ei - (s + 1))) / (k * k * k); }
      }
      return v / (x * x);
    },
  };
}
