import type { Rng } from '../../random/rng.ts';
import { ar1 } from './ar1.ts';

/**
 * Relative spend levels of an always-on channel: exp(volatility·(√ρ·z[t] + √(1−ρ)·e[t])), z the
 * shared budget factor and e the channel's own unit AR(1) (log-normal AR(1) spend; the common
 * factor makes two channels' log-spends correlate by ρ).
 * @param rng seeded generator
 * @param budget shared budget factor, unit variance, shape [nTimes]
 * @param volatility log-scale sd of spend (≥ 0)
 * @param persistence AR(1) coefficient of the channel's own variation
 * @param correlation ρ in [0, 1]
 * @returns unscaled positive levels, shape [nTimes]
 * @example alwaysOnLevels(createRng(1), new Float64Array(3), 0, 0.5, 0) // [1, 1, 1]
 */
export function alwaysOnLevels(rng: Rng, budget: Float64Array, volatility: number, persistence: number, correlation: number): Float64Array {
  const n = budget.length;
  const shared = Math.sqrt(correlation);
  const own = Math.sqrt(1 - correlation);
  const e = ar1(rng, n, persistence);
  const x = new Float64Array(n);
  for (let t = 0; t < n; t++) x[t] = Math.exp(volatility * (shared * budget[t] + own * e[t]));
  return x;
}
