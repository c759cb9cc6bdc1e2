import type { MmmModel, ModelChannel } from './mmm-model.ts';
import { MODEL_SCHEMA_VERSION } from './mmm-model.ts';
import { defaultModelSpec } from '../spec/model-spec.ts';
import { createRng } from '../random/rng.ts';

/** Geo shares of the test panels (sum to 1). */
export const SHARES = [0.5, 0.3, 0.2];

/**
 * A hand-built national model (60 weeks, window [4, 56), 8 held out; three channels, a trend and a
 * price control) for the panel tests to split across geos.
 */
export function nationalModel(seed = 5): MmmModel {
  const n = 60, rng = createRng(seed);
  const spend = (p: number, level: number) => Array.from({ length: n }, () => (rng.next() < p ? 0 : level * (0.3 + rng.next())));
  const ch = (name: string, s: number[], alpha: number, half: number, shape: number, scale: number, coef: number): ModelChannel => ({
    name, column: `${name}_spend`, spend: s, adstock: { type: 'geometric', alpha }, maxLag: 6,
    saturation: { type: 'hill', halfSaturation: half, shape }, scale, coef,
  });
  const channels = [
    ch('tv', spend(0.3, 5000), 0.6, 1.2, 2, 4000, 30000),
    ch('search', spend(0.05, 2000), 0.2, 0.8, 0.9, 1800, 9000),
    ch('social', spend(0.2, 1500), 0.4, 1, 1.3, 1200, 2500),
  ];
  const trend = Array.from({ length: n }, (_, t) => t / (n - 1));
  return {
    schemaVersion: MODEL_SCHEMA_VERSION,
    target: { name: 'revenue', kind: 'revenue' },
    frequency: 'weekly',
    dates: Array.from({ length: n }, (_, t) => new Date(Date.UTC(2022, 0, 3 + 7 * t)).toISOString().slice(0, 10)),
    window: { start: 4, end: 56 },
    holdout: 8,
    spec: defaultModelSpec({ nTimes: n, frequency: 'weekly', channels: channels.map((c) => c.name) }),
    intercept: 50000,
    channels,
    baseline: [
      { name: 'trend', kind: 'trend', values: trend, coef: 8000 },
      { name: 'price', kind: 'control', values: trend.map((_, t) => 10 + (t % 4)), coef: -500 },
    ],
    actual: Array.from({ length: n }, () => 80000 + 10000 * rng.next()),
    search: { nCandidates: 0, objectives: [], chosen: { objectives: [], score: 0 }, pareto: [], selectionRule: 'none' },
    bootstrapRoi: [],
  };
}

/**
 * `national` split into SHARES.length geos, consistently with the national model: each channel's spend
 * split per period by random weights (or exactly by the shares when `proportional`), so the geos sum
 * to the national spend; intercepts μ_g with Σ s_g μ_g = intercept; the price control per geo with
 * share-weighted mean equal to the national values; each geo's KPI a random part of the national KPI.
 */
export function panelModel(national: MmmModel, proportional = false, seed = 9): MmmModel {
  const rng = createRng(seed), n = national.dates.length, G = SHARES.length;
  const split = (): number[][] => {
    const parts = SHARES.map(() => new Array<number>(n).fill(0));
    for (let t = 0; t < n; t++) {
      const r = SHARES.map((s) => (proportional ? s : s * (0.3 + 1.4 * rng.next())));
      const total = r.reduce((a, b) => a + b, 0);
      for (let g = 0; g < G; g++) parts[g][t] = r[g] / total;
    }
    return parts;
  };
  const channels = national.channels.map((ch) => {
    const w = split();
    return { ...ch, panel: { shares: SHARES, spend: w.map((wg) => ch.spend.map((v, t) => v * wg[t])) } };
  });
  // Deviations with Σ_g s_g d_g = 0: d_2 solves for the rest.
  const centred = (a: number, b: number): number[] => [a, b, -(SHARES[0] * a + SHARES[1] * b) / SHARES[2]];
  const mu = centred(4000, -3000).map((d) => national.intercept + d);
  const baseline = national.baseline.map((b) => {
    if (b.kind !== 'control') return b;
    const dev = Array.from({ length: n }, () => centred(rng.next() - 0.5, rng.next() - 0.5));
    return { ...b, panelValues: SHARES.map((_, g) => b.values.map((v, t) => v + dev[t][g])) };
  });
  const kpiSplit = split();
  return {
    ...national,
    channels,
    baseline,
    panel: { column: 'geo', geos: ['north', 'south', 'west'], shares: SHARES, intercepts: mu, actual: kpiSplit.map((wg) => national.actual.map((v, t) => v * wg[t])) },
  };
}
