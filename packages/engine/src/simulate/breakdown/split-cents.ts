import { EngineError } from '../../errors.ts';

/**
 * Split an amount of whole cents into parts proportional to `shares`, each a whole number of cents,
 * summing exactly to the total: the largest-remainder (Hamilton) method — floor every quota, then
 * give the leftover cents one each to the parts with the largest fractional remainders (ties to the
 * lower index). A negative total is split as −split(|total|).
 * @param totalCents an integer number of cents
 * @param shares non-negative weights, shape [nParts], not all zero (normalised internally)
 * @returns integer cents per part, shape [nParts], Σ = totalCents exactly
 * @throws EngineError('INVALID_ARGUMENT') when totalCents is not an integer or the shares are invalid
 * @example splitCents(100, [1, 1, 1]) // [34, 33, 33]
 */
export function splitCents(totalCents: number, shares: ArrayLike<number>): number[] {
  if (!Number.isSafeInteger(totalCents)) throw new EngineError('INVALID_ARGUMENT', `splitCents: total must be a safe integer number of cents, got ${totalCents}`);
  const k = shares.length;
  let sum = 0;
  for (let i = 0; i < k; i++) {
    if (!(shares[i] >= 0 && Number.isFinite(shares[i]))) throw new EngineError('INVALID_ARGUMENT', `splitCents: share ${i} must be finite and ≥ 0, got ${shares[i]}`);
    sum += shares[i];
  }
  if (!(sum > 0)) throw new EngineError('INVALID_ARGUMENT', 'splitCents: shares must not all be zero');
  const sign = totalCents < 0 ? -1 : 1;
  const total = Math.abs(totalCents);
  const parts = new Array<number>(k);
  const remainders: { i: number; r: number }[] = [];
  let given = 0;
  for (let i = 0; i < k; i++) {
    const quota = (total * shares[i]) / sum;
    const base = Math.floor(quota);
    parts[i] = base;
    given += base;
    remainders.push({ i, r: quota - base });
  }
  remainders.sort((a, b) => b.r - a.r || a.i - b.i);
  for (let j = 0; j < total - given; j++) parts[remainders[j % k].i] += 1;
  return parts.map((p) => sign * p + 0);
}
