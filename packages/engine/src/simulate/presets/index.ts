import { EngineError } from '../../errors.ts';
import { simulate } from '../simulate.ts';
import type { SimulationResult } from '../truth.ts';
import { simulateB2bWeekly } from './b2b-weekly.ts';
import { simulateEcommerceDaily } from './ecommerce-daily.ts';
import { retailWeeklyOptions } from './retail-weekly.ts';
import { simulateGeoPanel } from '../geo/geo-panel.ts';

const presets = {
  retail: (seed: number) => simulate(retailWeeklyOptions(seed)),
  b2b: simulateB2bWeekly,
  ecommerce: simulateEcommerceDaily,
  geo: (seed: number) => simulateGeoPanel({ seed, population: true }),
} as const satisfies Record<string, (seed: number) => SimulationResult>;

export type PresetName = keyof typeof presets;

/** The preset names accepted by `simulatePreset` (and `mixwise simulate --preset`). */
export const presetNames: readonly PresetName[] = Object.keys(presets) as PresetName[];

/**
 * Simulate a named preset: 'retail' (weekly, 3 years), 'b2b' (weekly, 4 years, pipeline → revenue,
 * with a geo × product long table), 'ecommerce' (daily, 2 years, orders as an extra column) or 'geo'
 * (weekly, 3 years, a panel of 20 geos: table.panel set, truth with per-geo truth; simulateGeoPanel).
 * @param name preset name, one of `presetNames`
 * @param seed random seed (same seed ⇒ identical data and truth)
 * @throws EngineError('INVALID_ARGUMENT') listing the valid names when `name` is unknown
 * @example simulatePreset('retail', 1).table.channels.length // 5
 */
export function simulatePreset(name: string, seed: number): SimulationResult {
  if (!Object.prototype.hasOwnProperty.call(presets, name)) {
    throw new EngineError('INVALID_ARGUMENT', `unknown preset ${JSON.stringify(name)}; valid presets: ${presetNames.join(', ')}`);
  }
  return presets[name as PresetName](seed);
}
