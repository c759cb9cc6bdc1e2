import { EngineError } from '../../errors.ts';
import { normal } from '../../random/distributions.ts';
import { createRng } from '../../random/rng.ts';
import { isoDate, periodDayNumbers } from '../../calendar/dates.ts';
import { geoShares, modelingTableFromPanel } from '../../spec/panel.ts';
import { applyAdstock } from '../../transforms/adstock/adstock.ts';
import { baselineComponents } from '../baseline/baseline-components.ts';
import { controlSeries } from '../baseline/control-series.ts';
import { oracleStandardErrors } from '../oracle-standard-errors.ts';
import { activeMean } from '../response/media-response.ts';
import { roundCents } from '../round-cents.ts';
import { ar1 } from '../spend/ar1.ts';
import { generateSpend } from '../spend/generate-spend.ts';
import { baselineTotals, relativeSd, seriesSum } from '../stage-totals.ts';
import type { SimulatedBaseline } from '../types.ts';
import { GEO_PANEL_CHANNELS } from './geo-panel-defaults.ts';
import type { GeoPanelChannel } from './geo-panel-defaults.ts';
import { geoNames, geoSizes } from './geo-sizes.ts';
import { splitSpendByGeo } from './geo-spend-split.ts';
import type { GeoPanelResult, GeoPanelTruth } from './geo-truth.ts';
import { panelImmediateShare, panelMarginalRoi, panelResponse } from './panel-media.ts';
import { panelOracleStandardErrors } from './panel-oracle.ts';

/** Options of simulateGeoPanel; every field has a default (the 'geo' preset). */
export interface GeoPanelOptions {
  readonly seed?: number;
  /** Number of geos (default 20). */
  readonly nGeos?: number;
  /** Number of weeks (default 156: 3 years). */
  readonly weeks?: number;
  /** First Monday (default 2022-01-03). */
  readonly start?: string;
  /** Noise sd of a geo of average size, as a fraction of its mean KPI (default 0.1); Var ∝ size. */
  readonly noise?: number;
  /** Log-sd of the geo sizes (default 0.9). */
  readonly sizeSpread?: number;
  /** National baseline KPI per week (default 1.8M). */
  readonly level?: number;
  readonly channels?: readonly GeoPanelChannel[];
  /**
   * Log-sd of each geo's baseline KPI per head (default 0): with 0 each geo's share of the KPI equals
   * its size (population share); above 0 the per-capita intercept varies log-normally across geos while
   * the media response per head stays shared, so the KPI shares differ from the population shares.
   */
  readonly perCapitaSpread?: number;
  /**
   * Give the table a `population` size column (table.panel.size; data.csv's `population`), each geo's
   * size times POPULATION_TOTAL rounded to a whole head count (default: true when perCapitaSpread > 0).
   */
  readonly population?: boolean;
}

/** Total head count over geos of the simulated `population` column. */
export const POPULATION_TOTAL = 40_000_000;

/** National shared baseline in national-equivalent units: trend, seasonality, events and the price control. */
const baselineSpec = (level: number): SimulatedBaseline => ({
  level,
  growthPerYear: 0.04,
  yearly: [{ amplitude: 0.08, peak: 0.92 }, { amplitude: 0.03, peak: 0.2 }],
  events: [{ name: 'black_friday', on: 'black-friday', effect: 0.25 }, { name: 'christmas', on: 'christmas-shopping', effect: 0.18 }],
  controls: [{ name: 'price', sign: 'negative', effect: -0.03, series: { type: 'price', base: 49.9, volatility: 0.03, persistence: 0.85 } }],
});
/**
 * The geo-level control: a competitor-pressure index per geo (AR(1), mean 100, sd 8), −0.3 % of the
 * baseline level per point above 100. Continuous, so a national roll-up averages it (a 0/1 geo flag
 * would be read as an event and rolled up by its largest value).
 */
const COMPETITOR_EFFECT = -0.003;
const COMPETITOR_MEAN = 100;

const plain = (x: ArrayLike<number>): number[] => Array.from(x, (v) => v + 0);
const sumGeos = (perGeo: readonly Float64Array[]): Float64Array => {
  const out = new Float64Array(perGeo[0].length);
  for (const x of perGeo) for (let t = 0; t < x.length; t++) out[t] += x[t];
  return out;
};

