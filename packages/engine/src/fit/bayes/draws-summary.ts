import type { BayesParameterSummary } from '../../model/mmm-model.ts';
import { quantile } from '../../stats/quantile.ts';
import { bootstrapInterval } from '../../stats/bootstrap-interval.ts';
import { mean } from '../../stats/mean.ts';
import { standardDeviation } from '../../stats/standard-deviation.ts';
import { rankNormalizedSplitRhat } from '../../stats/split-rhat.ts';
import { bulkEffectiveSampleSize } from '../../stats/effective-sample-size.ts';
import { EngineError } from '../../errors.ts';

/**
 * Per-coordinate posterior summary of several chains' draws: mean, sd, 5/50/95% quantiles, the
 * rank-normalised split R-hat and the bulk effective sample size (Vehtari, Gelman, Simpson, Carpenter
 * & Bürkner 2021, "Rank-normalization, folding, and localization: an improved R-hat", Bayesian Analysis 16(2)).
 * @param chains one row-major [nDraws × dim] array per chain, all the same shape
 * @param names a name per coordinate [dim]
 * @throws EngineError INVALID_ARGUMENT when chains differ in shape or fewer than 4 draws per chain
 * @example summarizeDraws([c1, c2, c3, c4], ['tv.log_roi'])[0].rhat // ≈ 1 when the chains agree
 */
export function summarizeDraws(chains: readonly Float64Array[], names: readonly string[]): BayesParameterSummary[] {
  const dim = names.length, nChains = chains.length;
  if (nChains === 0) throw new EngineError('INVALID_ARGUMENT', 'summarizeDraws needs at least one chain');
  const nDraws = chains[0].length / dim;
  if (!Number.isInteger(nDraws) || nDraws < 4 || chains.some((c) => c.length !== nDraws * dim)) {
    throw new EngineError('INVALID_ARGUMENT', `summarizeDraws needs chains of equal length with ≥ 4 draws of ${dim} coordinates`);
  }
  const column = new Float64Array(nChains * nDraws);
  return names.map((name, j) => {
    for (let c = 0; c < nChains; c++) for (let i = 0; i < nDraws; i++) column[c * nDraws + i] = chains[c][i * dim + j];
    const sorted = Float64Array.from(column).sort();
    const [q05, q95] = bootstrapInterval(sorted, 0.9);
    return {
      name, mean: mean(column), sd: standardDeviation(column),
      q05, q50: quantile(sorted, 0.5), q95,
      rhat: rankNormalizedSplitRhat(column, nChains, nDraws), ess: bulkEffectiveSampleSize(column, nChains, nDraws),
    };
  });
}
