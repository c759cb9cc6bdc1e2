import { formatPercent, formatRatio, formatRoi, formatSigned, intervalText, refreshSentence, roiComparison, roiComparisonHeight, roiLabel } from '@mixwise/charts';
import type { ComparedRun, SummaryRefresh } from '@mixwise/engine';
import { newPeriodsHaveIntervals } from '@mixwise/engine';
import { escapeHtml } from '../escape-html.ts';
import { amountCell, htmlTable, percentCell, roiCell, type Cell } from '../html-table.ts';
import { chartFigure, section, type SectionContext } from './section-context.ts';

/** One row of the before/after table of the two runs' windows and fit. */
function runRow(key: string, label: string, cell: (r: ComparedRun, side: 'before' | 'after') => Cell, c: SummaryRefresh['comparison']) {
  return { key, cells: [{ text: label }, cell(c.a, 'before'), cell(c.b, 'after')] };
}

/**
 * "Changes since the previous model" of a `mixwise fit --refresh` run (summary.json `refresh`, read by
 * summaryRefresh): the sentence naming the earlier run, the new periods and the search width; the two
 * runs' windows, fit and baseline share side by side; ROI before → after per channel as a chart
 * (roiComparison, the dashboard's) and as a table with both 90% intervals, the change and the verdict;
 * channels in one run only; and the comparison's headline. Shown first, as it is what a refresh is read for.
 * @param ctx the section context
 * @param refresh the summary's refresh (well formed)
 * @example refreshSection(ctx, refresh).startsWith('<section id="refresh">') // true
 */
export function refreshSection(ctx: SectionContext, refresh: SummaryRefresh): string {
  const c = refresh.comparison;
  const roiName = roiLabel(ctx.model.target.kind);
  const metric = (field: string, f: (r: ComparedRun) => number, format: (x: number) => string) =>
    (r: ComparedRun, side: string): Cell => ({ text: format(f(r)), value: f(r), field: `${side}.${field}` });
  const runs = htmlTable(['', `before (${c.a.run})`, `after (${c.b.run})`], [
    runRow('window', 'data window', (r, side) => ({ text: `${r.first_date} to ${r.last_date}`, field: `${side}.window` }), c),
    runRow('periods', 'periods', metric('periods', (r) => r.periods, String), c),
    runRow('r2', 'R²', metric('r2', (r) => r.r2, formatRatio), c),
    runRow('nrmse', 'NRMSE', metric('nrmse', (r) => r.nrmse, (x) => x.toFixed(3)), c),
    runRow('holdout', 'holdout', (r, side) => ({ text: r.holdout === null ? 'none' : `${r.holdout.periods} periods: R² ${formatRatio(r.holdout.r2)}, NRMSE ${r.holdout.nrmse.toFixed(3)}`, field: `${side}.holdout` }), c),
    runRow('baseline_share', 'baseline share', (r, side) => percentCell(r.baseline_share, `${side}.baseline_share`), c),
  ], 'refresh-runs');
  const rows = c.channels.map((ch) => ({
    key: ch.name,
    cells: [
      { text: ch.name },
      amountCell(ch.spend_per_period_a, 'spend_per_period_a'),
      amountCell(ch.spend_per_period_b, 'spend_per_period_b'),
      roiCell(ch.roi_a, 'roi_a'),
      { text: intervalText(ch.roi_interval_a, formatRoi), field: 'roi_interval_a' },
      roiCell(ch.roi_b, 'roi_b'),
      { text: intervalText(ch.roi_interval_b, formatRoi), field: 'roi_interval_b' },
      { text: formatSigned(ch.roi_change, 2), value: ch.roi_change, field: 'roi_change' },
      { text: ch.roi_change_relative === null ? 'n/a' : `${formatSigned(ch.roi_change_relative * 100, 0)}%`, ...(ch.roi_change_relative === null ? {} : { value: ch.roi_change_relative }), field: 'roi_change_relative' },
      { text: ch.verdict, field: 'verdict' },
    ],
  }));
  const only = [
    ...(c.only_in_a.length > 0 ? [`Only in the previous model: ${c.only_in_a.join(', ')} (not fitted now).`] : []),
    ...(c.only_in_b.length > 0 ? [`New in this model: ${c.only_in_b.join(', ')}.`] : []),
  ];
  const chart = c.channels.length === 0 ? '' : chartFigure('roi-comparison', `${roiName} per channel before and after the refresh`,
    roiComparison(c, { kpiKind: ctx.model.target.kind }),
    `${roiName} per channel in the previous model (● before) and this one (◆ after), each with its 90% interval; "(intervals apart)" marks a channel whose two intervals do not overlap (overlapping intervals do not show that the ROI is unchanged).`,
    { width: ctx.size.width, height: roiComparisonHeight(c.channels.length) });
  return section('refresh', 'Changes since the previous model', [
    `<p data-field="refresh">${escapeHtml(refreshSentence(refresh))}</p>`,
    `<p data-field="headline"><strong>${escapeHtml(c.headline)}</strong></p>`,
    runs,
    `<p class="note" data-field="baseline_share_change" data-value="${String(c.baseline_share_change)}">Baseline share changed by ${escapeHtml(formatSigned(c.baseline_share_change * 100, 1))} points (${escapeHtml(formatPercent(c.a.baseline_share))} → ${escapeHtml(formatPercent(c.b.baseline_share))}).</p>`,
    chart,
    c.channels.length === 0 ? '' : htmlTable(['channel', 'spend/period before', 'spend/period after', `${roiName} before`, '90% interval before', `${roiName} after`, '90% interval after', 'change', 'change %', 'verdict'], rows, 'refresh-channels'),
    newPeriodsTable(refresh, roiName),
    ...only.map((t) => `<p class="note">${escapeHtml(t)}</p>`),
    `<p class="note">Spend per period is the mean over each model's window. The verdict says only whether the two 90% intervals overlap ("no interval" when a model has none): overlap is no test of change, so read the change and its percent too.</p>`,
  ].join(''));
}