/**
 * Simulate a weekly geo panel with known truth, generated exactly by the geo-level model of
 * spec/panel.ts: with s_g the geo's size, geo g's KPI is
 *   y_{g,t} = s_g·[μ_g + trend(t) + seasonality(t) + events(t) + γ_price·(price_t − ref) + γ_comp·(competitor_{g,t} − 100)
 *             + Σ_c β_c f_c(A_c(x_{g,c}/s_g)[t] / scale_c)] + ε_{g,t},  Var(ε_g) ∝ s_g,
 * rounded to cents. Sizes are log-normal (geoSizes); each channel's national spend (generateSpend,
 * one shared budget factor) is split over geos with shares tilted away from the sizes, drifting, and
 * with geo tests and dark weeks (splitSpendByGeo): the geo variation that identifies the curves.
 * scale_c is the national convention (mean adstocked national spend over its active rows); β_c is solved
 * so the national ROI is the channel's `roi`. Each geo's intercept μ_g is set so the geo's share of
 * the KPI equals s_g (to rounding): geoShares of the table then gives back the generating sizes. With
 * perCapitaSpread > 0 the intercepts are set so the KPI shares are s_g·m_g (normalised), m_g a
 * log-normal per-capita level: the media still act on x_g/s_g, so only the size column (population,
 * table.panel.size) gives a fit the generating s_g.
 * @param options geos, weeks, noise, sizes, level, channels (defaults: the 'geo' preset)
 * @returns the panel ModelingTable (modelingTableFromPanel; national columns are the geo sums) and the truth
 * @throws EngineError('INVALID_ARGUMENT') for invalid options
 * @example simulateGeoPanel({ seed: 1 }).table.panel?.geos.length // 20
 */
