import type { SearchProblem } from './search/search-problem.ts';
import { paidChannelCount, withoutValidation } from './search/search-problem.ts';
import { createCandidateEvaluator, type CandidateFit } from './search/candidate-evaluator.ts';
import type { Progress } from './search/run-search.ts';
import type { ModelSpec } from '../spec/model-spec.ts';
import { scalarScore } from './search/scalar-score.ts';
import { blockBootstrapIndices } from '../stats/block-bootstrap-indices.ts';
import { observedRows } from '../spec/observed-rows.ts';
import { createRng } from '../random/rng.ts';
import { normal } from '../random/distributions.ts';
import { candidateChannels, candidateMedia } from './candidate-channels.ts';
import { mediaContribution, mediaRoi } from './panel-contribution.ts';
import { panelFittedValues } from './panel-fitted.ts';
import { sumRange } from '../analysis/decomposition.ts';
import type { ReplicateChannel } from '../model/mmm-model.ts';
import { createPause, throwIfCancelled } from './cancellation.ts';

export interface BootstrapOptions {
  readonly replicates: number;
  /** Re-select among the draws by score in every replicate (true), or use draw r mod nDraws in replicate r (false). */
  readonly reselect: boolean;
  /** ROIs are measured over rows [fitStart, roiEnd): pass the window's end to match summary.json (default fitEnd). */
  readonly roiEnd?: number;
  readonly seed: number;
  readonly weights?: ModelSpec['search']['weights'];
  readonly onProgress?: (p: Progress) => void;
  /** Checked before every replicate; when it returns true the bootstrap stops with EngineError CANCELLED. */
  readonly isCancelled?: () => boolean;
}

/** Every replicate's paid-channel ROIs and the curves behind them, and its organic media's contributions (they have no ROI). */
export interface BootstrapReplicates {
  /** [replicates][nChannels] ROI over rows [fitStart, roiEnd). */
  readonly roi: number[][];
  /** [replicates][nChannels] the refitted adstock, saturation, scale and coefficient. */
  readonly curves: ReplicateChannel[][];
  /** [replicates][nOrganic] each organic series' contribution over rows [fitStart, roiEnd) (KPI units); [] per replicate without organic media. */
  readonly organic: number[][];
}

/**
 * Bootstrap replicates of every channel's ROI and response curve, reflecting both coefficient noise
 * and hyperparameter uncertainty.
 *
 * Residuals of the chosen fit are resampled with the moving-block bootstrap (Künsch 1989; block length
 * ⌈n^(1/3)⌉, which keeps short-range autocorrelation) and added back to its fitted values, on the
 * rows whose KPI is observed (periods without one stay without one); each lift test's result is
 * redrawn within its standard error, since the refit's coefficients are calibrated by the tests. Each
 * replicate then refits hyperparameters taken from `draws`: in turn when they are posterior samples
 * (`reselect: false`), or re-chosen by score among them when they are the search's best candidates
 * (`reselect: true`, the chosen one first). For a geo panel (problem.panel) each geo's residuals are
 * resampled with the same block indices (panelResampler), and ROIs are the national ones (mediaRoi).
 * @param problem the search problem the fit came from
 * @param fit the chosen candidate's fit (its fitted values and residuals are resampled)
 * @param draws unit-space hyperparameter vectors
 * @param options replicates, reselect, seed, optional roiEnd, weights, progress and cancellation
 * @returns per replicate and channel the ROI over rows [fitStart, roiEnd) and the refitted curve, and per
 *   replicate each organic series' contribution over the same rows
 * @throws EngineError CANCELLED when isCancelled returns true
 * @example (await bootstrapRoi(problem, fit, [chosen], { replicates: 100, reselect: false, seed: 1 })).roi.length // 100
 */
