/**
 * Compact number for cards and labels: 1.23M, 45.6k, 987, with a leading minus sign for negatives.
 * @example formatCompact(1234567) // '1.23M'
 */
export function formatCompact(v: number): string {
  if (!Number.isFinite(v)) return '—';
  const a = Math.abs(v), sign = v < 0 ? '−' : '';
  if (a >= 1e9) return `${sign}${(a / 1e9).toPrecision(3)}B`;
  if (a >= 1e6) return `${sign}${(a / 1e6).toPrecision(3)}M`;
  if (a >= 1e3) return `${sign}${(a / 1e3).toPrecision(3)}k`;
  if (a >= 1) return `${sign}${a.toFixed(a >= 100 ? 0 : 1)}`;
  return `${sign}${a.toPrecision(2)}`;
}

/**
 * Share as a percentage with one decimal; `signed` adds '+' to positive values.
 * @example formatPct(0.1234) // '12.3%'
 */
export function formatPct(v: number | null, signed = false): string {
  if (v === null || !Number.isFinite(v)) return '—';
  return `${signed && v > 0 ? '+' : ''}${(100 * v).toFixed(1)}%`;
}

/**
 * A ratio such as ROI with two decimals and an optional unit suffix.
 * @example formatRatio(1.856) // '1.86'
 */
export function formatRatio(v: number | null, suffix = ''): string {
  if (v === null || !Number.isFinite(v)) return '—';
  return `${v.toFixed(2)}${suffix}`;
}

/**
 * A whole amount with thousands separators.
 * @example formatAmount(1234567.8) // '1,234,568'
 */
export function formatAmount(v: number): string {
  if (!Number.isFinite(v)) return '—';
  return Math.round(v).toLocaleString('en-US');
}