/**
 * Each channel's spend, contribution and ROI over the new periods only (summary.json refresh.new_periods_roi),
 * beside its whole-window ROI: what the new data say on their own. Empty when absent (older summaries) or no new period.
 */
function newPeriodsTable(refresh: SummaryRefresh, roiName: string): string {
  const n = refresh.new_periods_roi;
  if (n === undefined || n.periods === 0 || n.channels.length === 0) return '';
  const whole = new Map(refresh.comparison.channels.map((c) => [c.name, c.roi_b]));
  // No column without an interval (older summaries, no or too few replicates): newPeriodsHaveIntervals.
  const intervals = newPeriodsHaveIntervals(n);
  const rows = n.channels.map((ch) => ({
    key: ch.name,
    cells: [
      { text: ch.name },
      amountCell(ch.spend, 'new_spend'),
      amountCell(ch.contribution, 'new_contribution'),
      ch.roi === null ? { text: 'no spend', field: 'new_roi' } : roiCell(ch.roi, 'new_roi'),
      ...(intervals ? [{ text: intervalText(ch.roi_interval ?? null, formatRoi), field: 'new_roi_interval' }] : []),
      whole.has(ch.name) ? roiCell(whole.get(ch.name) ?? 0, 'window_roi') : { text: 'n/a', field: 'window_roi' },
    ],
  }));
  const span = n.first_date === null ? '' : ` (${n.first_date} to ${n.last_date})`;
  const how = intervals ? 'with 90% intervals over the model\'s bootstrap replicates or posterior draws, as the whole window\'s' : 'point estimates, without intervals';
  return `<h3>The new periods on their own</h3><p class="note">Over the ${n.periods} new periods${escapeHtml(span)}: contribution ÷ spend of those periods from this model's decomposition (${escapeHtml(how)}), beside the ${escapeHtml(roiName)} over the whole window.</p>`
    + htmlTable(['channel', 'spend, new periods', 'contribution, new periods', `${roiName}, new periods`, ...(intervals ? ['90% interval, new periods'] : []), `${roiName}, whole window`], rows, 'refresh-new-periods');
}
