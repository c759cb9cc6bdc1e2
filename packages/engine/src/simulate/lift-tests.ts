import { EngineError } from '../errors.ts';
import type { LiftTest } from '../spec/model-spec.ts';
import { normal } from '../random/distributions.ts';
import { derivedRng } from './derived-rng.ts';
import { liftEffect, liftEffectSeries } from '../model/lift-effect.ts';
import type { ChannelCurve } from '../model/channel-response.ts';
import type { SimulatedConversion } from './types.ts';
import { convertStage } from './response/convert-stage.ts';
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
  /** Periods after the test that the lift is still measured over (default 4): `measuredThrough`. */
  readonly after?: number;
}

/**
 * One simulated lift test per channel, as an experiment would report it: the channel goes dark for
 * `periods` consecutive periods near the end of the data (channel k's test starts 4k periods after
 * the first, so tests overlap little; earlier when the channel has no spend there) and the lift is
 * measured until `after` periods past the test.
 * The true lift is the counterfactual difference the experiment estimates — the true KPI with the
 * channel's spend in the test periods minus without it, summed over the measured periods (true
 * curves; for two-stage data passed through the true conversion); the reported lift is that times
 * (1 + relativeSe·z), z ~ N(0, 1), with standard error relativeSe × the true lift.
 * For accuracy benchmarks of lift-test calibration.
 * @param result a simulation (its dates, spend and true curves)
 * @param options seed, relative standard error, test length and measurement periods after it
 * @returns the lift tests, one per channel in the table's order
 * @throws EngineError INVALID_ARGUMENT when the data are too short for the tests or options are invalid, or for a geo panel
 * @example simulateLiftTests(randomScenario(3)).length // number of channels
 */
export function simulateLiftTests(result: SimulationResult, options: SimulatedLiftTestOptions = {}): LiftTest[] {
  const relativeSe = options.relativeSe ?? DEFAULT_SIMULATED_LIFT_TEST_SE;
  const periods = options.periods ?? 8;
  const after = options.after ?? 4;
  if (result.table.panel !== undefined) {
    throw new EngineError('INVALID_ARGUMENT', 'simulateLiftTests: lift tests are not simulated for a geo panel (preset geo): its true effect is per geo, not the national curve these tests use; simulate lift tests on a national preset (retail, b2b, ecommerce)');
  }
  const { dates, channels } = result.table;
  const n = dates.length;
  const first = n - periods - after - 4 * channels.length - 2;
  if (!(relativeSe > 0) || !Number.isInteger(periods) || periods < 1 || !Number.isInteger(after) || after < 0 || first < 0) {
    throw new EngineError('INVALID_ARGUMENT', `simulateLiftTests: need relativeSe > 0, an integer periods ≥ 1, an integer after ≥ 0 and at least ${n - first} periods of data`);
  }
  const rng = derivedRng(options.seed ?? 1, 'lift-tests');
  const conversion = result.truth.conversion;
  return channels.map((ch, k) => {
    const truth = result.truth.channels[k];
    // A flighted channel may be dark at its planned slot: move the test earlier until it has spend.
    let startRow = first + 4 * k;
    while (startRow > 0 && !hasSpend(ch.spend, startRow, startRow + periods)) startRow--;
    const endRow = startRow + periods, measureEndRow = endRow + after;
    const curve = { spend: ch.spend, adstock: truth.adstock, maxLag: truth.maxLag, saturation: truth.saturation, scale: truth.scale, coef: truth.beta };
    const lift = conversion === undefined
      ? liftEffect(curve, { startRow, endRow, measureEndRow })
      : convertedLift(curve, { startRow, endRow, measureEndRow }, { ...conversion, noise: 0 }, n);
    const se = relativeSe * Math.abs(lift);
    return {
      channel: ch.name, start: dates[startRow], end: dates[endRow - 1], measuredThrough: dates[measureEndRow - 1],
      lift: Math.max(lift + se * normal(rng), 1e-9 * Math.abs(lift)), standardError: se,
    };
  });
}

function hasSpend(x: ArrayLike<number>, from: number, to: number): boolean {
  for (let t = from; t < to; t++) if (x[t] > 0) return true;
  return false;
}

/** The true lift of two-stage data: the first-stage difference per period, converted, summed over the measured rows. */
function convertedLift(curve: ChannelCurve, rows: { startRow: number; endRow: number; measureEndRow: number }, conversion: SimulatedConversion, n: number): number {
  const converted = convertStage(liftEffectSeries(curve, rows), conversion, n);
  let s = 0;
  for (let t = rows.startRow; t < rows.measureEndRow; t++) s += converted[t];
  return s;
}
