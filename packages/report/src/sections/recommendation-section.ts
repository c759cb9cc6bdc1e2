import { budgetBeforeAfter } from '@mixwise/charts';
import { DEFAULT_BOUNDS_TEXT, limitTag } from '@mixwise/engine';
import { escapeHtml } from '../escape-html.ts';
import { amountCell, htmlTable, percentCell, roiCell } from '../html-table.ts';
import { basisGapText } from '../basis-gap.ts';
import type { Recommendation } from '../recommendation.ts';
import { chartFigure, section, type SectionContext } from './section-context.ts';
import { geoSplitNowNote } from './geo-split-now-note.ts';

/**
 * The budget recommendation in words with its numbers (on a geo-level model, the split across geos it assumes
 * and what today's split gives against it),
 * the per-channel table and before/after bars.
 * @example recommendationSection(ctx).includes('class="recommendation"') // true
 */
export function recommendationSection(ctx: SectionContext): string {
  const r = ctx.recommendation;
  // The planner's own marginal ROI at current spend, when it is known (steady state only).
  const planner = r !== null && r.mode === 'steady-state' && r.channels.some((c) => c.mroiCurrent !== null);
  if (r === null) {
    return section('recommendation', 'Recommendation', `<p class="recommendation">The optimizer found no feasible reallocation within ${DEFAULT_BOUNDS_TEXT} of current spend.</p>`);
  }
  const rows = r.channels.map((c) => ({
    key: c.channel,
    cells: [
      { text: c.channel },
      amountCell(c.current, 'current', ctx.model.money),
      amountCell(c.recommended, 'recommended', ctx.model.money),
      amountCell(c.recommended - c.current, 'change', ctx.model.money),
      c.current > 0 ? percentCell(c.recommended / c.current - 1, 'change_share') : { text: 'n/a' },
      { text: limitText(c), field: 'bound' },
      ...(planner ? [c.mroiCurrent === null ? { text: 'n/a', field: 'mroi_current' } : roiCell(c.mroiCurrent, 'mroi_current')] : []),
    ],
  }));
  const table = new Map(ctx.summary.channels.map((c) => [c.name, c.mroi]));
  const gaps = planner ? basisGapText(r.channels.flatMap((c) => (c.mroiCurrent === null || !table.has(c.channel) ? [] : [{ channel: c.channel, actual: table.get(c.channel) ?? NaN, steady: c.mroiCurrent }])), 'marginal ROI at current spend', 'in the planner') : '';
  const unit = r.mode === 'plan' ? `over ${r.periods} periods` : 'per period';
  const current = Object.fromEntries(r.channels.map((c) => [c.channel, c.current]));
  const proposed = Object.fromEntries(r.channels.map((c) => [c.channel, c.recommended]));
  return section('recommendation', 'Recommendation', [
    `<p class="recommendation" data-lift="${String(r.expected.lift)}">${escapeHtml(r.text)}</p>`,
    // A geo-level model: beside the recommendation, the split across geos it assumes (the Geos section says it too).
    r.geoSplit ? `<p class="note geo-split">${escapeHtml(`${r.geoSplit.charAt(0).toUpperCase()}${r.geoSplit.slice(1)}.`)}</p>` : '',
    // And what today's split across geos gives against it: the model's untested credit, which the plan does not move.
    geoSplitNowNote(r),
    `<p class="note">${escapeHtml(`Spend ${unit}; ${r.basis}. Current spend is ${r.reference}. Predictions come from ${r.curves}, so they differ from the fit's ROI table (the window's actual spend, on the point estimate), and carry the model's uncertainty (see the ROI intervals).${r.curvesNote ? ` ${r.curvesNote}` : ''}`)}</p>`,
    htmlTable(['channel', `current (${unit})`, 'recommended', 'change', 'change %', 'limit', ...(planner ? ['mROI now (planner)'] : [])], rows, 'allocation'),
    ...(planner ? [`<p class="note">${escapeHtml(`mROI now (planner) is the marginal ROI at current spend on the planner's curves, at a steady spend per period; the ROI table's mROI is over the window's actual spend.${gaps} A channel "at its limit" stops there because of the allowed range around current spend, not because the model says so.`)}</p>`] : []),
    chartFigure('budget-before-after', 'Current and recommended spend per channel', budgetBeforeAfter(current, proposed, ctx.model.money), `Current and recommended spend ${unit}.`, ctx.size),
  ].join(''));
}

/** The limit column: 'at its 2× upper limit', 'locked', or '' for a channel the model places freely. */
function limitText(c: Recommendation['channels'][number]): string {
  // The engine's tag after a move's percentage (', at its 2× upper limit'), without its leading comma.
  return c.status === 'locked' ? 'locked' : limitTag(c).replace(/^, /, '');
}
