import type { ModelingTable } from '../spec/modeling-table.ts';
import { modelingTableFromPanel } from '../spec/panel.ts';
import { createRng } from '../random/rng.ts';
import { normal } from '../random/distributions.ts';
import { applyAdstock } from '../transforms/adstock/adstock.ts';
import { hillSaturation } from '../transforms/saturation/hill.ts';
import { activeRows, channelScale } from '../design/channel-scale.ts';

/** A simulated geo panel for tests, with each channel's true national ROI over all rows. */
export interface TestPanel {
  readonly table: ModelingTable;
  /** True national ROI per channel over rows [0, weeks): Σ_g Σ_t contribution / Σ_t national spend. */
  readonly truthRoi: number[];
  /** True national spend per channel over the same rows. */
  readonly spend: number[];
  /**
   * True lift of an experiment on channel k: its spend in rows [startRow, endRow) switched off in the
   * given geos (indices; every geo when omitted), summed over those geos and rows [startRow, measureEndRow).
   */
  readonly trueLift: (k: number, rows: { startRow: number; endRow: number; measureEndRow: number }, geos?: readonly number[]) => number;
}

const CHANNELS = [
  { name: 'tv', alpha: 0.6, halfSaturation: 1.0, shape: 1.5, beta: 40_000, weekly: 20_000 },
  { name: 'search', alpha: 0.2, halfSaturation: 0.7, shape: 1.0, beta: 30_000, weekly: 10_000 },
  { name: 'social', alpha: 0.4, halfSaturation: 1.3, shape: 2.0, beta: 25_000, weekly: 8_000 },
];
const MAX_LAG = 8;

/**
 * A small geo panel with known truth, in the model's own form (spec/panel.ts) up to the geo sizes:
 * geo g has size p_g (lognormal), a baseline of u_g·100,000·p_g per week (u_g within ±30%) with shared
 * trend and yearly seasonality, a geo price control (coefficient −20,000 per unit, national-equivalent),
 * and three channels with shared geometric adstock and Hill curves fed with the geo's spend per unit of
 * size, x_g/p_g, scaled by the national adstocked spend's channelScale. The national spend is flighted
 * (tv), smooth (search) or noisy (social); its split across geos follows the sizes times a factor that
 * drifts over time differently in each geo (and tv goes dark in some geos some weeks), which is what a
 * geo model learns from. Noise: sd `noise` × the geo's baseline, a quarter of its variance a shock
 * common to all geos. The fit's shares are KPI shares, not p_g: a mild misspecification, as in practice.
 * With `perCapitaSpread` the per-capita levels u_g are log-normal with that log-sd instead (drawn from
 * their own generator, so the other draws are unchanged), making KPI shares differ more from p_g; with
 * `sizes` the table carries p_g as its size column `population` (table.panel.size), so a fit uses them.
 * @param seed random seed
 * @param options nGeos (12), weeks (130), noise (0.08), perCapitaSpread (none: u_g within ±30%), sizes (false)
 * @example simulateTestPanel(1).truthRoi.length // 3
 */
