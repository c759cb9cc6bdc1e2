/**
 * Test support for the log-density tests (mmm-log-density*.test.ts): the analytic gradient against
 * central differences, coordinate by coordinate. Pure (no node:assert) so it typechecks with the engine;
 * the tests assert on what it returns.
 */
import type { MmmLogDensity } from './mmm-log-density.ts';

/**
 * The coordinates where the log density's gradient at x differs from central differences
 * (f(x + h·e_i) − f(x − h·e_i)) / 2h by more than tol·(1 + |difference|), or is not finite; also
 * a note when the log density itself is not finite there. x is restored.
 * @param d the log density
 * @param x [dim] the position
 * @param h the difference step (default 1e-4)
 * @param tol relative tolerance (default 2e-5: the curve coordinates' forward-difference gradient)
 * @returns one message per failing coordinate (empty: the gradient matches)
 * @example gradientMismatches(mmmLogDensity(problem, priors), x) // []
 */
export function gradientMismatches(d: Pick<MmmLogDensity, 'layout' | 'logDensity'>, x: Float64Array, h = 1e-4, tol = 2e-5): string[] {
  const dim = d.layout.dim;
  const grad = new Float64Array(dim), scratch = new Float64Array(dim);
  const lp = d.logDensity(x, grad);
  if (!Number.isFinite(lp)) return [`log density ${lp} at x`];
  const out: string[] = [];
  for (let i = 0; i < dim; i++) {
    const x0 = x[i];
    x[i] = x0 + h; const up = d.logDensity(x, scratch);
    x[i] = x0 - h; const down = d.logDensity(x, scratch);
    x[i] = x0;
    const fd = (up - down) / (2 * h);
    if (!(Number.isFinite(grad[i]) && Math.abs(fd - grad[i]) <= tol * (1 + Math.abs(fd)))) out.push(`${d.layout.names[i]}: gradient ${grad[i]} vs differences ${fd}`);
  }
  return out;
}
