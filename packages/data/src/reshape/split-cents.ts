/**
 * Splits an amount of integer cents into parts proportional to weights so that the parts are
 * integers and add up to the amount exactly: each part gets floor(amount × w / Σw), and the cents
 * left over go one each to the parts with the largest remainders (largest-remainder / Hamilton
 * method; ties to the earlier part).
 * @param cents the amount, an integer number of cents (≥ 0)
 * @param weights non-negative weights, at least one positive
 * @returns integer parts, same length as weights, summing to cents
 * @throws RangeError for a negative or fractional amount, or weights that are negative or all zero
 * @example splitCents(100, [1, 1, 1]) // [34, 33, 33]
 */
export function splitCents(cents: number, weights: readonly number[]): number[] {
  if (!Number.isSafeInteger(cents) || cents < 0) throw new RangeError(`splitCents: ${cents} is not a whole number of cents ≥ 0`);
  const total = weights.reduce((a, b) => a + b, 0);
  if (weights.some((w) => !(w >= 0)) || !(total > 0)) throw new RangeError('splitCents: weights must be ≥ 0 with a positive sum');
  const exact = weights.map((w) => (cents * w) / total);
  const parts = exact.map(Math.floor);
  let left = cents - parts.reduce((a, b) => a + b, 0);
  const order = exact.map((x, i) => [x - Math.floor(x), i]).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (let k = 0; left > 0; k = (k + 1) % order.length, left--) parts[order[k][1]] += 1;
  return parts;
}
