import type { BoundStatus } from '@mixwise/engine';

/**
 * The "Limit" column's words for a channel's bound status (empty when the channel is free), shared by
 * the simulator's plan and goal tables.
 * @example boundLabel('at-lower') // 'at minimum'
 */
export function boundLabel(status: BoundStatus): string {
  return ({ free: '', locked: 'locked', 'at-lower': 'at minimum', 'at-upper': 'at maximum' } as const)[status];
}
