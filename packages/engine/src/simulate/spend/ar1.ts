import { EngineError } from '../../errors.ts';
import { normal } from '../../random/distributions.ts';
import type { Rng } from '../../random/rng.ts';

/**
 * A stationary Gaussian AR(1) series with unit marginal variance:
 * z[0] ~ N(0, 1), z[t] = φ·z[t−1] + √(1 − φ²)·ε[t], ε[t] ~ N(0, 1) (Box & Jenkins, Time Series
 * Analysis, ch. 3). Lag-k autocorrelation φ^k.
 * @param rng seeded generator (advanced by 2·n uniforms)
 * @param n length
 * @param persistence φ in (−1, 1)
 * @returns shape [n]
 * @throws EngineError('INVALID_ARGUMENT') when |φ| ≥ 1 or n is not an integer ≥ 0
 * @example ar1(createRng(1), 3, 0) // three independent N(0, 1) draws
 */
export function ar1(rng: Rng, n: number, persistence: number): Float64Array {
  if (!(Math.abs(persistence) < 1)) throw new EngineError('INVALID_ARGUMENT', `simulate: AR(1) persistence must be in (−1, 1), got ${persistence}`);
  if (!Number.isInteger(n) || n < 0) throw new EngineError('INVALID_ARGUMENT', `simulate: AR(1) length must be an integer ≥ 0, got ${n}`);
  const z = new Float64Array(n);
  const innovation = Math.sqrt(1 - persistence * persistence);
  let prev = 0;
  for (let t = 0; t < n; t++) {
    prev = t === 0 ? normal(rng) : persistence * prev + innovation * normal(rng);
    z[t] = prev;
  }
  return z;
}
