import { EngineError } from '../errors.ts';
import { permutation, uniform, uniformInt } from '../random/distributions.ts';
import type { Rng } from '../random/rng.ts';
import type { AdstockSpec } from '../transforms/adstock/types.ts';
import { dayNumber, isoDate } from '../calendar/dates.ts';
import type { HolidayKind } from './calendar/holidays.ts';
import { derivedRng } from './derived-rng.ts';
import { simulate } from './simulate.ts';
import type { SpendPattern } from './spend/spend-pattern.ts';
import type { SimulationResult } from './truth.ts';
import type { SimulatedChannel, SimulatedEvent, SimulationOptions } from './types.ts';

/** Knobs that override the random draws of `randomScenario`. */
export interface RandomScenarioOptions {
  /** Number of weeks (default: drawn in 104–208). */
  readonly nTimes?: number;
  /** Number of channels, 1–10 (default: drawn in 3–5). */
  readonly nChannels?: number;
  /** Noise sd as a fraction of mean KPI (default: drawn in 0.02–0.12). */
  readonly noise?: number;
}

const CHANNEL_NAMES = ['tv', 'search', 'social', 'display', 'radio', 'ooh', 'video', 'podcast', 'print', 'affiliate'];
// Black Friday and Thanksgiving share a week, so only one of them is in the pool.
const HOLIDAYS: readonly HolidayKind[] = ['black-friday', 'christmas-shopping', 'easter', 'valentines', 'new-year'];
const logUniform = (rng: Rng, lo: number, hi: number): number => Math.exp(uniform(rng, Math.log(lo), Math.log(hi)));

function drawAdstock(rng: Rng): { adstock: AdstockSpec; maxLag: number } {
  const u = rng.next();
  if (u < 0.5) {
    const alpha = uniform(rng, 0.1, 0.8);
    return { adstock: { type: 'geometric', alpha }, maxLag: Math.min(52, Math.max(8, Math.ceil(Math.log(0.01) / Math.log(alpha)))) };
  }
  const shape = uniform(rng, 1.5, 3);
  const peak = uniform(rng, 2, 12);
  if (u < 0.75) {
    // Weibull-PDF weights w[l] = f(l + 1): the density's mode λ((k−1)/k)^(1/k) sits at lag `peak`.
    return { adstock: { type: 'weibull-pdf', shape, scale: (peak + 1) / Math.pow((shape - 1) / shape, 1 / shape) }, maxLag: 52 };
  }
  // Weibull-CDF survival decays from lag 0; put its median (half the effect gone) at lag `peak`.
  return { adstock: { type: 'weibull-cdf', shape, scale: peak / Math.pow(Math.LN2, 1 / shape) }, maxLag: 52 };
}

/** Spend for a channel; long-lag channels get slower-moving spend, whose variation survives the smoothing. */
function drawSpend(rng: Rng, mean: number, longLag: boolean): SpendPattern {
  if (rng.next() < 0.35) {
    return { type: 'flighted', mean, volatility: uniform(rng, 0.2, 0.5), onLength: [2, uniformInt(rng, 4, 8)], offLength: [1, uniformInt(rng, 3, 8)] };
  }
  const persistence = longLag ? uniform(rng, 0.7, 0.9) : uniform(rng, 0.2, 0.8);
  return { type: 'always-on', mean, volatility: uniform(rng, 0.6, 1), persistence, zeroShare: rng.next() < 0.3 ? 0.03 : 0 };
}

/**
 * Options for a random weekly scenario (the description `randomScenario` simulates), for accuracy
 * benchmarks on data no model was tuned on. Draws: 104–208 weeks from a Monday in 2021; 3–5 channels
 * (names from a pool); spend always-on (AR(1), volatility 0.4–0.9) or flighted, means 5k–150k a week
 * (log-uniform); adstock geometric (α 0.1–0.8) or long Weibull-PDF (peak at lag 2–12) / Weibull-CDF
 * (median lag 2–12) with maxLag 52; Hill saturation concave (shape 0.6–1) or S-shaped (1.5–3) with
 * half-saturation 0.5–2 (log-uniform, scaled units); true ROIs 0.3–5 stratified on the log scale so
 * they spread; budget correlation 0.2–0.8; noise 2–12 % of mean KPI; media effect 15–40 % of the KPI;
 * trend −5…+10 % a year; yearly seasonality; two holiday events and one random one-off event; one
 * AR(1) control with a known sign.
 * @param seed random seed (also the simulation seed)
 * @param options overrides for nTimes, nChannels and noise
 * @throws EngineError('INVALID_ARGUMENT') for nTimes < 10, nChannels outside 1–10 or noise < 0
 * @example randomScenarioOptions(7, { nChannels: 4 }).channels.length // 4
 */
