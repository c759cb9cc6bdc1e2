import { toCents } from '../round-cents.ts';
import { splitCents } from '../breakdown/split-cents.ts';

/**
 * Split an amount in currency units (at most 2 decimals) into whole-cent parts proportional to
 * `shares` that add up to it exactly (splitCents on its cents); 0 splits into zeros.
 * @example splitSpendCents(1, [1, 1, 1]) // [0.34, 0.33, 0.33]
 */
export function splitSpendCents(amount: number, shares: ArrayLike<number>): number[] {
  const cents = toCents(amount);
  if (cents === 0) return Array.from(shares, () => 0);
  return splitCents(cents, shares).map((c) => c / 100);
}
