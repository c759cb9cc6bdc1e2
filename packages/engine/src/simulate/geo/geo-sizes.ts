import { EngineError } from '../../errors.ts';
import { normal } from '../../random/distributions.ts';
import type { Rng } from '../../random/rng.ts';

/**
 * Geo sizes like real regions: log-normal (a few big geos, many small), largest first, summing to 1.
 * Each size is floored at a fifth of the average so no geo is too small to carry any signal.
 * @param rng seeded generator (advanced by nGeos normal draws)
 * @param nGeos number of geos, an integer ≥ 2
 * @param spread log-sd of the sizes (1: the biggest geo is typically 10–20× the smallest)
 * @returns [nGeos] sizes, descending, Σ = 1
 * @throws EngineError('INVALID_ARGUMENT') for nGeos < 2 or a negative spread
 * @example geoSizes(createRng(1), 3, 0) // [1/3, 1/3, 1/3]
 */
export function geoSizes(rng: Rng, nGeos: number, spread: number): Float64Array {
  if (!(Number.isInteger(nGeos) && nGeos >= 2)) throw new EngineError('INVALID_ARGUMENT', `simulateGeoPanel: nGeos must be an integer ≥ 2, got ${nGeos}`);
  if (!(spread >= 0 && Number.isFinite(spread))) throw new EngineError('INVALID_ARGUMENT', `simulateGeoPanel: sizeSpread must be ≥ 0, got ${spread}`);
  const raw = Array.from({ length: nGeos }, () => Math.exp(spread * normal(rng)));
  const mean = raw.reduce((a, b) => a + b, 0) / nGeos;
  const floored = raw.map((v) => Math.max(v, mean / 5)).sort((a, b) => b - a);
  const total = floored.reduce((a, b) => a + b, 0);
  return Float64Array.from(floored, (v) => v / total);
}

/**
 * Geo names geo_01, geo_02 … (zero-padded so they sort in size order).
 * @example geoNames(2) // ['geo_01', 'geo_02']
 */
export function geoNames(nGeos: number): string[] {
  const width = Math.max(2, String(nGeos).length);
  return Array.from({ length: nGeos }, (_, g) => `geo_${String(g + 1).padStart(width, '0')}`);
}
