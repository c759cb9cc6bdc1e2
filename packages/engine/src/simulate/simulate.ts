import { normal } from '../random/distributions.ts';
import { createRng } from '../random/rng.ts';
import type { ModelingTable } from '../spec/modeling-table.ts';
import { adstockWeights } from '../transforms/adstock/adstock.ts';
import { baselineComponents } from './baseline/baseline-components.ts';
import type { BaselineComponent } from './baseline/baseline-components.ts';
import { isoDate, periodDayNumbers, periodDays } from '../calendar/dates.ts';
import { checkSimulationOptions } from './check-options.ts';
import { oracleStandardErrors } from './oracle-standard-errors.ts';
import { channelTruth } from './response/channel-truth.ts';
import type { ChannelTruthValues, StageMap } from './response/channel-truth.ts';
import { convertStage } from './response/convert-stage.ts';
import { mediaResponse } from './response/media-response.ts';
import { roundCents } from './round-cents.ts';
import { ar1 } from './spend/ar1.ts';
import { generateSpend } from './spend/generate-spend.ts';
import { exposureSeries } from './spend/exposure-series.ts';
import { baselineTotals, relativeSd, seriesSum } from './stage-totals.ts';
import type { SimulationResult, SimulationTruth, StageTruth } from './truth.ts';
import type { SimulationOptions } from './types.ts';

/** Plain array for truth.json; `+ 0` turns −0 (e.g. 0 × a negative coefficient) into 0, as JSON would. */
const plain = (x: ArrayLike<number>): number[] => Array.from(x, (v) => v + 0);

function contributionsRecord(channels: readonly { name: string }[], values: readonly ChannelTruthValues[], base: readonly BaselineComponent[]): Record<string, number[]> {
  const out: Record<string, number[]> = {};
  channels.forEach((c, i) => { out[c.name] = plain(values[i].contribution); });
  for (const b of base) out[b.name] = plain(b.values);
  return out;
}

function shares(values: readonly number[]): number[] {
  const total = values.reduce((a, b) => a + b, 0);
  return values.map((v) => (total === 0 ? 0 : v / total));
}

/**
 * Simulate a marketing data set with known ground truth, deterministic for `options.seed`.
 *
 * Truth convention (the fitted model uses the same one): for channel c,
 * a_c = adstock(spend_c) with normalised weights from zero carryover at t = 0;
 * scale_c = mean of a_c over periods where a_c > 0; s_c[t] = f_c(a_c[t] / scale_c);
 * contribution_c[t] = beta_c·s_c[t]. KPI[t] = baseline[t] + Σ_c contribution_c[t] + noise[t], with
 * baseline = intercept + trend + seasonality + events + controls (see `baselineComponents`) and
 * Gaussian noise of sd `noise`·mean(noiseless KPI); the KPI is rounded to cents and the recorded
 * noise is KPI − Σ components exactly. With `conversion` the first-stage KPI (e.g. pipeline) is
 * converted into the target (`convertStage`), its noise passed through, plus the second stage's own noise.
 * Spend: `generateSpend` per channel, all sharing one AR(1) budget factor. A channel with `exposure`
 * also gets an exposure series (exposureSeries) which, by default, is what its true response acts on.
 * @param options the data set's description (presets build these)
 * @returns the modeling table, the truth (JSON-serialisable) and, for two stages, the first-stage
 *   series as an extra column
 * @throws EngineError('INVALID_ARGUMENT') for invalid options (see `checkSimulationOptions`)
 * @example simulate(retailWeeklyOptions(1)).table.dates.length // 156
 */
