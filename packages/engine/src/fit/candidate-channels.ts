import type { SearchProblem } from './search/search-problem.ts';
import type { CandidateFit } from './search/candidate-evaluator.ts';
import type { ModelChannel } from '../model/mmm-model.ts';

/**
 * The channels of a fitted candidate as model channels (spend history, kernels, scale, coefficient).
 * @example candidateChannels(problem, fit)[0].coef // KPI per unit of saturated value
 */
export function candidateChannels(problem: SearchProblem, fit: CandidateFit): ModelChannel[] {
  return problem.channels.map((ch, c) => ({
    name: ch.name, column: ch.name, spend: Array.from(ch.spend),
    adstock: fit.hyper.channels[c].adstock, maxLag: ch.maxLag,
    saturation: fit.hyper.channels[c].saturation, scale: fit.scales[c], coef: fit.mediaCoef[c],
  }));
}
