import { EngineError } from '../../errors.ts';
import type { SimulatedExposure } from '../types.ts';

/**
 * The exposure a spend series buys at a drifting cost (SimulatedExposure): cpm_t = cpm · (1 + drift ·
 * t / (n − 1)) · (1 + seasonal · cos(2π · years since the first period)), exposure_t = round(1000 ·
 * spend_t / cpm_t). Deterministic: it draws no random numbers, so other series of a seed are unchanged.
 * @param spend the channel's spend, shape [nTimes]
 * @param days each period's day number (periodDayNumbers), shape [nTimes]
 * @throws EngineError INVALID_ARGUMENT for a cpm ≤ 0, a drift ≤ −1 or a seasonal amplitude outside [0, 1)
 * @example exposureSeries(new Float64Array([10, 20]), new Int32Array([0, 7]), { cpm: 10 }) // Float64Array [1000, 2000]
 */
export function exposureSeries(spend: Float64Array, days: Int32Array, e: SimulatedExposure): Float64Array {
  const drift = e.drift ?? 0;
  const seasonal = e.seasonal ?? 0;
  if (!(e.cpm > 0) || !(drift > -1) || !(seasonal >= 0 && seasonal < 1)) {
    throw new EngineError('INVALID_ARGUMENT', `simulate: exposure needs cpm > 0, drift > −1 and seasonal in [0, 1), got ${e.cpm}, ${drift}, ${seasonal}`);
  }
  const n = spend.length;
  return spend.map((s, t) => {
    const years = (days[t] - days[0]) / 365.25;
    const cpm = e.cpm * (1 + (n > 1 ? (drift * t) / (n - 1) : 0)) * (1 + seasonal * Math.cos(2 * Math.PI * years));
    return Math.round((1000 * s) / cpm);
  });
}
