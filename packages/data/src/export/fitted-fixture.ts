// Test helper (not exported from the package): one small fitted retail model for the export tests.
import { decompose, fitMmm, simulatePreset, summarizeModel, type Decomposition, type MmmModel, type SummaryResult } from '@mixwise/engine';

export interface FittedFixture {
  readonly model: MmmModel;
  readonly decomposition: Decomposition;
  readonly summary: SummaryResult;
}

/**
 * Fits the simulator's retail preset (seed 2, 156 weeks) with a small search, 13 weeks held out, a
 * 20-replicate bootstrap (so ROI intervals exist). About 2 s; call it once per test file.
 * @example (await fittedFixture()).model.holdout // 13
 */
export async function fittedFixture(): Promise<FittedFixture> {
  const sim = simulatePreset('retail', 2);
  const model = await fitMmm(sim.table, {
    holdout: 13,
    search: {
      iterations: 1500, trials: 2, seed: 1, bootstrap: 20, posterior: 1000,
      weights: { nrmseTrain: 1, nrmseValidation: 1, decompRssd: 0, mapeLift: 1 },
    },
  });
  const decomposition = decompose(model);
  return { model, decomposition, summary: summarizeModel(model, decomposition) };
}
