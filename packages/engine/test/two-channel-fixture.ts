/** Shared test fixture: two channels with known adstock, Hill curves and coefficients. */
import type { ModelingTable } from '../src/spec/modeling-table.ts';
import { applyAdstock } from '../src/transforms/adstock/adstock.ts';
import { hillSaturation } from '../src/transforms/saturation/hill.ts';
import { createRng } from '../src/random/rng.ts';
import { normal } from '../src/random/distributions.ts';

export const N = 120;
export const ALPHA = [0.5, 0.2];
export const HILL = [{ type: 'hill' as const, halfSaturation: 1.1, shape: 1.4 }, { type: 'hill' as const, halfSaturation: 0.8, shape: 0.9 }];

/** Two channels, linear trend, no seasonality; KPI = 100 + 30·trend + b0·s0 + b1·s1 + noise. */
export function fixture(betas: number[], noise: number) {
  const rng = createRng(4);
  const dates = Array.from({ length: N }, (_, t) => new Date(Date.UTC(2022, 0, 3 + 7 * t)).toISOString().slice(0, 10));
  const spend = [0, 1].map(() => Float64Array.from({ length: N }, () => (rng.next() < 0.2 ? 0 : 50 + 100 * rng.next())));
  const sat = spend.map((x, c) => {
    const a = applyAdstock(x, { type: 'geometric', alpha: ALPHA[c] }, { maxLag: 8, normalised: true });
    let s = 0, k = 0;
    const floor = 1e-12 * Math.max(...a);
    for (const v of a) if (v > floor) { s += v; k++; }
    const out = new Float64Array(N);
    hillSaturation.apply(a.map((v) => v / (s / k)), HILL[c], out);
    return out;
  });
  const trend = Float64Array.from({ length: N }, (_, t) => t / (N - 1));
  const y = Float64Array.from({ length: N }, (_, t) => 100 + 30 * trend[t] + betas[0] * sat[0][t] + betas[1] * sat[1][t] + noise * normal(rng));
  const table: ModelingTable = {
    dates, frequency: 'weekly', target: { name: 'y', kind: 'revenue', values: y },
    channels: spend.map((s, c) => ({ name: `c${c}`, column: `c${c}_spend`, spend: s })), controls: [], events: [],
  };
  return { table, sat, trend, y };
}

