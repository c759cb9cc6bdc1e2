/**
 * Amounts for prose (not normalise-bounds' formatAmount, whose 6 significant digits suit limits in
 * messages): whole units from 100 up, at most two decimals above 1, three significant digits below.
 * @example proseAmount(1234.5) // '1,235' ; proseAmount(12.5) // '12.5' ; proseAmount(0.01234) // '0.0123'
 */
export function proseAmount(v: number): string {
  if (!Number.isFinite(v)) return String(v);
  const a = Math.abs(v);
  const opts: Intl.NumberFormatOptions = a >= 100 ? { maximumFractionDigits: 0 } : a >= 1 ? { maximumFractionDigits: 2 } : { maximumSignificantDigits: 3 };
  return v.toLocaleString('en-US', opts);
}

/**
 * A share as a signed percentage with one decimal.
 * @example signedPercent(0.123) // '+12.3%' ; signedPercent(-0.05) // '-5.0%'
 */
export function signedPercent(v: number): string {
  return `${v >= 0 ? '+' : ''}${(100 * v).toFixed(1)}%`;
}
