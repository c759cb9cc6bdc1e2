import type { Rng } from '../../random/rng.ts';
import { toCents } from '../round-cents.ts';
import { driftingShares, tiltShares } from './drifting-shares.ts';
import { splitCents } from './split-cents.ts';

/** Base shares of the breakdown's two dimensions (each normalised internally). */
export interface BreakdownDimensions {
  readonly geos: readonly { readonly name: string; readonly share: number }[];
  readonly products: readonly { readonly name: string; readonly share: number }[];
}

/** A long table: column names and rows of values. */
export interface LongTable {
  readonly columns: string[];
  readonly rows: (string | number)[][];
}

/**
 * Split national per-period series into a long geo × product table that reconciles exactly: every
 * series is cut into whole cents by `splitCents`, so for each date and column the rows sum to the
 * national value to the cent. Cell shares are base(geo)·base(product), drifting slowly over time
 * (`driftingShares`, log-sd 0.12, persistence 0.97) and tilted per column by a fixed random offset
 * (log-sd 0.25: e.g. one channel leaning to one region).
 * @param rng seeded generator
 * @param dates ISO dates, shape [nTimes]
 * @param columns national series by column name (each shape [nTimes], amounts with at most 2 decimals)
 * @param dims geos and products with base shares
 * @param repeated national series repeated unchanged on every row of their date (each shape [nTimes]):
 *   controls and events, which describe the date, not a share of it (a market index, a holiday); they
 *   draw nothing from rng, so the split columns are the same with or without them
 * @returns columns ['date', 'geo', 'product', ...column names, ...repeated names]; rows in date, geo, product order
 * @example geoProductBreakdown(rng, ['2024-01-01'], { revenue: Float64Array.of(1) },
 *   { geos: [{ name: 'NA', share: 1 }], products: [{ name: 'a', share: 1 }] }).rows // [['2024-01-01', 'NA', 'a', 1]]
 */
export function geoProductBreakdown(
  rng: Rng,
  dates: readonly string[],
  columns: Readonly<Record<string, Float64Array>>,
  dims: BreakdownDimensions,
  repeated: Readonly<Record<string, Float64Array>> = {},
): LongTable {
  const n = dates.length;
  const cells: { geo: string; product: string; share: number }[] = [];
  for (const g of dims.geos) for (const p of dims.products) cells.push({ geo: g.name, product: p.name, share: g.share * p.share });
  const k = cells.length;
  const common = driftingShares(rng, n, cells.map((c) => c.share), 0.12, 0.97);
  const names = Object.keys(columns);
  const split = names.map((name) => {
    const shares = tiltShares(rng, common, k, 0.25);
    const out = new Float64Array(n * k);
    for (let t = 0; t < n; t++) {
      const parts = splitCents(toCents(columns[name][t]), shares.subarray(t * k, (t + 1) * k));
      for (let j = 0; j < k; j++) out[t * k + j] = parts[j] / 100;
    }
    return out;
  });
  const same = Object.keys(repeated);
  const rows: (string | number)[][] = [];
  for (let t = 0; t < n; t++) {
    const national = same.map((name) => repeated[name][t]);
    for (let j = 0; j < k; j++) rows.push([dates[t], cells[j].geo, cells[j].product, ...split.map((s) => s[t * k + j]), ...national]);
  }
  return { columns: ['date', 'geo', 'product', ...names, ...same], rows };
}
