import type { MmmModel } from '../model/mmm-model.ts';
import { adstockWeights } from '../transforms/adstock/adstock.ts';
import { responseModelFromMmm, type ResponseModelOptions } from './response-model-from-mmm.ts';
import type { PlanModel } from './plan-types.ts';

/**
 * Reduce a fitted model to what multi-period planning needs: the steady-state channels of
 * `responseModelFromMmm` plus each channel's normalised adstock weights [maxLag + 1], scale, and
 * the last maxLag periods of its spend (the plan starts right after the last row of the data), so
 * the carryover of spend before the plan is counted exactly as `channelContribution` counts it.
 * @param model a fitted model; options referencePeriods for "current" spend and baseline
 * @throws EngineError('INVALID_ARGUMENT') for a bad referencePeriods
 * @example planModelFromMmm(model).channels[0].weights.length // maxLag + 1
 */
export function planModelFromMmm(model: MmmModel, options: ResponseModelOptions = {}): PlanModel {
  // Plans work on the point curves (a replicate's adstock differs too; see replicateModels for intervals).
  const rm = responseModelFromMmm(model, { ...options, uncertainty: 'point' });
  const channels = model.channels.map((ch, c) => ({
    ...rm.channels[c],
    weights: Array.from(adstockWeights(ch.adstock, ch.maxLag, true)),
    scale: ch.scale,
    history: ch.spend.slice(Math.max(0, ch.spend.length - ch.maxLag)),
  }));
  return { channels, baseline: rm.baseline };
}
