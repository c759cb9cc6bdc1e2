import { EngineError } from '../errors.ts';
import type { SimulationOptions } from './types.ts';

/** Component names the truth uses for the baseline; no channel, event or control may take them. */
export const RESERVED_COMPONENTS: readonly string[] = ['intercept', 'trend', 'seasonality', 'noise'];

/**
 * Check a simulation description before any work is done.
 * @param o the options
 * @throws EngineError('INVALID_ARGUMENT') naming the first problem found: a bad nTimes, noise,
 *   budget correlation or win rate; no channels; a channel without exactly one of roi/beta; a name
 *   that is not [A-Za-z0-9_]+ or is used twice (channels, events and controls share one namespace
 *   with 'intercept', 'trend', 'seasonality' and 'noise')
 * @example checkSimulationOptions({ ...options, nTimes: 0 }) // throws "simulate: nTimes must be an integer ≥ 2, got 0"
 */
export function checkSimulationOptions(o: SimulationOptions): void {
  const fail = (msg: string): never => { throw new EngineError('INVALID_ARGUMENT', `simulate: ${msg}`); };
  if (!Number.isInteger(o.nTimes) || o.nTimes < 2) fail(`nTimes must be an integer ≥ 2, got ${o.nTimes}`);
  if (!Number.isFinite(o.seed)) fail(`seed must be a finite number, got ${o.seed}`);
  if (!(o.noise >= 0 && Number.isFinite(o.noise))) fail(`noise must be a finite number ≥ 0, got ${o.noise}`);
  if (!(o.budgetCorrelation >= 0 && o.budgetCorrelation <= 1)) fail(`budgetCorrelation must be in [0, 1], got ${o.budgetCorrelation}`);
  if (o.channels.length === 0) fail('at least one channel is needed');
  if (!(Number.isFinite(o.baseline.level) && o.baseline.level > 0)) fail(`baseline level must be > 0, got ${o.baseline.level}`);
  const seen = new Set<string>(RESERVED_COMPONENTS);
  const names = [o.target.name, ...o.channels.map((c) => c.name), ...o.baseline.events.map((e) => e.name), ...o.baseline.controls.map((c) => c.name)];
  if (o.conversion !== undefined) names.push(o.conversion.stage);
  for (const name of names) {
    if (!/^[A-Za-z0-9_]+$/.test(name)) fail(`name '${name}' must match [A-Za-z0-9_]+`);
    if (seen.has(name)) fail(`name '${name}' is used twice or is reserved (${RESERVED_COMPONENTS.join(', ')})`);
    seen.add(name);
  }
  for (const c of o.channels) {
    const hasRoi = c.roi !== undefined;
    if (hasRoi === (c.beta !== undefined)) fail(`channel '${c.name}' needs exactly one of roi and beta`);
    const v = hasRoi ? c.roi : c.beta;
    if (!(v !== undefined && Number.isFinite(v) && v >= 0)) fail(`channel '${c.name}' ${hasRoi ? 'roi' : 'beta'} must be a finite number ≥ 0, got ${v}`);
  }
  const conv = o.conversion;
  if (conv !== undefined) {
    if (!(conv.winRate > 0 && conv.winRate <= 1)) fail(`conversion winRate must be in (0, 1], got ${conv.winRate}`);
    if (!(conv.noise >= 0 && Number.isFinite(conv.noise))) fail(`conversion noise must be a finite number ≥ 0, got ${conv.noise}`);
    if (!Number.isInteger(conv.maxLag) || conv.maxLag < 0) fail(`conversion maxLag must be an integer ≥ 0, got ${conv.maxLag}`);
  }
}
