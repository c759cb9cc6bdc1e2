/**
 * Σ values[rows[i]], in the list's order: a column's total over a list of rows (the fit rows whose KPI
 * is observed), summed as a loop over those rows would.
 * @example listSum([9, 1, NaN, 3], Int32Array.of(1, 3)) // 4
 */
export function listSum(values: ArrayLike<number>, rows: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < rows.length; i++) s += values[rows[i]];
  return s;
}

/**
 * Whether a column with these moments is flat, sd ≤ 1e-12·(1 + |mean|): it does not vary over the
 * rows (round-off aside), so it carries no information and its coefficient is fixed at 0.
 * @example isFlat(5, 1e-15) // true
 */
export function isFlat(mean: number, sd: number): boolean {
  return !(sd > 1e-12 * (1 + Math.abs(mean)));
}

/**
 * Mean and population standard deviation of a column over a list of rows (the first `count` of
 * `rows`; two passes, summed in the list's order): the statistics the search's evaluator, the
 * Bayesian density and the sign-constraint check standardise the KPI and the baseline columns with,
 * over the rows whose KPI is observed.
 * @param values the column [nTimes]
 * @param rows row indices, increasing (observedRows)
 * @param count how many of `rows` to use (> 0; default all)
 * @example listMoments([9, 1, NaN, 3], Int32Array.of(1, 3)) // { mean: 2, sd: 1 }
 */
export function listMoments(values: ArrayLike<number>, rows: ArrayLike<number>, count = rows.length): { mean: number; sd: number } {
  let m = 0;
  for (let i = 0; i < count; i++) m += values[rows[i]];
  m /= count;
  let s2 = 0;
  for (let i = 0; i < count; i++) s2 += (values[rows[i]] - m) ** 2;
  return { mean: m, sd: Math.sqrt(s2 / count) };
}
