import { DEFAULT_WEIGHTS, fitMmm, simulatePreset, summarizeModel, type MmmModel, type SummaryResult } from '@mixwise/engine';

/**
 * A small, fast fit of the retail preset (seed 2; 100 candidates, no bootstrap or posterior) and its
 * summary, for report tests that need a real model rather than a good one.
 * @example const { model, summary } = await quickFit(); summary.channels.length // 5
 */
export async function quickFit(): Promise<{ model: MmmModel; summary: SummaryResult }> {
  const model = await fitMmm(simulatePreset('retail', 2).table, {
    search: { iterations: 100, trials: 1, seed: 1, bootstrap: 0, posterior: 0, weights: DEFAULT_WEIGHTS },
  });
  return { model, summary: summarizeModel(model) };
}

/**
 * A small, fast fit of the geo preset (a panel of 20 geos, seed 1; 60 candidates, no bootstrap): a
 * real geo-level model whose summary has `geos`, for the report's geo tests.
 * @example const { summary } = await quickGeoFit(); summary.geos?.length // 20
 */
export async function quickGeoFit(): Promise<{ model: MmmModel; summary: SummaryResult }> {
  const model = await fitMmm(simulatePreset('geo', 1).table, {
    search: { iterations: 60, trials: 1, seed: 1, bootstrap: 0, posterior: 0, weights: DEFAULT_WEIGHTS },
  });
  return { model, summary: summarizeModel(model) };
}
