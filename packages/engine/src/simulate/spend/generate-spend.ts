import { EngineError } from '../../errors.ts';
import type { Rng } from '../../random/rng.ts';
import { roundCents } from '../round-cents.ts';
import { alwaysOnLevels } from './always-on-spend.ts';
import { flightedLevels } from './flighted-spend.ts';
import { applySpendModifiers } from './spend-modifiers.ts';
import type { SpendPattern } from './spend-pattern.ts';

function checkPattern(p: SpendPattern): void {
  const bad = (what: string): never => { throw new EngineError('INVALID_ARGUMENT', `simulate: ${p.type} spend: ${what}`); };
  if (!(Number.isFinite(p.mean) && p.mean > 0)) bad(`mean must be > 0, got ${p.mean}`);
  if (!(Number.isFinite(p.volatility) && p.volatility >= 0)) bad(`volatility must be ≥ 0, got ${p.volatility}`);
  if (p.zeroShare !== undefined && !(p.zeroShare >= 0 && p.zeroShare < 1)) bad(`zeroShare must be in [0, 1), got ${p.zeroShare}`);
  if (p.weekdayProfile !== undefined && (p.weekdayProfile.length !== 7 || p.weekdayProfile.some((v) => !(v >= 0)))) {
    bad('weekdayProfile must have 7 non-negative multipliers (Monday first)');
  }
  if (p.type === 'campaigns' && !(p.ramp >= 0 && p.ramp <= 0.5)) bad(`ramp must be in [0, 0.5], got ${p.ramp}`);
}

/**
 * One channel's spend series, in currency units per period, rounded to cents, all ≥ 0: the
 * pattern's levels (`alwaysOnLevels` or `flightedLevels`, both driven by the shared budget factor),
 * times spend seasonality and the weekday profile, with occasional dark periods
 * (`applySpendModifiers`), rescaled so the mean is exactly `pattern.mean` before rounding to cents.
 * @param rng seeded generator (consumed in a fixed order, so results are reproducible)
 * @param days first day (day number) of each period, shape [nTimes]
 * @param pattern how the channel spends
 * @param budget shared budget factor (a unit-variance AR(1), see `ar1`), shape [nTimes]
 * @param correlation ρ in [0, 1]: weight of the shared factor in the log-level's variance
 * @returns spend, shape [nTimes]
 * @throws EngineError('INVALID_ARGUMENT') for a bad pattern, ρ outside [0, 1], or all periods dark
 * @example generateSpend(createRng(1), days, { type: 'always-on', mean: 1000, volatility: 0.3, persistence: 0.6 }, z, 0.5)
 * // mean 1000 (to half a cent)
 */
export function generateSpend(rng: Rng, days: Int32Array, pattern: SpendPattern, budget: Float64Array, correlation: number): Float64Array {
  checkPattern(pattern);
  if (!(correlation >= 0 && correlation <= 1)) throw new EngineError('INVALID_ARGUMENT', `simulate: budget correlation must be in [0, 1], got ${correlation}`);
  const n = days.length;
  const x = pattern.type === 'always-on'
    ? alwaysOnLevels(rng, budget, pattern.volatility, pattern.persistence, correlation)
    : flightedLevels(rng, budget, pattern.volatility, pattern.onLength, pattern.offLength, pattern.type === 'campaigns' ? pattern.ramp : 0, correlation);
  applySpendModifiers(rng, days, pattern, x);
  let sum = 0;
  for (let t = 0; t < n; t++) sum += x[t];
  if (!(sum > 0)) throw new EngineError('INVALID_ARGUMENT', `simulate: ${pattern.type} spend came out all zero; lower zeroShare or lengthen the series`);
  const k = (pattern.mean * n) / sum;
  for (let t = 0; t < n; t++) x[t] = roundCents(x[t] * k);
  return x;
}
