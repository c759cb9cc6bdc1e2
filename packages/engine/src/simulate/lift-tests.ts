import { EngineError } from '../errors.ts';
import type { LiftTest } from '../spec/model-spec.ts';
import { normal } from '../random/distributions.ts';
import { derivedRng } from './derived-rng.ts';
import type { SimulationResult } from './truth.ts';

/** Default relative standard error of simulated lift tests. */
export const DEFAULT_SIMULATED_LIFT_TEST_SE = 0.2;

export interface SimulatedLiftTestOptions {
  /** Seed of the measurement errors (default 1). */
  readonly seed?: number;
  /** Standard error of each test as a fraction of its true lift (default DEFAULT_SIMULATED_LIFT_TEST_SE). */
  readonly relativeSe?: number;
  /** Periods per test (default 8). */
  readonly periods?: number;
}

/**
 * One simulated lift test per channel, as an experiment would report it: over `periods` consecutive
 * periods near the end of the data (channel k's test starts 4k periods after the first, so tests
 * overlap little), the measured lift is the channel's true contribution over those periods times
 * (1 + relativeSe·z), z ~ N(0, 1), and the reported standard error is relativeSe × the true lift.
 * For accuracy benchmarks of lift-test calibration; the truth is `result.truth.contributions`.
 * @param result a simulation (its dates, channels and true contributions)
 * @param options seed, relative standard error and test length
 * @returns the lift tests, one per channel in the table's order
 * @throws EngineError INVALID_ARGUMENT when the data are too short for the tests or options are invalid
 * @example simulateLiftTests(randomScenario(3)).length // number of channels
 */
export function simulateLiftTests(result: SimulationResult, options: SimulatedLiftTestOptions = {}): LiftTest[] {
  const relativeSe = options.relativeSe ?? DEFAULT_SIMULATED_LIFT_TEST_SE;
  const periods = options.periods ?? 8;
  const { dates, channels } = result.table;
  const n = dates.length;
  const first = n - periods - 4 * channels.length - 2;
  if (!(relativeSe > 0) || !Number.isInteger(periods) || periods < 1 || first < 0) {
    throw new EngineError('INVALID_ARGUMENT', `simulateLiftTests: need relativeSe > 0, an integer periods ≥ 1 and at least ${n - first} periods of data`);
  }
  const rng = derivedRng(options.seed ?? 1, 'lift-tests');
  return channels.map((ch, k) => {
    const contribution = result.truth.contributions[ch.name];
    const start = first + 4 * k;
    let lift = 0;
    for (let t = start; t < start + periods; t++) lift += contribution[t];
    const se = relativeSe * Math.abs(lift);
    return { channel: ch.name, start: dates[start], end: dates[start + periods - 1], lift: Math.max(lift + se * normal(rng), 1e-9 * Math.abs(lift)), standardError: se };
  });
}
