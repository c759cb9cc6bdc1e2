/**
 * The spend a geo test's window is judged by: the channel's spend in the test's geos, added up per
 * period. The engine (buildSearchProblem), the lift-test reader and the config check share it, so a
 * geo test whose geos spent nothing is refused alike everywhere.
 * @param perGeo the channel's spend per geo, [nGeos][nTimes]
 * @param geos indices into perGeo of the test's geos
 * @returns the summed spend [nTimes]
 * @example Array.from(liftTestGeoSpend([Float64Array.of(1, 2), Float64Array.of(3, 0)], [0, 1])) // [4, 2]
 */
export function liftTestGeoSpend(perGeo: readonly ArrayLike<number>[], geos: readonly number[]): Float64Array {
  const out = new Float64Array(perGeo[0]?.length ?? 0);
  for (const g of geos) for (let t = 0; t < out.length; t++) out[t] += perGeo[g][t];
  return out;
}
