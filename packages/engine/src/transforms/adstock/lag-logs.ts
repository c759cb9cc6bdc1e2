let table = new Float64Array(0);

/**
 * Natural logs of the integers: entry i is ln(i) for i = 0..n (ln 0 = −∞), from a module-level
 * table that grows on demand, so kernels that need ln(lag) per call (Weibull weights inside the
 * hyperparameter search) skip a Math.log per lag. Callers must not write to the returned array.
 * @param n largest integer needed (≥ 0)
 * @returns a table of length ≥ n + 1
 * @example lagLogs(2)[2] // Math.LN2
 */
export function lagLogs(n: number): Float64Array {
  if (table.length <= n) {
    const size = Math.max(n + 1, 2 * table.length, 256);
    table = new Float64Array(size);
    for (let i = 0; i < size; i++) table[i] = Math.log(i);
  }
  return table;
}
