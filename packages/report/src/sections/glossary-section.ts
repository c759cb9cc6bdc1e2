import { escapeHtml } from '../escape-html.ts';
import { section, type SectionContext } from './section-context.ts';

/** The terms the report uses, each in plain words (what it is, and how to read it). */
export const GLOSSARY: readonly (readonly [term: string, meaning: string])[] = [
  ['ROI (return on investment)', 'the KPI credited to a channel divided by what was spent on it, over the modeling window. For a revenue KPI, 1 is break-even: above 1 the channel brought in more than it cost. For a count KPI (orders, leads) it is KPI units per unit of spend, named "KPI per spend".'],
  ['Marginal ROI (mROI)', 'what the next extra unit of spend returns, not the average. Media saturate, so the marginal ROI is below the average ROI; money should move from channels with a low marginal ROI to those with a high one. The ROI table gives it over the spend as it actually ran (in bursts and lulls); the response curves and the planner give it at a steady spend of the same mean, which can differ a lot.'],
  ['Contribution', 'the part of the KPI the model credits to a channel (or to the baseline: trend, seasonality, events, controls).'],
  ['Response curve', 'the KPI per period the model expects at each steady level of spend per period. It flattens as spend rises (saturation).'],
  ['Adstock (carryover)', 'how the effect of one period\'s spend spreads over the following periods: TV seen this week still sells next week.'],
  ['Bootstrap interval', 'a range for a figure found by refitting the model to many resampled versions of the data: the 90% interval holds the middle 90% of the refits\' figures. Wide means the data pin the figure down poorly; a range that reaches 0 means no effect cannot be ruled out. A Bayesian fit gives a credible interval instead, read the same way.'],
  ['R² and adjusted R²', 'the share of the KPI\'s ups and downs the model reproduces (1 is perfect); adjusted R² is penalised for the number of terms.'],
  ['NRMSE', 'the typical error of the model\'s fitted KPI, as a share of the KPI\'s range (0.1 = errors about a tenth of the range). Lower is better.'],
  ['MAPE and WMAPE', 'the average error as a percentage of the KPI; WMAPE weights each period by its size, so small periods do not dominate. Lower is better.'],
  ['DECOMP.RSSD', 'how far the split of effect across channels is from the split of spend (Robyn\'s measure). The model search prefers lower values among models that fit equally well, to avoid implausible credit.'],
  ['Holdout', 'the last periods, kept out of the fit and predicted afterwards: how well the model forecasts data it has not seen.'],
  ['Baseline', 'the KPI the model expects with no media spend: trend, seasonality, events and controls.'],
];

/**
 * A short glossary of the report's terms in plain words (GLOSSARY), at the end of the appendix.
 * @example glossarySection(ctx).includes('<dt>NRMSE</dt>') // true
 */
export function glossarySection(_ctx: SectionContext): string {
  const items = GLOSSARY.map(([t, m]) => `<dt>${escapeHtml(t)}</dt><dd>${escapeHtml(`${m.charAt(0).toUpperCase()}${m.slice(1)}`)}</dd>`).join('');
  return section('glossary', 'Glossary', `<dl class="glossary">${items}</dl>`);
}
