/**
 * The rows where a channel's adstock is positive in exact arithmetic: those with positive spend in
 * the row itself or in one of the `maxLag` rows before it (every adstock kernel here has positive
 * weights on lags 0…maxLag). The set depends on the data and maxLag only, not on the adstock
 * parameters, so channelScale is a smooth function of them. (A rule on the adstocked values, such as
 * "above 1e-12·max", lets rows with a vanishing tail weight flip in and out as a parameter moves: the
 * scale, and every contribution, then jumps, which breaks gradient-based samplers.)
 * @param spend spend series [nTimes], ≥ 0
 * @param maxLag the channel's maximum lag, integer ≥ 0
 * @returns 1 for an active row, 0 otherwise [nTimes]
 * @example activeRows(Float64Array.of(0, 5, 0, 0, 0), 2) // [0, 1, 1, 1, 0]
 */
export function activeRows(spend: ArrayLike<number>, maxLag: number): Uint8Array {
  const out = new Uint8Array(spend.length);
  let last = -Infinity; // row of the latest positive spend
  for (let t = 0; t < spend.length; t++) {
    if (spend[t] > 0) last = t;
    if (t - last <= maxLag) out[t] = 1;
  }
  return out;
}

/**
 * A channel's scale: the mean of its adstocked spend over the active rows (activeRows) of [start, end).
 * Saturation acts on adstock / scale, so x ≈ 1 is a typical level while the channel is on. The
 * simulator's truth and the fitted model share this rule.
 * @param a adstocked spend [nTimes]
 * @param active activeRows(spend, maxLag) of the same channel [nTimes]
 * @param start first row (default 0)
 * @param end one past the last row (default a.length)
 * @returns the scale, or NaN when no row of the range is active or the mean is not positive
 * @example channelScale(Float64Array.of(0, 2, 4), Uint8Array.of(0, 1, 1)) // 3
 */
export function channelScale(a: Float64Array, active: Uint8Array, start = 0, end = a.length): number {
  let sum = 0, count = 0;
  for (let t = start; t < end; t++) if (active[t] === 1) { sum += a[t]; count++; }
  return count > 0 && sum > 0 ? sum / count : NaN;
}
