import { paidChannelCount, type SearchProblem } from './search/search-problem.ts';
import type { CandidateFit } from './search/candidate-evaluator.ts';
import type { ModelChannel } from '../model/mmm-model.ts';

/**
 * The paid channels of a fitted candidate as model channels (spend history, kernels, scale,
 * coefficient). Organic media are left out: everything that reads these computes ROIs from spend.
 * @example candidateChannels(problem, fit)[0].coef // KPI per unit of saturated value
 */
export function candidateChannels(problem: SearchProblem, fit: CandidateFit): ModelChannel[] {
  return candidateMedia(problem, fit).slice(0, paidChannelCount(problem));
}

/**
 * Every media term of a fitted candidate, paid channels then organic media (whose `spend` is their
 * exposure): for the fitted values, which include both. For a geo panel each carries `panel` (shares
 * and spend per geo).
 * @example candidateMedia(problem, fit).length // problem.channels.length
 */
export function candidateMedia(problem: SearchProblem, fit: CandidateFit): ModelChannel[] {
  const panel = problem.panel;
  return problem.channels.map((ch, c) => ({
    name: ch.name, column: ch.name, spend: Array.from(ch.spend),
    adstock: fit.hyper.channels[c].adstock, maxLag: ch.maxLag,
    saturation: fit.hyper.channels[c].saturation, scale: fit.scales[c], coef: fit.mediaCoef[c],
    // A geo panel's channel carries its geo split: its contribution is the sum over geos (mediaContribution).
    ...(panel === undefined ? {} : { panel: { shares: Array.from(panel.shares), spend: panel.spend[c].map((x) => Array.from(x)) } }),
  }));
}
