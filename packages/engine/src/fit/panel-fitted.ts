import type { SearchPanel, SearchProblem } from './search/search-problem.ts';
import type { CandidateFit } from './search/candidate-evaluator.ts';
import { channelContribution } from '../model/channel-response.ts';

/**
 * Each geo's fitted KPI over the fit rows, in the geo's own units (spec/panel.ts):
 * s_g · (μ_g + Σ_j θ_j z_{g,j}(t) + Σ_c β_c f_c(A_c(x_{g,c}/s_g)[t]/scale_c)), with z_{g,j} the geo's
 * values of a control measured per geo and the shared column otherwise.
 * @param problem a search problem with `panel` set
 * @param fit a fit of it (createPanelEvaluator: has geoIntercepts)
 * @returns [nGeos][fitEnd − fitStart]
 * @example panelFittedValues(problem, fit)[0][0] // geo 0's fitted KPI in the first fit row
 */
export function panelFittedValues(problem: SearchProblem, fit: CandidateFit): Float64Array[] {
  const panel = problem.panel as SearchPanel;
  const { fitStart, fitEnd } = problem;
  const nFit = fitEnd - fitStart;
  const mu = fit.geoIntercepts as Float64Array;
  return panel.shares.length === 0 ? [] : Array.from(panel.shares, (s, g) => {
    const f = new Float64Array(nFit).fill(mu[g]);
    problem.baseline.forEach((b, j) => {
      const coef = fit.baselineCoef[j];
      const v = panel.baseline[j]?.[g] ?? b.values;
      if (coef !== 0) for (let i = 0; i < nFit; i++) f[i] += coef * v[fitStart + i];
    });
    problem.channels.forEach((ch, c) => {
      const curve = { adstock: fit.hyper.channels[c].adstock, maxLag: ch.maxLag, saturation: fit.hyper.channels[c].saturation, scale: fit.scales[c], coef: fit.mediaCoef[c] };
      const contrib = channelContribution({ ...curve, spend: panel.spend[c][g] }, Float64Array.from(panel.spend[c][g], (x) => x / s));
      for (let i = 0; i < nFit; i++) f[i] += contrib[fitStart + i];
    });
    for (let i = 0; i < nFit; i++) f[i] *= s;
    return f;
  });
}
