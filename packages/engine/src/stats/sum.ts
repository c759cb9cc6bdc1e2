/**
 * Sum of the values with Neumaier's improved Kahan–Babuška compensated summation (Neumaier 1974,
 * "Rundungsfehleranalyse einiger Verfahren zur Summation endlicher Summen", ZAMM 54), so the
 * rounding error does not grow with the number of terms. NaN propagates; the empty sum is 0.
 * @param values any numbers, length ≥ 0
 * @returns Σ values
 * @example sum([1e16, 1, -1e16]) // 1 (a naive loop gives 0)
 */
export function sum(values: ArrayLike<number>): number {
  let s = 0;
  let c = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    const t = s + v;
    if (Math.abs(s) >= Math.abs(v)) c += s - t + v;
    else c += v - t + s;
    s = t;
  }
  return s + c;
}
