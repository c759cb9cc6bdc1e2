import { DEFAULT_BOUNDS, type AllocationConstraints, type ChannelBounds as EngineBounds, type ResponseModel } from '@mixwise/engine';
import type { ChannelBounds } from '@mixwise/contracts';
import { ApiHttpError } from '../http/api-http-error.ts';

/**
 * The engine's AllocationConstraints from an API request: per-channel `{ min, max }` amounts per
 * period become absolute bounds, which replace the default 0.5×–2× current spend (DEFAULT_BOUNDS,
 * as in the CLI) for that channel (`{}`: unbounded); each locked channel keeps its current spend.
 * @param rm the response model (to check channel names)
 * @param bounds per-channel amounts by channel name
 * @param locks channel names
 * @throws ApiHttpError('BAD_REQUEST') naming an unknown channel and the known ones
 * @example constraintsOf(rm, { tv: { max: 100 } }, ['radio']) // { defaults: DEFAULT_BOUNDS, channels: { tv: { max: { type: 'absolute', value: 100 } } }, locks: { radio: true } }
 */
export function constraintsOf(rm: ResponseModel, bounds: Readonly<Record<string, ChannelBounds>>, locks: readonly string[]): AllocationConstraints {
  const names = rm.channels.map((c) => c.name);
  const check = (name: string, where: string): void => {
    if (!names.includes(name)) throw new ApiHttpError('BAD_REQUEST', `${where}: unknown channel "${name}" (channels: ${names.join(', ')})`);
  };
  const channels: Record<string, EngineBounds> = {};
  for (const [name, b] of Object.entries(bounds)) {
    check(name, 'bounds');
    channels[name] = {
      ...(b.min !== undefined ? { min: { type: 'absolute', value: b.min } } : {}),
      ...(b.max !== undefined ? { max: { type: 'absolute', value: b.max } } : {}),
    };
  }
  const locked: Record<string, true> = {};
  for (const name of locks) {
    check(name, 'locks');
    locked[name] = true;
  }
  return { defaults: DEFAULT_BOUNDS, channels, locks: locked };
}
