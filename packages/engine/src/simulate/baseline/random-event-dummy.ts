import { EngineError } from '../../errors.ts';
import { permutation } from '../../random/distributions.ts';
import type { Rng } from '../../random/rng.ts';

/**
 * A 0/1 column with `count` one-off events at distinct random periods of the window [t0, n)
 * (e.g. a PR spike or a stock-out), zero before t0.
 * @param rng seeded generator
 * @param n number of periods (burn-in included)
 * @param t0 first window period
 * @param count number of event periods, integer in [0, n − t0]
 * @returns shape [n], values 0 or 1, exactly `count` ones
 * @throws EngineError('INVALID_ARGUMENT') when count does not fit in the window
 * @example randomEventDummy(createRng(1), 5, 0, 2).reduce((a, b) => a + b) // 2
 */
export function randomEventDummy(rng: Rng, n: number, t0: number, count: number): Float64Array {
  const window = n - t0;
  if (!Number.isInteger(count) || count < 0 || count > window) {
    throw new EngineError('INVALID_ARGUMENT', `simulate: random event count must be an integer in [0, ${window}], got ${count}`);
  }
  const order = permutation(rng, window);
  const out = new Float64Array(n);
  for (let i = 0; i < count; i++) out[t0 + order[i]] = 1;
  return out;
}