export function simulateTestPanel(seed: number, options: { nGeos?: number; weeks?: number; noise?: number; perCapitaSpread?: number; sizes?: boolean; exposure?: PanelExposure } = {}): TestPanel {
  const nG = options.nGeos ?? 12, n = options.weeks ?? 130, noise = options.noise ?? 0.08;
  const rng = createRng(seed);
  const raw = Array.from({ length: nG }, () => Math.exp(normal(rng, 0, 0.6)));
  const rawTotal = raw.reduce((a, b) => a + b, 0);
  const p = raw.map((v) => v / rawTotal);
  const uniform = p.map(() => 1 + 0.6 * (rng.next() - 0.5));
  const spread = options.perCapitaSpread;
  const capitaRng = createRng(seed + 7919);
  const u = spread === undefined ? uniform : p.map(() => Math.exp(spread * normal(capitaRng)));
  const dates = Array.from({ length: n }, (_, t) => new Date(Date.UTC(2022, 0, 3 + 7 * t)).toISOString().slice(0, 10));
  const base = Float64Array.from({ length: n }, (_, t) => 100_000 * (1 + 0.001 * t + 0.08 * Math.sin((2 * Math.PI * t) / 52) + 0.04 * Math.cos((2 * Math.PI * t) / 52)));
  // National spend per channel: tv in flights, search smooth, social noisy.
  let on = true, left = 4;
  const national = CHANNELS.map((c, k) => Float64Array.from({ length: n }, (_, t) => {
    if (k === 0) {
      if (left-- <= 0) { on = !on; left = 2 + Math.floor(rng.next() * 4); }
      return on ? c.weekly * (0.8 + 1.2 * rng.next()) : 0;
    }
    if (k === 1) return c.weekly * (1 + 0.3 * Math.sin((2 * Math.PI * t) / 26) + 0.2 * rng.next());
    return c.weekly * (0.3 + 1.4 * rng.next());
  }));
  // Geo split: size × a factor drifting with a geo-specific phase and period, plus noise.
  const spend = CHANNELS.map((_, c) => {
    const phase = p.map(() => 2 * Math.PI * rng.next());
    const period = p.map(() => 20 + 40 * rng.next());
    const geo = p.map(() => new Float64Array(n));
    for (let t = 0; t < n; t++) {
      const w = p.map((pg, g) => {
        const dark = c === 0 && rng.next() < 0.15 ? 0 : 1;
        return dark * pg * Math.exp(0.6 * Math.sin((2 * Math.PI * t) / period[g] + phase[g]) + 0.3 * normal(rng));
      });
      const total = w.reduce((a, b) => a + b, 0) || 1;
      for (let g = 0; g < nG; g++) geo[g][t] = (national[c][t] * w[g]) / total;
    }
    return geo;
  });
  // National spend as the sum of the geo spend (exactly what the table's national column will be).
  const nationalSum = spend.map((geo) => Float64Array.from({ length: n }, (_, t) => geo.reduce((a, x) => a + x[t], 0)));
  // What drives each channel's effect: its spend, or with `exposure` its impressions at the window's average cost.
  const impressions = options.exposure === undefined ? undefined : exposureSeries(spend, nationalSum, options.exposure);
  const driver = (k: number) => impressions?.equivalent[k] ?? spend[k];
  // Geo g's contribution of channel k for its driver series x (by default the geo's own spend, or its impressions' spend-equivalent).
  const geoContribution = (k: number, g: number, x: Float64Array = driver(k)[g]): Float64Array => {
    const c = CHANNELS[k];
    const spec = { type: 'geometric' as const, alpha: c.alpha };
    const total = Float64Array.from({ length: n }, (_, t) => driver(k).reduce((a, v) => a + v[t], 0));
    const scale = channelScale(applyAdstock(total, spec, { maxLag: MAX_LAG, normalised: true }), activeRows(total, MAX_LAG));
    const hill = { type: 'hill' as const, halfSaturation: c.halfSaturation, shape: c.shape };
    const pg = p[g];
    const a = applyAdstock(Float64Array.from(x, (v) => v / pg), spec, { maxLag: MAX_LAG, normalised: true });
    return Float64Array.from(a, (v) => pg * c.beta * hillSaturation.value(v / scale, hill));
  };
  const contribution = CHANNELS.map((_, k) => p.map((_, g) => geoContribution(k, g)));
  const trueLift: TestPanel['trueLift'] = (k, rows, geos) => {
    let lift = 0;
    for (const g of geos ?? p.map((_, j) => j)) {
      const dark = Float64Array.from(driver(k)[g]).fill(0, rows.startRow, rows.endRow);
      const without = geoContribution(k, g, dark);
      for (let t = rows.startRow; t < rows.measureEndRow; t++) lift += contribution[k][g][t] - without[t];
    }
    return lift;
  };
  const price = p.map(() => {
    const z = new Float64Array(n);
    let s = 0;
    for (let t = 0; t < n; t++) { s = 0.8 * s + 0.03 * normal(rng); z[t] = 1 + s; }
    return z;
  });
  const common = Float64Array.from({ length: n }, () => normal(rng));
  const kpi = p.map((pg, g) => Float64Array.from({ length: n }, (_, t) => {
    let y = pg * (u[g] * base[t] - 20_000 * (price[g][t] - 1));
    for (let k = 0; k < CHANNELS.length; k++) y += contribution[k][g][t];
    return y + noise * pg * u[g] * base[t] * (0.5 * common[t] + Math.sqrt(0.75) * normal(rng));
  }));
  const table = modelingTableFromPanel({
    dates, frequency: 'weekly', column: 'geo', geos: p.map((_, g) => `geo${g + 1}`),
    target: { name: 'sales', values: kpi },
    channels: CHANNELS.map((c, k) => ({ name: c.name, spend: spend[k], ...(impressions === undefined ? {} : { exposure: impressions.raw[k], exposureColumn: `${c.name}_impressions` }) })),
    controls: [{ name: 'price', sign: 'negative', values: price }],
    ...(options.sizes === true ? { size: { column: 'population', values: p } } : {}),
  });
  const truthRoi = CHANNELS.map((_, k) => {
    let c = 0, s = 0;
    for (let t = 0; t < n; t++) { s += nationalSum[k][t]; for (let g = 0; g < nG; g++) c += contribution[k][g][t]; }
    return c / s;
  });
  return { table, truthRoi, spend: nationalSum.map((x) => x.reduce((a, b) => a + b, 0)), trueLift };
}

/**
 * Impressions bought at a cost per 1,000 that drifts over time (the same in every geo): cpm_t =
 * cpm·(1 + drift·t/n)·(1 + seasonal·sin(2π(t/52 + c/3))) for channel c. Each channel's effect then runs on its
 * impressions at the window's average cost (spend-equivalent e = impressions × Σ spend / Σ impressions),
 * so spend and exposure differ in shape. No random draws: the other draws are unchanged.
 */
export interface PanelExposure {
  readonly cpm: number;
  readonly drift: number;
  readonly seasonal: number;
}

/** Per channel, each geo's impressions (whole numbers) and their spend-equivalent e at the national average cost. */
function exposureSeries(spend: readonly Float64Array[][], national: readonly Float64Array[], e: PanelExposure): { raw: Float64Array[][]; equivalent: Float64Array[][] } {
  const n = national[0].length;
  const raw = spend.map((geo, c) => {
    const cost = Float64Array.from({ length: n }, (_, t) => (e.cpm / 1000) * (1 + (e.drift * t) / n) * (1 + e.seasonal * Math.sin(2 * Math.PI * (t / 52 + c / 3))));
    return geo.map((x) => Float64Array.from(x, (v, t) => Math.round(v / cost[t])));
  });
  const equivalent = raw.map((geo, c) => {
    let s = 0, x = 0;
    for (let t = 0; t < n; t++) { s += national[c][t]; for (const r of geo) x += r[t]; }
    return geo.map((r) => r.map((v) => (v * s) / x));
  });
  return { raw, equivalent };
}

/** Spend-weighted mean absolute relative ROI error: Σ_c spend_c·|roi_c − truth_c| / truth_c ÷ Σ_c spend_c. */
export function panelRoiError(sim: TestPanel, roi: readonly number[]): number {
  let e = 0, w = 0;
  sim.truthRoi.forEach((truth, c) => { e += sim.spend[c] * (Math.abs(roi[c] - truth) / truth); w += sim.spend[c]; });
  return e / w;
}
