import type { MmmModel } from '../model/mmm-model.ts';
import { adstockWeights } from '../transforms/adstock/adstock.ts';
import { referenceRows, responseModelFromMmm } from './response-model-from-mmm.ts';
import { planHolidaysOf } from './plan-holidays.ts';
import type { PlanModel, PlanModelOptions } from './plan-types.ts';

export type { PlanModelOptions } from './plan-types.ts';

/**
 * Reduce a fitted model to what multi-period planning needs: the steady-state channels of
 * `responseModelFromMmm` plus each channel's normalised adstock weights [maxLag + 1], scale, and
 * the last maxLag periods of its spend (the plan starts right after the last row of the data), so
 * the carryover of spend before the plan is counted exactly as `channelContribution` counts it (for a
 * geo-level model per geo, with the plan split across geos by their shares: `geoHistory`), and
 * the spend after the plan (options.afterPlan); `built` records the options; `holidays` the model's
 * `--holidays` events, which the plan places on its future dates (planHolidaysOf).
 * @param model a fitted model; options referencePeriods for "current" spend and baseline, afterPlan
 * @throws EngineError('INVALID_ARGUMENT') for a bad referencePeriods
 * @example planModelFromMmm(model).channels[0].weights.length // maxLag + 1
 */
export function planModelFromMmm(model: MmmModel, options: PlanModelOptions = {}): PlanModel {
  // Plans work on the point curves (a replicate's adstock differs too; see replicateModels for intervals).
  const reference = {
    ...(options.referencePeriods === undefined ? {} : { referencePeriods: options.referencePeriods }),
    ...(options.current === undefined ? {} : { current: options.current }),
  };
  const rm = responseModelFromMmm(model, { ...reference, uncertainty: 'point' });
  const afterPlan = options.afterPlan ?? 'current';
  const channels = model.channels.map((ch, c) => {
    // Plan spend is money at the reference cost (factor money → e, see referenceCosts): the history, in e,
    // is restated in that money and the scale divided by the factor, so (Σ w·x)/scale is the transforms' input.
    const f = rm.channels[c].cost?.factor ?? 1;
    const recent = (x: readonly number[]) => {
      const h = x.slice(Math.max(0, x.length - ch.maxLag));
      return f === 1 ? h : h.map((v) => v / f);
    };
    // A geo-level channel: each geo's own carry-in (geoCarryIn); the plan's spend is split by the shares,
    // so beyond the carry-in it meets the national curve that responseModelFromMmm gives.
    const geo = ch.panel === undefined ? {} : { geoHistory: { shares: ch.panel.shares, history: ch.panel.spend.map(recent) } };
    return {
      ...rm.channels[c],
      weights: Array.from(adstockWeights(ch.adstock, ch.maxLag, true)),
      scale: ch.scale / f,
      history: recent(ch.spend),
      ...geo,
      after: afterPlan === 'current' ? rm.channels[c].current : 0,
    };
  });
  const holidays = planHolidaysOf(model, referenceRows(model, options.referencePeriods));
  return { channels, baseline: rm.baseline, built: { ...reference, afterPlan }, ...(holidays === undefined ? {} : { holidays }) };
}
