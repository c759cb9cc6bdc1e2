import { compareRuns, newPeriodsRoi, type MmmModel, type NewPeriodsRoi, type RunComparison, type SummaryResult } from '@mixwise/engine';
import { formatComparison } from '../render/comparison.ts';
import { formatNewPeriodsRoi } from '../render/new-periods-roi.ts';
import type { FitRefresh } from './fit-refresh.ts';

/** The comparison of PREV_RUN (A) with the new run (B) and the new periods' ROIs. */
function refreshFacts(refresh: FitRefresh, model: MmmModel, summary: SummaryResult): { comparison: RunComparison; newPeriods: NewPeriodsRoi } {
  const prev = refresh.source.run.model;
  // A channel renamed with --rename is compared under its new name.
  const before = refresh.source.run.summary;
  const renamed = { ...before, channels: before.channels.map((c) => ({ ...c, name: refresh.names?.[c.name] ?? c.name })) };
  const comparison = compareRuns({ run: refresh.source.shown, summary: renamed }, { run: refresh.out, summary });
  return { comparison, newPeriods: newPeriodsRoi(model, prev.dates[prev.window.end - 1] ?? '') };
}

/**
 * writeRunFiles' summary hook of a refresh: summary.json gets `refresh: { previous, new_periods,
 * bound_width, comparison, new_periods_roi }`, the comparison of PREV_RUN (A) with the new run (B) and
 * each channel's ROI over the new periods only (newPeriodsRoi); the refresh's window warnings join `warnings`.
 */
export function refreshSummary(refresh: FitRefresh, model: MmmModel): (summary: SummaryResult) => SummaryResult {
  return (summary) => {
    const { comparison, newPeriods } = refreshFacts(refresh, model, summary);
    const json = {
      previous: refresh.record.previous, new_periods: refresh.record.newPeriods, bound_width: refresh.record.boundWidth, comparison,
      new_periods_roi: newPeriods,
    };
    return { ...summary, warnings: [...summary.warnings, ...(refresh.warnings ?? [])], refresh: json } as SummaryResult;
  };
}

/** The comparison printed after a refreshed fit's summary, with the new periods' ROIs and what the narrowed search means. */
export function refreshText(refresh: FitRefresh, model: MmmModel, summary: SummaryResult): string {
  const { comparison, newPeriods } = refreshFacts(refresh, model, summary);
  const width = Math.round(refresh.record.boundWidth * 100);
  return `\nRefresh of ${refresh.source.shown}: ${refresh.record.newPeriods} new periods; each curve parameter searched over ${width}% of its range around the previous value.\n`
    + formatComparison(comparison, ['before', 'after'])
    + (width < 100 ? `The "after" intervals are conditional on that narrowed search (curves held near the previous run's), so they may be narrower than a fresh fit's would be: part of any narrowing comes from the search, not from the data.\n` : '')
    + formatNewPeriodsRoi(newPeriods, summary);
}
