import { adstockShapes, modelResponseCurves, organicResponseCurves, organicStepsText, responseCurves } from '@mixwise/charts';
import { MROI_SCALES_HISTORY } from '@mixwise/engine';
import { chartFigure, section, type SectionContext } from './section-context.ts';

/**
 * Steady-state response curves with the current operating points, the organic media's (in exposure
 * units, KPI per a step of exposures at each series' scale; only for a model with organic media), and the carryover shapes.
 * @example curvesSection(ctx).includes('data-chart="response-curves"') // true
 */
export function curvesSection(ctx: SectionContext): string {
  const { model } = ctx;
  return section('curves', 'Response curves', [
    chartFigure('response-curves', 'Response curves with the current spend', responseCurves(model, modelResponseCurves(model)), `${model.target.name} per period against a sustained spend per period: solid over the spend levels the data cover, dashed where the curve is extrapolated; the dot is the current mean spend, labelled with the marginal ROI of sustained spend there (the slope of the curve), which the legend repeats beside the channel's name as "at steady spend": ${MROI_SCALES_HISTORY}.`, ctx.size),
    ...((model.organic ?? []).length > 0 ? [chartFigure('organic-response-curves', 'Organic media response curves with the current exposure', organicResponseCurves(model), `${model.target.name} per period against a sustained exposure per period, in each column's own units (sends, impressions), not money: organic media have no spend, so no ROI. Solid over the exposure levels the data cover, dashed where extrapolated; the dot is the current mean exposure, labelled with the extra ${model.target.name} ${organicStepsText(model)} sustained there (a round step at each series' own scale).`, ctx.size)] : []),
    chartFigure('adstock-shapes', 'Adstock: how long an effect lasts', adstockShapes(model), 'How the effect of one period’s spend spreads over the following periods (carryover).', ctx.size),
  ].join(''));
}
