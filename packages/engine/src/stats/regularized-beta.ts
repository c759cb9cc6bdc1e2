import { EngineError } from '../errors.ts';
import { logGamma } from './log-gamma.ts';

const EPS = 1e-16;
const TINY = 1e-300;
const MAX_ITER = 100000;

/**
 * Regularised incomplete beta function I_x(a, b) = B(x; a, b) / B(a, b).
 *
 * Method (Press et al., *Numerical Recipes*, 3rd ed., §6.4; own implementation): the continued
 * fraction of Abramowitz & Stegun 26.5.8, I_x(a, b) = x^a(1−x)^b / (a·B(a, b)) · 1/(1+ d₁/(1+ d₂/(1+ …)))
 * with d₂ₘ₊₁ = −(a+m)(a+b+m)x / ((a+2m)(a+2m+1)) and d₂ₘ = m(b−m)x / ((a+2m−1)(a+2m)), evaluated by the
 * modified Lentz algorithm (Thompson & Barnett 1986). It converges fast for x < (a+1)/(a+b+2); above
 * that the symmetry I_x(a, b) = 1 − I_{1−x}(b, a) is used.
 * @param x argument in [0, 1]
 * @param a first shape, > 0
 * @param b second shape, > 0
 * @returns I_x(a, b) in [0, 1]
 * @throws EngineError('INVALID_ARGUMENT') when x ∉ [0, 1] or a, b ≤ 0 (or NaN)
 * @example regularizedBeta(0.5, 2, 3) // 0.6875
 */
export function regularizedBeta(x: number, a: number, b: number): number {
  if (!(x >= 0 && x <= 1) || !(a > 0) || !(b > 0)) {
    throw new EngineError('INVALID_ARGUMENT', `regularizedBeta needs x in [0, 1], a > 0, b > 0 (x = ${x}, a = ${a}, b = ${b})`);
  }
  if (x === 0) return 0;
  if (x === 1) return 1;
  if (x < (a + 1) / (a + b + 2)) return front(x, a, b) * continuedFraction(x, a, b) / a;
  return 1 - front(1 - x, b, a) * continuedFraction(1 - x, b, a) / b;
}

/** x^a·(1−x)^b / B(a, b), in log space. */
function front(x: number, a: number, b: number): number {
  const logBeta = logGamma(a) + logGamma(b) - logGamma(a + b);
  return Math.exp(a * Math.log(x) + b * Math.log1p(-x) - logBeta);
}

/** The continued fraction 1/(1+ d₁/(1+ d₂/(1+ …))) by modified Lentz. */
function continuedFraction(x: number, a: number, b: number): number {
  let c = 1;
  let d = 1 - ((a + b) * x) / (a + 1);
  if (Math.abs(d) < TINY) d = TINY;
  d = 1 / d;
  let h = d;
  for (let m = 1; m < MAX_ITER; m++) {
    const m2 = 2 * m;
    // even step d₂ₘ
    let coef = (m * (b - m) * x) / ((a + m2 - 1) * (a + m2));
    d = 1 + coef * d;
    if (Math.abs(d) < TINY) d = TINY;
    c = 1 + coef / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    h *= d * c;
    // odd step d₂ₘ₊₁
    coef = (-(a + m) * (a + b + m) * x) / ((a + m2) * (a + m2 + 1));
    d = 1 + coef * d;
    if (Math.abs(d) < TINY) d = TINY;
    c = 1 + coef / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < EPS) break;
  }
  return h;
}
