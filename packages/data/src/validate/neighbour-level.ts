/** How many periods on each side of a value neighbourLevel looks for a neighbour. */
export const NEIGHBOUR_REACH = 4;

/**
 * The level of the periods around a value: the larger magnitude of the nearest readable non-zero value
 * before it and of the nearest after it, each within `reach` periods (rows). A real burst of spend runs
 * over several periods at a similar level, so one of its periods is always near another at its level;
 * a typo stands alone among values hundreds of times smaller. Undefined when no period within reach
 * has a non-zero value.
 * @param values the column's values in date order, NaN where a cell is unreadable or left out
 * @param i the value's index
 * @param reach periods looked at on each side (default NEIGHBOUR_REACH, 4)
 * @example neighbourLevel(Float64Array.of(2, 0, 5000, 3, 1), 2) // 3
 * @example neighbourLevel(Float64Array.of(2, 4000, 5000, 3, 1), 2) // 4000
 */
export function neighbourLevel(values: ArrayLike<number>, i: number, reach = NEIGHBOUR_REACH): number | undefined {
  let level: number | undefined;
  for (const step of [-1, 1]) {
    for (let k = i + step; Math.abs(k - i) <= reach && k >= 0 && k < values.length; k += step) {
      const v = Math.abs(values[k]);
      if (!Number.isFinite(v) || v === 0) continue;
      level = Math.max(level ?? 0, v);
      break;
    }
  }
  return level;
}
