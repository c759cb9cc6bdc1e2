import { responseCurve, type MmmModel, type ResponseCurve } from '@mixwise/engine';
import { meanRange } from './window-rows.ts';

/**
 * Every channel's steady-state response curve (engine `responseCurve`), with the operating point at
 * the channel's mean spend per period over the modeling window — the same "current" as
 * summary.json's ROI and the optimizer.
 * @param model the fitted model
 * @param maxMultiple curves run from 0 to maxMultiple × current spend (default 3)
 * @param nPoints points per curve (default 61)
 * @returns one ResponseCurve per channel, in model order
 * @example modelResponseCurves(model)[0].current.spend // mean tv spend per period
 */
export function modelResponseCurves(model: MmmModel, maxMultiple = 3, nPoints = 61): ResponseCurve[] {
  const { start, end } = model.window;
  return model.channels.map((ch) => responseCurve(ch, meanRange(ch.spend, start, end), maxMultiple, nPoints));
}
