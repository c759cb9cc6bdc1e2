/**
 * Test support for the recovery tests: how far estimated ROIs are from a simulation's true ones.
 * Pure (no node:assert) so it typechecks with the engine; the tests assert on what it returns.
 */
import type { SimulationResult } from '../simulate/truth.ts';

/**
 * The spend-weighted mean relative ROI error over the simulation's paid channels,
 * Σ spend_c·|roî_c − roi_c|/roi_c / Σ spend_c (the accuracy bench's measure).
 * @param sim the simulation with its truth
 * @param roiOf the estimated ROI of a channel, by name
 * @example spendWeightedRoiError(sim, (name) => summary.channels.find((c) => c.name === name)!.roi) // 0.062
 */
export function spendWeightedRoiError(sim: SimulationResult, roiOf: (name: string) => number): number {
  let num = 0, den = 0;
  for (const t of sim.truth.channels) {
    num += (t.spend * Math.abs(roiOf(t.name) - t.roi)) / t.roi;
    den += t.spend;
  }
  return num / den;
}
