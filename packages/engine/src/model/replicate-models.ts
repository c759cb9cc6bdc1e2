import type { MmmModel, ModelChannel } from './mmm-model.ts';
import { channelRoi } from '../analysis/channel-roi.ts';

/**
 * The model as each bootstrap replicate saw it: the same data and baseline, every channel's adstock,
 * saturation, scale and coefficient replaced by the replicate's (model.bootstrapCurves). Models
 * written before replicate curves were stored only have replicate ROIs: there each replicate is the
 * point curve with its coefficient scaled by replicate ROI / point ROI (exact when only the
 * coefficient differs, as ROI is linear in it); a channel whose point ROI is 0 or not finite, or a
 * replicate ROI that is not a finite number ≥ 0, keeps the point coefficient.
 * @param model a fitted model
 * @returns one model per replicate (empty when the model has none)
 * @example replicateModels(model).length // model.bootstrapRoi.length, e.g. 100
 */
export function replicateModels(model: MmmModel): MmmModel[] {
  const nC = model.channels.length;
  const curves = model.bootstrapCurves;
  if (curves && curves.length > 0) {
    return curves.filter((rep) => rep.length === nC).map((rep) => withChannels(model, model.channels.map((ch, c) => ({
      ...ch, adstock: rep[c].adstock, saturation: rep[c].saturation, scale: rep[c].scale, coef: rep[c].coef,
    }))));
  }
  const { start, end } = model.window;
  const point = model.channels.map((ch) => channelRoi(ch, start, end));
  return model.bootstrapRoi.filter((rep) => rep.length === nC).map((rep) => withChannels(model, model.channels.map((ch, c) => {
    const ok = point[c] > 0 && Number.isFinite(point[c]) && rep[c] >= 0 && Number.isFinite(rep[c]);
    return { ...ch, coef: ok ? (ch.coef * rep[c]) / point[c] : ch.coef };
  })));
}

function withChannels(model: MmmModel, channels: ModelChannel[]): MmmModel {
  return { ...model, channels, bootstrapRoi: [], bootstrapCurves: [] };
}
