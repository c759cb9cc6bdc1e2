import { neighbourLevel } from './neighbour-level.ts';
import { sampleQuantile } from './sample-quantile.ts';

/**
 * How many times a column's typical level a KPI or spend value may reach before it can only be a typo
 * or a unit mix-up. Real data stays far below it: the largest ratio of a value to its column's typical
 * level is 16.5 on the shared datasets (mmm_stan's mdip_nsp; 15.1 for a spend, mdsp_nsp) and 84 on the
 * simulator presets (seeds 1–10, b2b's long.csv), while a value typed ×1000 (thousands for units) or
 * pasted with extra zeros lands at 300× or more unless it was below a third of the level.
 */
export const IMPLAUSIBLE_RATIO = 300;

/**
 * A column's typical level: the median of the absolute values of its readable non-zero cells (zeros
 * are periods without spend, not its level). Undefined with fewer than `minValues` such cells.
 * @param values the column's values, NaN where a cell is unreadable or left out
 * @param minValues fewest non-zero values needed (default 8)
 * @example typicalLevel(Float64Array.of(0, 10, 20, 30, 40, 50, 60, 70, 80), 8) // 45
 */
export function typicalLevel(values: ArrayLike<number>, minValues = 8): number | undefined {
  const abs: number[] = [];
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (Number.isFinite(v) && v !== 0) abs.push(Math.abs(v));
  }
  if (abs.length < minValues) return undefined;
  return sampleQuantile(abs.sort((a, b) => a - b), 0.5);
}

/**
 * The indices of the values at IMPLAUSIBLE_RATIO times the column's typical level or more (by
 * magnitude), in row order; [] when the column has no typical level. With `isolated`, only those also
 * at IMPLAUSIBLE_RATIO times the periods around them or more (neighbourLevel; or with no non-zero
 * neighbour): a typo stands alone, while a spend burst far above a trickle of tiny days runs over
 * several periods at a similar level.
 * @param values the column's values, NaN where a cell is unreadable or left out
 * @param options isolated: leave out the values whose neighbours are at a similar level
 * @example implausibleRows(Float64Array.of(1, 2, 2, 2, 2, 2, 2, 2, 2000)) // [8]
 * @example implausibleRows(Float64Array.of(1, 2, 2, 2, 2, 2, 2, 2, 2000, 1900), { isolated: true }) // []
 */
export function implausibleRows(values: ArrayLike<number>, options: { isolated?: boolean } = {}): number[] {
  const level = typicalLevel(values);
  if (level === undefined) return [];
  const out: number[] = [];
  for (let i = 0; i < values.length; i++) {
    const v = Math.abs(values[i]);
    if (!(v >= IMPLAUSIBLE_RATIO * level)) continue;
    const around = options.isolated === true ? neighbourLevel(values, i) : undefined;
    if (around === undefined || v >= IMPLAUSIBLE_RATIO * around) out.push(i);
  }
  return out;
}

/**
 * A ratio for a message: one decimal up to a million, then as a power of ten ("2.3·10^295"), never
 * JavaScript's "2.301008934937103e+295".
 * @example readableRatio(17872.94) // '17872.9'
 * @example readableRatio(2.301008934937103e295) // '2.3·10^295'
 */
export function readableRatio(x: number): string {
  if (!Number.isFinite(x)) return String(x);
  if (Math.abs(x) < 1e6) return x.toFixed(1);
  const [mantissa, exponent] = x.toExponential(1).split('e');
  return `${mantissa}·10^${Number(exponent)}`;
}
