import type { SearchProblem } from './search/search-problem.ts';
import { withoutValidation } from './search/search-problem.ts';
import { createCandidateEvaluator, type CandidateFit } from './search/candidate-evaluator.ts';
import type { Progress } from './search/run-search.ts';
import type { ModelSpec } from '../spec/model-spec.ts';
import { scalarScore } from './search/scalar-score.ts';
import { blockBootstrapIndices } from '../stats/block-bootstrap-indices.ts';
import { createRng } from '../random/rng.ts';
import { candidateChannels } from './candidate-channels.ts';
import { channelContribution } from '../model/channel-response.ts';
import { channelRoi } from '../analysis/channel-roi.ts';

export interface BootstrapOptions {
  readonly replicates: number;
  readonly seed: number;
  readonly weights?: ModelSpec['search']['weights'];
  readonly onProgress?: (p: Progress) => void;
}

/**
 * Bootstrap replicates of every channel's ROI.
 *
 * Residuals of the chosen fit are resampled with the moving-block bootstrap (Künsch 1989; block length
 * ⌈n^(1/3)⌉, which keeps short-range autocorrelation) and added back to the fitted values. For each
 * replicate the model choice is repeated among a pool of the search's best candidates (so the interval
 * reflects hyperparameter uncertainty, not only coefficient noise) and the chosen one is refitted.
 * @param pool unit-space candidate vectors, the chosen one first
 * @returns [replicates][nChannels] ROI values
 */
export function bootstrapRoi(problem: SearchProblem, fit: CandidateFit, pool: readonly Float64Array[], options: BootstrapOptions): number[][] {
  const { fitStart, fitEnd } = problem;
  const nFit = fitEnd - fitStart;
  const fitted = fittedValues(problem, fit);
  const resid = new Float64Array(nFit);
  for (let i = 0; i < nFit; i++) resid[i] = problem.target[fitStart + i] - fitted[i];
  const rng = createRng(options.seed ^ 0x0b00);
  const block = Math.max(2, Math.ceil(Math.cbrt(nFit)));
  const weights = options.weights ?? problem.weights;
  const out: number[][] = [];
  const obj = new Float64Array(4);
  for (let r = 0; r < options.replicates; r++) {
    const idx = blockBootstrapIndices(rng, nFit, block);
    const target = Float64Array.from(problem.target);
    for (let i = 0; i < nFit; i++) target[fitStart + i] = fitted[i] + resid[idx[i]];
    const star: SearchProblem = { ...problem, target };
    let best = pool[0];
    if (pool.length > 1) {
      const ev = createCandidateEvaluator(star);
      let bestScore = Infinity;
      for (const u of pool) {
        ev.evaluate(u, 1, obj);
        const s = scalarScore(obj, 0, weights);
        if (s < bestScore) { bestScore = s; best = u; }
      }
    }
    const refit = createCandidateEvaluator(withoutValidation(star)).fitCandidate(best);
    out.push(candidateChannels(star, refit).map((ch) => channelRoi(ch, fitStart, fitEnd)));
    options.onProgress?.({ phase: 'bootstrap', done: r + 1, total: options.replicates });
  }
  return out;
}

/** Fitted KPI over the fit rows [fitEnd − fitStart] of a fitted candidate. */
export function fittedValues(problem: SearchProblem, fit: CandidateFit): Float64Array {
  const { fitStart, fitEnd } = problem;
  const out = new Float64Array(fitEnd - fitStart).fill(fit.intercept);
  problem.baseline.forEach((b, j) => {
    const coef = fit.baselineCoef[j];
    if (coef !== 0) for (let i = 0; i < out.length; i++) out[i] += coef * b.values[fitStart + i];
  });
  for (const ch of candidateChannels(problem, fit)) {
    const contrib = channelContribution(ch);
    for (let i = 0; i < out.length; i++) out[i] += contrib[fitStart + i];
  }
  return out;
}
