/** Share of a normalised kernel's total weight below which a tail is dropped: it moves no adstocked value beyond rounding. */
const NEGLIGIBLE_TAIL = 1e-17;

/**
 * Number of leading weights to keep: the trailing weights whose sum is at most NEGLIGIBLE_TAIL of the
 * total are dropped (a Weibull kernel's weights fall below 1e-17 long before maxLag but are rarely
 * exactly 0). The dropped part changes an adstocked value by at most 1e-17 × the largest spend in the
 * window, far below double rounding of the sum itself, and shortens the convolution several-fold for
 * the short kernels the search mostly tries.
 * @param w kernel weights (non-negative)
 * @returns the number of weights to keep, ≥ 1
 * @example negligibleTail(Float64Array.of(0.5, 0.5, 1e-300)) // 2
 */
export function negligibleTail(w: ArrayLike<number>): number {
  let total = 0;
  for (let l = 0; l < w.length; l++) total += w[l];
  let n = w.length, tail = 0;
  while (n > 1 && tail + w[n - 1] <= NEGLIGIBLE_TAIL * total) tail += w[--n];
  return n;
}