export function simulate(options: SimulationOptions): SimulationResult {
  checkSimulationOptions(options);
  const o = options;
  const n = o.nTimes;
  const conv = o.conversion;
  const nBurn = conv?.maxLag ?? 0;
  const rng = createRng(o.seed);
  const spendRng = rng.fork();
  const baseRng = rng.fork();
  const noiseRng = rng.fork();

  const windowDays = periodDayNumbers(o.start, n, o.frequency);
  const step = periodDays(o.frequency);
  const allDays = new Int32Array(nBurn + n);
  for (let i = 0; i < allDays.length; i++) allDays[i] = windowDays[0] + (i - nBurn) * step;

  const budget = ar1(spendRng, n, o.budgetPersistence ?? (o.frequency === 'weekly' ? 0.8 : 0.97));
  const spends = o.channels.map((c) => generateSpend(spendRng, windowDays, c.spend, budget, o.budgetCorrelation));
  const exposures = o.channels.map((c, i) => (c.exposure === undefined ? undefined : exposureSeries(spends[i], windowDays, c.exposure)));
  // The series the true response acts on: the exposure when it drives the effect, else the spend.
  const drivers = o.channels.map((c, i) => (c.exposure !== undefined && (c.exposure.drives ?? 'exposure') === 'exposure' ? exposures[i] ?? spends[i] : spends[i]));
  const responses = o.channels.map((c, i) => mediaResponse(drivers[i], c));
  const betas = o.channels.map((c, i) => c.beta ?? ((c.roi ?? 0) * seriesSum(spends[i])) / seriesSum(responses[i].saturated));
  const base = baselineComponents(baseRng, allDays, step, nBurn, o.baseline);

  // First stage over burn-in + window (channels are zero in the burn-in).
  const identity: StageMap = (x) => x;
  const first = o.channels.map((c, i) => channelTruth(drivers[i], c, responses[i], betas[i], identity, spends[i]));
  const noiseless1 = new Float64Array(nBurn + n);
  for (const b of base.components) for (let t = 0; t < noiseless1.length; t++) noiseless1[t] += b.values[t];
  for (const f of first) for (let t = 0; t < n; t++) noiseless1[nBurn + t] += f.contribution[t];
  const sd1 = o.noise * (seriesSum(noiseless1.subarray(nBurn)) / n);
  const kpi1 = new Float64Array(nBurn + n);
  const noise1 = new Float64Array(nBurn + n);
  for (let t = 0; t < kpi1.length; t++) {
    kpi1[t] = roundCents(noiseless1[t] + normal(noiseRng, 0, sd1));
    noise1[t] = kpi1[t] - noiseless1[t];
  }
  const base1 = base.components.map((b) => ({ ...b, values: b.values.slice(nBurn) }));

  let kpi: Float64Array = kpi1.slice(nBurn);
  let noise: Float64Array = noise1.slice(nBurn);
  let noiseSd = sd1;
  let finals = first;
  let baseF: readonly BaselineComponent[] = base1;
  if (conv !== undefined) {
    const map: StageMap = (x) => convertStage(x, conv, n);
    finals = o.channels.map((c, i) => channelTruth(drivers[i], c, responses[i], betas[i], map, spends[i]));
    baseF = base.components.map((b) => ({ ...b, values: map(b.values) }));
    const noiseless = new Float64Array(n);
    for (const b of baseF) for (let t = 0; t < n; t++) noiseless[t] += b.values[t];
    for (const f of finals) for (let t = 0; t < n; t++) noiseless[t] += f.contribution[t];
    const sdOwn = conv.noise * (seriesSum(noiseless) / n);
    const passed = map(noise1);
    kpi = new Float64Array(n);
    noise = new Float64Array(n);
    for (let t = 0; t < n; t++) {
      kpi[t] = roundCents(noiseless[t] + passed[t] + normal(noiseRng, 0, sdOwn));
      noise[t] = kpi[t] - noiseless[t];
    }
    const h = adstockWeights(conv.delay, conv.maxLag, true);
    noiseSd = Math.sqrt(conv.winRate * conv.winRate * seriesSum(h.map((w) => w * w)) * sd1 * sd1 + sdOwn * sdOwn);
  }

  const dates = Array.from(windowDays, isoDate);
  const table: ModelingTable = {
    dates,
    frequency: o.frequency,
    target: { name: o.target.name, kind: o.target.kind, values: kpi },
    channels: o.channels.map((c, i) => {
      const x = exposures[i];
      return { name: c.name, column: `${c.name}_spend`, spend: spends[i], ...(x === undefined ? {} : { exposure: x, exposureColumn: `${c.name}_exposure` }) };
    }),
    controls: base.controls,
    events: base.events,
  };
  const kpiMean = seriesSum(kpi) / n;
  const spendShares = shares(finals.map((f) => f.spend));
  const effectShares = shares(finals.map((f) => f.total));
  const oracle = oracleStandardErrors([...finals.map((f) => f.contribution), ...baseF.map((b) => b.values)], noiseSd);
  const truth: SimulationTruth = {
    preset: o.preset, seed: o.seed, frequency: o.frequency, nTimes: n, start: dates[0], end: dates[n - 1],
    target: o.target.name, targetKind: o.target.kind, kpiMean, noiseSd, noiseShare: relativeSd(noise, kpiMean),
    channels: o.channels.map((c, i) => ({
      name: c.name, column: `${c.name}_spend`, adstock: c.adstock, maxLag: c.maxLag, saturation: c.saturation,
      scale: responses[i].scale, beta: betas[i], spend: finals[i].spend, contribution: finals[i].total,
      roi: finals[i].roi, mroi: finals[i].mroi, immediateShare: finals[i].immediateShare,
      shareOfSpend: spendShares[i], shareOfEffect: effectShares[i], oracleRoiSe: oracle[i] * finals[i].roi,
    })),
    baseline: baselineTotals(baseF),
    events: o.baseline.events.map((e, i) => ({ name: e.name, on: e.on, coefficient: base.eventCoefficients[i], total: seriesSum(baseF.find((b) => b.name === e.name)?.values ?? []) })),
    controls: o.baseline.controls.map((c, i) => ({ name: c.name, sign: c.sign, ...base.controlCoefficients[i], total: seriesSum(baseF.find((b) => b.name === c.name)?.values ?? []) })),
    contributions: contributionsRecord(o.channels, finals, baseF),
    noise: plain(noise),
    shareOfEffect: Object.fromEntries(o.channels.map((c, i) => [c.name, effectShares[i]])),
  };
  if (conv === undefined) return { table, truth };
  const window1 = kpi1.slice(nBurn);
  const mean1 = seriesSum(window1) / n;
  const pipeline: StageTruth = {
    target: conv.stage, kpiMean: mean1, noiseSd: sd1, noiseShare: relativeSd(noise1.subarray(nBurn), mean1),
    values: plain(window1),
    channels: o.channels.map((c, i) => ({ name: c.name, contribution: first[i].total, roi: first[i].roi, mroi: first[i].mroi, immediateShare: first[i].immediateShare })),
    baseline: baselineTotals(base1),
    contributions: contributionsRecord(o.channels, first, base1),
    noise: plain(noise1.subarray(nBurn)),
  };
  const conversion = { stage: conv.stage, winRate: conv.winRate, delay: conv.delay, maxLag: conv.maxLag, weights: plain(adstockWeights(conv.delay, conv.maxLag, true)) };
  return { table, truth: { ...truth, pipeline, conversion }, extraColumns: [{ name: conv.stage, values: window1 }] };
}