export function randomScenarioOptions(seed: number, options: RandomScenarioOptions = {}): SimulationOptions {
  const rng = derivedRng(seed, 'random-scenario');
  const nTimes = options.nTimes ?? uniformInt(rng, 104, 208);
  const nChannels = options.nChannels ?? uniformInt(rng, 3, 5);
  const noise = options.noise ?? uniform(rng, 0.02, 0.12);
  if (!Number.isInteger(nTimes) || nTimes < 10) throw new EngineError('INVALID_ARGUMENT', `randomScenario: nTimes must be an integer ≥ 10, got ${nTimes}`);
  if (!Number.isInteger(nChannels) || nChannels < 1 || nChannels > CHANNEL_NAMES.length) {
    throw new EngineError('INVALID_ARGUMENT', `randomScenario: nChannels must be an integer in [1, ${CHANNEL_NAMES.length}], got ${nChannels}`);
  }
  if (!(noise >= 0)) throw new EngineError('INVALID_ARGUMENT', `randomScenario: noise must be ≥ 0, got ${noise}`);
  const names = permutation(rng, CHANNEL_NAMES.length);
  const roiOrder = permutation(rng, nChannels);
  const rois = Array.from(roiOrder, (r) => Math.exp(Math.log(0.3) + ((r + rng.next()) / nChannels) * (Math.log(5) - Math.log(0.3))));
  // Effect shares within a factor of ~3 of each other, so every channel matters; spend = effect / ROI.
  const effectWeights = rois.map(() => uniform(rng, 1, 3));
  const totalSpend = logUniform(rng, 100_000, 500_000);
  const media = totalSpend / effectWeights.reduce((a, w, i) => a + w / rois[i], 0);
  const channels: SimulatedChannel[] = rois.map((roi, i) => {
    const shape = rng.next() < 0.5 ? uniform(rng, 0.6, 1) : uniform(rng, 1.5, 3);
    const lag = drawAdstock(rng);
    return {
      name: CHANNEL_NAMES[names[i]],
      spend: drawSpend(rng, (media * effectWeights[i]) / roi, lag.adstock.type !== 'geometric'),
      ...lag,
      saturation: { type: 'hill', halfSaturation: logUniform(rng, 0.5, 2), shape },
      roi,
    };
  });
  const effect = channels.reduce((a, c) => a + (c.roi ?? 0) * c.spend.mean, 0);
  const mediaShare = uniform(rng, 0.25, 0.5);
  const holidays = permutation(rng, HOLIDAYS.length);
  const events: SimulatedEvent[] = [0, 1].map((k) => ({
    name: HOLIDAYS[holidays[k]].replace(/-/g, '_'),
    on: HOLIDAYS[holidays[k]],
    effect: (rng.next() < 0.75 ? 1 : -1) * uniform(rng, 0.05, 0.3),
  }));
  events.push({ name: 'one_off', on: { random: 2 }, effect: uniform(rng, -0.2, 0.3) });
  const positive = rng.next() < 0.5;
  return {
    preset: 'random',
    seed,
    frequency: 'weekly',
    start: isoDate(dayNumber('2021-01-04') + 7 * uniformInt(rng, 0, 52)),
    nTimes,
    target: { name: 'revenue', kind: 'revenue' },
    noise,
    budgetCorrelation: uniform(rng, 0.2, 0.8),
    channels,
    baseline: {
      level: (effect * (1 - mediaShare)) / mediaShare,
      growthPerYear: uniform(rng, -0.05, 0.1),
      yearly: [{ amplitude: uniform(rng, 0.03, 0.12), peak: rng.next() }, { amplitude: uniform(rng, 0, 0.04), peak: rng.next() }],
      events,
      controls: [{
        name: positive ? 'market_index' : 'competitor_index',
        sign: positive ? 'positive' : 'negative',
        effect: (positive ? 1 : -1) * uniform(rng, 0.002, 0.008),
        series: { type: 'ar1', mean: 100, sd: 5, persistence: uniform(rng, 0.5, 0.95) },
      }],
    },
  };
}

/**
 * Simulate a random weekly scenario (see `randomScenarioOptions` for what is drawn). Deterministic
 * for a seed; truth.preset is 'random'.
 * @param seed random seed
 * @param options overrides for nTimes, nChannels and noise
 * @throws EngineError('INVALID_ARGUMENT') for invalid overrides
 * @example randomScenario(3, { nTimes: 120 }).table.dates.length // 120
 */
export function randomScenario(seed: number, options: RandomScenarioOptions = {}): SimulationResult {
  return simulate(randomScenarioOptions(seed, options));
}
