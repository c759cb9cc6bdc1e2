import { compareRuns, newPeriodsRoi, type MmmModel, type MoneyFormat, type SummaryRefresh, type SummaryResult } from '@mixwise/engine';
import { formatComparison } from '../render/comparison.ts';
import { formatNewPeriodsRoi } from '../render/new-periods-roi.ts';
import type { FitRefresh } from './fit-refresh.ts';

/**
 * writeRunFiles' summary hook of a refresh: summary.json gets `refresh: { previous, new_periods,
 * bound_width, comparison, new_periods_roi }`, the comparison of PREV_RUN (A) with the new run (B) and
 * each channel's ROI over the new periods only (newPeriodsRoi); the refresh's window warnings join `warnings`.
 */
export function refreshSummary(refresh: FitRefresh, model: MmmModel): (summary: SummaryResult) => SummaryResult {
  const prev = refresh.source.run.model;
  // A channel renamed with --rename is compared under its new name.
  const before = refresh.source.run.summary;
  const renamed = { ...before, channels: before.channels.map((c) => ({ ...c, name: refresh.names?.[c.name] ?? c.name })) };
  return (summary) => {
    const json: SummaryRefresh = {
      previous: refresh.record.previous, new_periods: refresh.record.newPeriods, bound_width: refresh.record.boundWidth,
      comparison: compareRuns({ run: refresh.source.shown, summary: renamed }, { run: refresh.out, summary }),
      new_periods_roi: newPeriodsRoi(model, prev.dates[prev.window.end - 1] ?? ''),
    };
    return { ...summary, warnings: [...summary.warnings, ...(refresh.warnings ?? [])], refresh: json };
  };
}

/**
 * The comparison printed after a refreshed fit's summary, with the new periods' ROIs and what the narrowed search means,
 * read from the written summary's `refresh` (refreshSummary computed it once; never recomputed here).
 * @param summary the summary writeRunFiles returned (the one written, with `refresh`)
 * @param money the new run's currency and locale (MmmModel.money); the previous run's is its model's
 */
export function refreshText(refresh: FitRefresh, summary: SummaryResult, money?: MoneyFormat): string {
  const facts = summary.refresh;
  if (facts === undefined) return '';
  const width = Math.round(refresh.record.boundWidth * 100);
  return `\nRefresh of ${refresh.source.shown}: ${refresh.record.newPeriods} new periods; each curve parameter searched over ${width}% of its range around the previous value.\n`
    + formatComparison(facts.comparison, ['before', 'after'], { a: refresh.source.run.model.money, b: money })
    + (width < 100 ? `The "after" intervals are conditional on that narrowed search (curves held near the previous run's), so they may be narrower than a fresh fit's would be: part of any narrowing comes from the search, not from the data.\n` : '')
    + (facts.new_periods_roi === undefined ? '' : formatNewPeriodsRoi(facts.new_periods_roi, summary));
}
