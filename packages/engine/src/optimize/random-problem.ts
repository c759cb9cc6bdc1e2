import { uniform, uniformInt } from '../random/distributions.ts';
import type { Rng } from '../random/rng.ts';
import type { SaturationSpec } from '../transforms/saturation/types.ts';
import type { AllocationConstraints, ChannelResponse, ResponseModel } from './types.ts';

/** A random allocation problem: model, budget and constraints (for tests and benches). */
export interface RandomAllocationProblem {
  readonly model: ResponseModel;
  readonly budget: number;
  readonly constraints: AllocationConstraints;
}

const logU = (rng: Rng, lo: number, hi: number): number => Math.exp(uniform(rng, Math.log(lo), Math.log(hi)));

function randomSaturation(rng: Rng, sShapedShare: number): SaturationSpec {
  if (rng.next() < sShapedShare) return { type: 'hill', halfSaturation: logU(rng, 0.3, 3), shape: uniform(rng, 1.2, 4) };
  const u = rng.next();
  if (u < 0.25) return { type: 'hill', halfSaturation: logU(rng, 0.3, 3), shape: uniform(rng, 0.5, 1) };
  if (u < 0.5) return { type: 'michaelis-menten', halfSaturation: logU(rng, 0.3, 3) };
  if (u < 0.75) return { type: 'logistic', lambda: logU(rng, 0.3, 3) };
  return { type: 'log1p', scale: logU(rng, 0.3, 3) };
}

/**
 * Draw a random allocation problem: nChannels curves from every saturation family (Hill S-shaped
 * with probability sShapedShare, else concave Hill, Michaelis–Menten, logistic, log1p), coef
 * log-uniform in [0.2, 20], current spend log-uniform in [10, 1000] with gain ≈ 1/current (so
 * current spend sits near the curve's scale), budget 0.3–2× current total, and random constraints:
 * default multiples of current, an absolute cap, a share-of-budget floor, a lock (each sometimes).
 * @param rng seeded generator; nChannels ≥ 1; sShapedShare in [0, 1]
 * @example randomAllocationProblem(createRng(1), 3, 0.5).model.channels.length // 3
 */
export function randomAllocationProblem(rng: Rng, nChannels: number, sShapedShare: number): RandomAllocationProblem {
  const channels: ChannelResponse[] = [];
  let currentTotal = 0;
  for (let c = 0; c < nChannels; c++) {
    const current = logU(rng, 10, 1000);
    currentTotal += current;
    channels.push({ name: `ch${c}`, current, coef: logU(rng, 0.2, 20) * current, gain: logU(rng, 0.3, 3) / current, saturation: randomSaturation(rng, sShapedShare) });
  }
  const budget = currentTotal * uniform(rng, 0.3, 2);
  const constraints: { -readonly [K in keyof AllocationConstraints]: AllocationConstraints[K] } = {};
  if (rng.next() < 0.5) constraints.defaults = { min: { type: 'multiple', value: uniform(rng, 0, 0.7) }, max: { type: 'multiple', value: uniform(rng, 1.3, 4) } };
  const per: Record<string, { max?: { type: 'absolute'; value: number }; min?: { type: 'share'; value: number } }> = {};
  if (rng.next() < 0.3) per[`ch${uniformInt(rng, 0, nChannels - 1)}`] = { max: { type: 'absolute', value: budget * uniform(rng, 0.1, 0.6) } };
  if (rng.next() < 0.3) per[`ch${uniformInt(rng, 0, nChannels - 1)}`] = { min: { type: 'share', value: uniform(rng, 0, 0.3) } };
  if (Object.keys(per).length > 0) constraints.channels = per;
  if (nChannels > 2 && rng.next() < 0.2) constraints.locks = { [`ch${uniformInt(rng, 0, nChannels - 1)}`]: true };
  return { model: { channels, baseline: logU(rng, 1, 1e4) }, budget, constraints };
}
