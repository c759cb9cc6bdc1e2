/**
 * A channel's scale: the mean of its adstocked spend over the active periods of rows [start, end).
 * "Active" means above 1e-12·max, so round-off residues of the recursive geometric adstock (±1e-17
 * where the exact value is 0) do not count as periods with spend. Saturation acts on adstock / scale,
 * so x ≈ 1 is a typical spend level. The simulator's truth and the fitted model share this rule.
 * @param a adstocked spend [nTimes]
 * @param start first row (default 0)
 * @param end one past the last row (default a.length)
 * @returns the scale, or NaN when no period is active
 * @example channelScale(Float64Array.of(0, 2, 4)) // 3
 */
export function channelScale(a: Float64Array, start = 0, end = a.length): number {
  let max = 0;
  for (let t = start; t < end; t++) if (a[t] > max) max = a[t];
  const floor = 1e-12 * max;
  let sum = 0, count = 0;
  for (let t = start; t < end; t++) if (a[t] > floor) { sum += a[t]; count++; }
  return max > 0 ? sum / count : NaN;
}
