import type { Curve } from './curve.ts';

/** The concave envelope of a convex–concave curve on [lo, hi]: linear from lo to `from`, the curve after. */
export interface EnvelopePiece {
  /** End of the linear piece (the tangent point, or hi when the envelope is the chord lo → hi). */
  readonly from: number;
  /** Slope of the linear piece (KPI per currency unit). */
  readonly slope: number;
}

/**
 * Concave envelope (smallest concave majorant) of a curve that is convex on [0, inflection] and
 * concave after it, restricted to [lo, hi]. When lo ≥ inflection the curve is already concave there
 * (from = lo, slope = r'(lo)). Otherwise the envelope is the line from (lo, r(lo)) tangent to the
 * concave part at t, the unique root beyond the inflection of h(t) = r'(t)(t − lo) − (r(t) − r(lo))
 * (h > 0 at the inflection, h' = r''(t)(t − lo) < 0 after it), and the curve itself beyond t; when
 * t ≥ hi it is the chord from lo to hi (Udell & Boyd 2013, "Maximizing a sum of sigmoids", §2).
 * The root is found by bisection to 1e-14 relative.
 * @param curve the compiled curve; lo ≤ hi spend bounds
 * @example concaveEnvelope(hillShape2, 0, 100).from // the tangent point from the origin
 */
export function concaveEnvelope(curve: Curve, lo: number, hi: number): EnvelopePiece {
  if (!(hi > lo)) return { from: hi, slope: 0 };
  if (lo >= curve.inflection) return { from: lo, slope: curve.d1(lo) };
  const r0 = curve.value(lo);
  const h = (t: number): number => curve.d1(t) * (t - lo) - (curve.value(t) - r0);
  if (h(hi) >= 0) return { from: hi, slope: (curve.value(hi) - r0) / (hi - lo) };
  let a = Math.max(curve.inflection, lo), b = hi;
  for (let it = 0; it < 200 && b - a > 1e-14 * b; it++) {
    const m = 0.5 * (a + b);
    if (h(m) >= 0) a = m; else b = m;
  }
  return { from: b, slope: curve.d1(b) };
}
