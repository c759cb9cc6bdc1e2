/**
 * Round an amount to whole cents (2 decimals), half away from zero, via integer cents so that
 * sums of rounded values are exact multiples of 0.01 up to floating-point representation.
 * @param x amount in currency units
 * @example roundCents(1.005) // 1.01 ; roundCents(-2.345) // -2.35
 */
export function roundCents(x: number): number {
  return toCents(x) / 100;
}

/**
 * An amount in whole cents (an integer), rounded half away from zero; a tiny relative nudge absorbs
 * binary representation error (1.005 is stored as 1.00499999…).
 * @example toCents(12.345) // 1235
 */
export function toCents(x: number): number {
  const c = x * 100;
  const nudged = c + Math.sign(c) * Math.abs(c) * 1e-12;
  return Math.sign(nudged) * Math.round(Math.abs(nudged)) + 0; // + 0 turns −0 into 0
}
