import { normal, uniformInt } from '../../random/distributions.ts';
import type { Rng } from '../../random/rng.ts';
import { splitSpendCents } from './split-spend-cents.ts';
import { driftingShares } from '../breakdown/drifting-shares.ts';

/** How a channel's national spend is spread over geos (see splitSpendByGeo). */
export interface GeoSplit {
  /** Log-sd of a fixed per-geo tilt of the channel's share away from the geo's size (default 0.35). */
  readonly tilt?: number;
  /** Log-sd of the slow drift of the shares over time (default 0.25). */
  readonly drift?: number;
  /** Number of geo tests: a random geo goes dark for `testLength` periods (default 0). */
  readonly tests?: number;
  /** [min, max] length of a geo test in periods (default [6, 10]). */
  readonly testLength?: readonly [number, number];
  /** Probability that any one geo-period is dark (a local pause; default 0). */
  readonly darkShare?: number;
}

/** The geo tests and pauses drawn for a channel: per geo, the periods with no spend. */
export interface GeoDarkPeriods {
  readonly tests: readonly { readonly geo: number; readonly start: number; readonly end: number }[];
}

/**
 * Split a national spend series over geos so the geo series vary independently of geo size: the
 * variation a geo-level model identifies media effects from. Geo g's share at period t is
 * ∝ size_g · exp(tilt·u_g + drift·d_g[t]) (u_g a fixed N(0, 1) tilt, d_g a unit AR(1) with persistence
 * 0.9), set to 0 in the geo's test windows and random dark periods, renormalised over the geos still
 * spending; each period's national amount is split into whole cents (largest remainder), so the geo
 * series add up to the national series exactly. A period where every geo would be dark keeps the
 * untested shares.
 * @param rng seeded generator
 * @param national the channel's national spend, shape [nTimes], whole cents
 * @param sizes geo sizes, shape [nGeos], Σ = 1
 * @param split tilt, drift, tests and pauses
 * @returns per-geo spend [nGeos][nTimes] and the tests drawn
 * @example splitSpendByGeo(createRng(1), Float64Array.of(10), Float64Array.of(0.5, 0.5), { tilt: 0, drift: 0 }).spend // [[5], [5]]
 */
export function splitSpendByGeo(rng: Rng, national: Float64Array, sizes: Float64Array, split: GeoSplit): { spend: Float64Array[]; dark: GeoDarkPeriods } {
  const n = national.length;
  const k = sizes.length;
  const tilt = split.tilt ?? 0.35;
  const base = Array.from(sizes, (s) => s * Math.exp(tilt * normal(rng)));
  const shares = driftingShares(rng, n, base, split.drift ?? 0.25, 0.9);
  const on = new Uint8Array(n * k).fill(1);
  const tests: { geo: number; start: number; end: number }[] = [];
  const [lo, hi] = split.testLength ?? [6, 10];
  for (let i = 0; i < (split.tests ?? 0); i++) {
    const geo = uniformInt(rng, 0, k - 1);
    const length = Math.min(n, uniformInt(rng, lo, hi));
    const start = uniformInt(rng, 0, n - length);
    tests.push({ geo, start, end: start + length });
    for (let t = start; t < start + length; t++) on[t * k + geo] = 0;
  }
  const darkShare = split.darkShare ?? 0;
  if (darkShare > 0) for (let j = 0; j < n * k; j++) if (rng.next() < darkShare) on[j] = 0;
  const row = new Float64Array(k);
  const spend = Array.from({ length: k }, () => new Float64Array(n));
  for (let t = 0; t < n; t++) {
    let any = false;
    for (let g = 0; g < k; g++) { row[g] = shares[t * k + g] * on[t * k + g]; any ||= row[g] > 0; }
    if (!any) for (let g = 0; g < k; g++) row[g] = shares[t * k + g];
    const parts = splitSpendCents(national[t], row);
    for (let g = 0; g < k; g++) spend[g][t] = parts[g];
  }
  return { spend, dark: { tests } };
}