export function simulateGeoPanel(options: GeoPanelOptions = {}): GeoPanelResult {
  const seed = options.seed ?? 1;
  const nGeos = options.nGeos ?? 20;
  const n = options.weeks ?? 156;
  const start = options.start ?? '2022-01-03';
  const noise = options.noise ?? 0.1;
  const level = options.level ?? 1_800_000;
  const channels = options.channels ?? GEO_PANEL_CHANNELS;
  if (!(Number.isInteger(n) && n >= 52)) throw new EngineError('INVALID_ARGUMENT', `simulateGeoPanel: weeks must be an integer ≥ 52, got ${n}`);
  if (!(noise >= 0 && noise < 1)) throw new EngineError('INVALID_ARGUMENT', `simulateGeoPanel: noise must be in [0, 1), got ${noise}`);
  if (!(level > 0)) throw new EngineError('INVALID_ARGUMENT', `simulateGeoPanel: level must be > 0, got ${level}`);
  if (channels.length === 0) throw new EngineError('INVALID_ARGUMENT', 'simulateGeoPanel: need at least one channel');
  const perCapitaSpread = options.perCapitaSpread ?? 0;
  if (!(perCapitaSpread >= 0 && perCapitaSpread <= 2)) throw new EngineError('INVALID_ARGUMENT', `simulateGeoPanel: perCapitaSpread must be in [0, 2], got ${perCapitaSpread}`);

  const rng = createRng(seed);
  const sizeRng = rng.fork(), spendRng = rng.fork(), splitRng = rng.fork(), baseRng = rng.fork(), noiseRng = rng.fork(), capitaRng = rng.fork();
  const sizes = geoSizes(sizeRng, nGeos, options.sizeSpread ?? 0.9);
  const kpiShares = perCapitaShares(capitaRng, sizes, perCapitaSpread);
  const population = (options.population ?? perCapitaSpread > 0)
    ? { column: 'population', values: Array.from(sizes, (v) => Math.max(1, Math.round(v * POPULATION_TOTAL))) } : undefined;
  const geos = geoNames(nGeos);
  const days = periodDayNumbers(start, n, 'weekly');
  const dates = Array.from(days, isoDate);

  // Media: national flighting, split over geos, shared curves on spend per unit of size.
  const budget = ar1(spendRng, n, 0.8);
  const national = channels.map((c) => generateSpend(spendRng, days, c.spend, budget, 0.4));
  const splits = channels.map((c, i) => splitSpendByGeo(splitRng, national[i], sizes, c.split));
  const geoSpend = splits.map((s) => s.spend);
  const scales = channels.map((c, i) => activeMean(applyAdstock(national[i], c.adstock, { maxLag: c.maxLag, normalised: true }), national[i], c.maxLag));
  const responses = channels.map((c, i) => panelResponse(geoSpend[i], sizes, c, scales[i]));
  const spendTotals = national.map(seriesSum);
  const betas = channels.map((c, i) => (c.roi * spendTotals[i]) / responses[i].reduce((a, r) => a + seriesSum(r), 0));
  const media = responses.map((perGeo, i) => perGeo.map((r) => r.map((v) => v * betas[i])));

  // Baseline: shared national components (national-equivalent units) times each geo's size.
  const base = baselineComponents(baseRng, days, 7, 0, baselineSpec(level));
  const shared = base.components.filter((b) => b.group !== 'intercept');
  const compCoef = level * COMPETITOR_EFFECT;
  const competitor = geos.map(() => controlSeries(baseRng, n, { type: 'ar1', mean: COMPETITOR_MEAN, sd: 8, persistence: 0.8 }).values);

  // Everything but the intercept, then each geo's intercept so its KPI share is exactly kpiShares[g] (s_g without a per-capita spread).
  const rest = geos.map((_, g) => {
    const x = new Float64Array(n);
    for (const b of shared) for (let t = 0; t < n; t++) x[t] += sizes[g] * b.values[t];
    for (let t = 0; t < n; t++) x[t] += sizes[g] * compCoef * (competitor[g][t] - COMPETITOR_MEAN);
    for (const m of media) for (let t = 0; t < n; t++) x[t] += m[g][t];
    return x;
  });
  const noiselessMean = (level * n + rest.reduce((a, x) => a + seriesSum(x), 0)) / n;
  const noiseSds = geos.map((_, g) => noise * noiselessMean * Math.sqrt(sizes[g] / nGeos));
  const eps = geos.map((_, g) => Float64Array.from({ length: n }, () => normal(noiseRng, 0, noiseSds[g])));
  const grand = level * n + rest.reduce((a, x) => a + seriesSum(x), 0) + eps.reduce((a, e) => a + seriesSum(e), 0);
  const intercepts = geos.map((_, g) => (kpiShares[g] * grand - seriesSum(rest[g]) - seriesSum(eps[g])) / n);
  intercepts.forEach((v, g) => {
    if (!(v > 0)) throw new EngineError('INVALID_ARGUMENT', `simulateGeoPanel: geo ${geos[g]} came out with a negative baseline; lower the channels' ROIs or the noise`);
  });
  const kpi = geos.map((_, g) => Float64Array.from(rest[g], (x, t) => roundCents(intercepts[g] + x + eps[g][t])));
  const geoNoise = geos.map((_, g) => Float64Array.from(kpi[g], (y, t) => y - intercepts[g] - rest[g][t]));

  const table = modelingTableFromPanel({
    dates, frequency: 'weekly', column: 'geo', geos,
    target: { name: 'revenue', kind: 'revenue', values: kpi },
    channels: channels.map((c, i) => ({ name: c.name, spend: geoSpend[i] })),
    controls: [
      { name: 'price', sign: 'negative', values: base.controls[0].values },
      { name: 'competitor_index', sign: 'negative', values: competitor },
    ],
    events: base.events,
    ...(population === undefined ? {} : { size: population }),
  });
  const shares = geoShares({ column: 'geo', geos, target: kpi });

  // National truth: sums over geos.
  const channelContrib = media.map(sumGeos);
  const channelTotals = channelContrib.map(seriesSum);
  const interceptSeries = new Float64Array(n).fill(intercepts.reduce((a, b) => a + b, 0));
  const compPerGeo = competitor.map((p, g) => p.map((v) => sizes[g] * compCoef * (v - COMPETITOR_MEAN)));
  const compNational = sumGeos(compPerGeo);
  const baseF = [
    { name: 'intercept', group: 'intercept' as const, values: interceptSeries },
    ...shared,
    { name: 'competitor_index', group: 'controls' as const, values: compNational },
  ];
  const nationalNoise = sumGeos(geoNoise);
  const target = table.target.values;
  const kpiMean = seriesSum(target) / n;
  const nationalNoiseSd = Math.sqrt(noiseSds.reduce((a, s) => a + s * s, 0));
  const mroi = channels.map((c, i) => panelMarginalRoi(geoSpend[i], sizes, c, scales[i], betas[i]));
  const immediate = channels.map((c, i) => panelImmediateShare(geoSpend[i], c, media[i]));
  // Oracles: shared components per geo (panel) and their national sums.
  const perGeoShared = (values: Float64Array): Float64Array[] => geos.map((_, g) => values.map((v) => sizes[g] * v));
  const panelComponents = [...media, ...shared.map((b) => perGeoShared(b.values)), compPerGeo];
  const panelOracle = panelOracleStandardErrors(panelComponents, sizes, noise * noiselessMean / Math.sqrt(nGeos));
  const nationalOracle = oracleStandardErrors([...channelContrib, ...baseF.map((b) => b.values)], nationalNoiseSd);
  const totalEffect = channelTotals.reduce((a, b) => a + b, 0);
  const totalSpend = spendTotals.reduce((a, b) => a + b, 0);

  const contributions: Record<string, number[]> = {};
  channels.forEach((c, i) => { contributions[c.name] = plain(channelContrib[i]); });
  for (const b of baseF) contributions[b.name] = plain(b.values);
  const truth: GeoPanelTruth = {
    preset: 'geo', seed, frequency: 'weekly', nTimes: n, start: dates[0], end: dates[n - 1],
    target: 'revenue', targetKind: 'revenue', kpiMean, noiseSd: nationalNoiseSd, noiseShare: relativeSd(nationalNoise, kpiMean),
    channels: channels.map((c, i) => ({
      name: c.name, column: `${c.name}_spend`, adstock: c.adstock, maxLag: c.maxLag, saturation: c.saturation,
      scale: scales[i], beta: betas[i], spend: spendTotals[i], contribution: channelTotals[i],
      roi: channelTotals[i] / spendTotals[i], mroi: mroi[i], immediateShare: immediate[i],
      shareOfSpend: spendTotals[i] / totalSpend, shareOfEffect: channelTotals[i] / totalEffect,
      oracleRoiSe: panelOracle[i] * channelTotals[i] / spendTotals[i],
      nationalOracleRoiSe: nationalOracle[i] * channelTotals[i] / spendTotals[i],
    })),
    baseline: baselineTotals(baseF),
    events: base.events.map((e, k) => ({ name: e.name, on: baselineSpec(level).events[k].on, coefficient: base.eventCoefficients[k], total: seriesSum(shared.find((b) => b.name === e.name)?.values ?? []) })),
    controls: [
      { name: 'price', sign: 'negative', ...base.controlCoefficients[0], total: seriesSum(shared.find((b) => b.name === 'price')?.values ?? []), geoLevel: false },
      { name: 'competitor_index', sign: 'negative', coefficient: compCoef, reference: COMPETITOR_MEAN, total: seriesSum(compNational), geoLevel: true },
    ],
    contributions,
    noise: plain(nationalNoise),
    shareOfEffect: Object.fromEntries(channels.map((c, i) => [c.name, channelTotals[i] / totalEffect])),
    geo: {
      column: 'geo',
      ...(population === undefined ? {} : { sizeColumn: population.column }),
      perCapitaSpread,
      geos: geos.map((name, g) => ({
        name, size: sizes[g], share: shares[g], ...(population === undefined ? {} : { population: population.values[g] }), kpi: seriesSum(kpi[g]), intercept: intercepts[g] / sizes[g], noiseSd: noiseSds[g],
        channels: channels.map((c, i) => {
          const spend = seriesSum(geoSpend[i][g]);
          const contribution = seriesSum(media[i][g]);
          return { name: c.name, spend, contribution, roi: spend > 0 ? contribution / spend : 0 };
        }),
      })),
      tests: channels.flatMap((c, i) => splits[i].dark.tests.map((t) => ({ channel: c.name, geo: geos[t.geo], start: dates[t.start], end: dates[t.end - 1] }))),
      contributions: Object.fromEntries(geos.map((name, g) => [name, Object.fromEntries(channels.map((c, i) => [c.name, plain(media[i][g])]))])),
    },
  };
  return { table, truth };
}

/**
 * Each geo's share of the KPI to generate: its size times a per-capita level exp(spread·z_g) (z_g
 * standard normal), normalised to sum to 1; the sizes themselves when spread is 0 (no draws then, so
 * the other streams are those of a panel without per-capita variation).
 */
function perCapitaShares(rng: Parameters<typeof normal>[0], sizes: Float64Array, spread: number): Float64Array {
  if (spread === 0) return sizes;
  const raw = Array.from(sizes, (s) => s * Math.exp(spread * normal(rng)));
  const total = raw.reduce((a, b) => a + b, 0);
  return Float64Array.from(raw, (v) => v / total);
}
