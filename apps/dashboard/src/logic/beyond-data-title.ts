import type { WhatIfChannel } from './what-if.ts';

/**
 * The tooltip of the simulator's 'below data' / 'beyond data' badge: that the data never held the
 * channel at such a sustained spend, then, for a sparse channel, the engine's short caution
 * (WhatIfChannel.sparse, sparseChannelText) as it stands, so the dashboard adds no wording of its own.
 * @example beyondDataTitle('tv', 'above', null) // 'The data never held tv at a sustained spend this high: the prediction here extrapolates the fitted curve.'
 */
export function beyondDataTitle(name: string, beyondData: 'below' | 'above', sparse: WhatIfChannel['sparse']): string {
  const base = `The data never held ${name} at a sustained spend this ${beyondData === 'below' ? 'low' : 'high'}: the prediction here extrapolates the fitted curve.`;
  return sparse === null ? base : `${base} ${sparse}`;
}