export async function bootstrapRoi(problem: SearchProblem, fit: CandidateFit, draws: readonly Float64Array[], options: BootstrapOptions): Promise<BootstrapReplicates> {
  const { fitStart, fitEnd } = problem;
  const resampler = problem.panel === undefined ? nationalResampler(problem, fit) : panelResampler(problem, fit);
  const nObs = resampler.n;
  const rng = createRng(options.seed ^ 0x0b00);
  const block = Math.max(2, Math.ceil(Math.cbrt(nObs)));
  const weights = options.weights ?? problem.weights;
  const roi: number[][] = [];
  const curves: ReplicateChannel[][] = [];
  const organic: number[][] = [];
  const roiEnd = options.roiEnd ?? fitEnd;
  const nPaid = paidChannelCount(problem);
  const obj = new Float64Array(4);
  // Replicates take seconds in all: let the event loop turn between them, so an abort gets through.
  const pause = createPause();
  for (let r = 0; r < options.replicates; r++) {
    throwIfCancelled(options.isCancelled);
    const idx = blockBootstrapIndices(rng, nObs, block);
    // Each replicate also redraws every lift test's result within its standard error (a parametric
    // bootstrap of the experiment), as the refit's coefficients take the tests in (calibrateByLiftTests).
    const liftTests = problem.liftTests.map((lt) => ({ ...lt, lift: normal(rng, lt.lift, lt.se) }));
    const star: SearchProblem = { ...problem, ...resampler.draw(idx), liftTests, calibrateByLiftTests: true };
    let best = draws[Math.floor((r * draws.length) / options.replicates) % draws.length];
    if (options.reselect && draws.length > 1) {
      const ev = createCandidateEvaluator(star);
      let bestScore = Infinity;
      for (const u of draws) {
        ev.evaluate(u, 1, obj);
        const s = scalarScore(obj, 0, weights);
        if (s < bestScore) { bestScore = s; best = u; }
      }
    }
    const refit = createCandidateEvaluator(withoutValidation(star)).fitCandidate(best);
    const channels = candidateChannels(star, refit);
    roi.push(channels.map((ch) => mediaRoi(ch, fitStart, roiEnd)));
    curves.push(channels.map(({ adstock, saturation, scale, coef }) => ({ adstock, saturation, scale, coef })));
    // Organic media (after the paid channels) are refitted too: their contributions give summary.organic's interval.
    organic.push(candidateMedia(star, refit).slice(nPaid).map((m) => sumRange(mediaContribution(m), fitStart, roiEnd)));
    options.onProgress?.({ phase: 'bootstrap', done: r + 1, total: options.replicates });
    await pause();
  }
  return { roi, curves, organic };
}

/** One replicate's KPI: `n` residuals are resampled (by block indices into them) and added back to the fitted values. */
interface Resampler {
  readonly n: number;
  draw(idx: Int32Array): Pick<SearchProblem, 'target' | 'panel'>;
}

/**
 * The national KPI's replicates. Residuals exist only where the KPI does: the observed fit rows, as one
 * compacted series (a gap joins its two sides), which the blocks are drawn from and put back onto the
 * same rows. A period without a KPI stays NaN in every replicate, so every refit leaves it out as the fit did.
 */
function nationalResampler(problem: SearchProblem, fit: CandidateFit): Resampler {
  const { fitStart, fitEnd } = problem;
  const rows = observedRows(problem.target, fitStart, fitEnd);
  const nObs = rows.length;
  const fitted = fittedValues(problem, fit);
  const resid = new Float64Array(nObs);
  for (let i = 0; i < nObs; i++) resid[i] = problem.target[rows[i]] - fitted[rows[i] - fitStart];
  return {
    n: nObs,
    draw(idx) {
      const target = Float64Array.from(problem.target);
      for (let i = 0; i < nObs; i++) target[rows[i]] = fitted[rows[i] - fitStart] + resid[idx[i]];
      return { target };
    },
  };
}

/**
 * A geo panel's replicates: each geo's residuals over the fit rows (a panel has no missing KPI) are
 * resampled with the SAME block indices in every geo, so a shock common to the geos in a period stays
 * common in the replicate, and added to the geo's fitted values; the national KPI is their sum. The
 * geo shares stay those of the fit (the replicate refits the same model).
 */
function panelResampler(problem: SearchProblem, fit: CandidateFit): Resampler {
  const panel = problem.panel as NonNullable<SearchProblem['panel']>;
  const { fitStart, fitEnd } = problem;
  const nFit = fitEnd - fitStart;
  const fitted = panelFittedValues(problem, fit);
  const resid = fitted.map((f, g) => Float64Array.from(f, (v, i) => panel.target[g][fitStart + i] - v));
  return {
    n: nFit,
    draw(idx) {
      const target = Float64Array.from(problem.target);
      const geoTarget = panel.target.map((y, g) => {
        const out = Float64Array.from(y);
        for (let i = 0; i < nFit; i++) out[fitStart + i] = fitted[g][i] + resid[g][idx[i]];
        return out;
      });
      for (let i = 0; i < nFit; i++) {
        let s = 0;
        for (const y of geoTarget) s += y[fitStart + i];
        target[fitStart + i] = s;
      }
      return { target, panel: { ...panel, target: geoTarget } };
    },
  };
}

/** Fitted KPI over the fit rows [fitEnd − fitStart] of a fitted candidate. */
export function fittedValues(problem: SearchProblem, fit: CandidateFit): Float64Array {
  const { fitStart, fitEnd } = problem;
  const out = new Float64Array(fitEnd - fitStart).fill(fit.intercept);
  problem.baseline.forEach((b, j) => {
    const coef = fit.baselineCoef[j];
    if (coef !== 0) for (let i = 0; i < out.length; i++) out[i] += coef * b.values[fitStart + i];
  });
  for (const ch of candidateMedia(problem, fit)) {
    const contrib = mediaContribution(ch);
    for (let i = 0; i < out.length; i++) out[i] += contrib[fitStart + i];
  }
  return out;
}
