import { EngineError } from '../errors.ts';
import type { Rng } from '../random/rng.ts';

/**
 * Time indices for one moving-block bootstrap resample (Künsch 1989, "The jackknife and the
 * bootstrap for general stationary observations", Annals of Statistics 17(3)): blocks of
 * `blockLength` consecutive indices, each starting uniformly at random in {0, …, nTimes − blockLength},
 * are concatenated and the result is cut to nTimes. Keeping neighbours together preserves the
 * short-range autocorrelation of time-series residuals, which an i.i.d. bootstrap destroys.
 * A common choice of block length is about n^{1/3} (Hall, Horowitz & Jing 1995).
 *
 * Uses ⌈nTimes / blockLength⌉ draws from `rng`; the same seed gives the same indices.
 * @param rng seeded generator from createRng (advanced by this call)
 * @param nTimes length of the series (and of the result), ≥ 1
 * @param blockLength block length, an integer in [1, nTimes]; 1 is the ordinary i.i.d. bootstrap
 * @returns Int32Array of length nTimes with values in [0, nTimes)
 * @throws EngineError('INVALID_ARGUMENT') when nTimes or blockLength is out of range or not an integer
 * @example blockBootstrapIndices(createRng(1), 6, 3) // Int32Array [1, 2, 3, 0, 1, 2]
 */
export function blockBootstrapIndices(rng: Rng, nTimes: number, blockLength: number): Int32Array {
  if (!Number.isInteger(nTimes) || nTimes < 1) {
    throw new EngineError('INVALID_ARGUMENT', `blockBootstrapIndices: nTimes must be a positive integer, got ${nTimes}`);
  }
  if (!Number.isInteger(blockLength) || blockLength < 1 || blockLength > nTimes) {
    throw new EngineError('INVALID_ARGUMENT', `blockBootstrapIndices: blockLength must be an integer in [1, ${nTimes}], got ${blockLength}`);
  }
  const out = new Int32Array(nTimes);
  const nStarts = nTimes - blockLength + 1;
  let t = 0;
  while (t < nTimes) {
    const start = Math.floor(rng.next() * nStarts);
    for (let k = 0; k < blockLength && t < nTimes; k++) out[t++] = start + k;
  }
  return out;
}
