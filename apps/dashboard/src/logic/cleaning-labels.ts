import type { CleaningChoice, CleaningStepSummary } from '@mixwise/contracts';

/** What each cleaning choice is called on the Data page, and what it does. */
export const CLEANING_LABELS: Readonly<Record<CleaningChoice, { label: string; detail: string }>> = {
  sort_dates: { label: 'Sort rows by date', detail: 'oldest first' },
  negatives_clip: { label: 'Clip negative spend to 0', detail: 'refunds or corrections below zero' },
  fill_gaps: { label: 'Empty spend cells → 0', detail: 'a missing KPI is never filled in' },
  impute_controls: { label: 'Interpolate empty control cells', detail: 'linearly between the nearest known values' },
  winsorize: { label: 'Cap spend outliers', detail: 'at the 1% and 99% quantiles' },
  // The same words as `mixwise fit --help` for --clean skip_missing_kpi (SKIP_MISSING_KPI_HELP).
  skip_missing_kpi: { label: 'Leave periods without a KPI out of the fit', detail: 'a period whose KPI is empty, NA or NaN is left out of the fit, its spend still carries over; with fill_gaps, so is a missing period' },
};

/**
 * One line saying what cleaning changed, step by step, with the columns it touched.
 * @example cleaningSummaryText([{ step: 'negatives', changes: 1, columns: { tv_spend: 1 } }]) // 'negatives: 1 cell (tv_spend)'
 */
export function cleaningSummaryText(steps: readonly CleaningStepSummary[]): string {
  return steps.map((s) => {
    const columns = Object.keys(s.columns);
    const shown = columns.slice(0, 4).join(', ') + (columns.length > 4 ? `, … (${columns.length} columns)` : '');
    return `${s.step}: ${s.changes === 0 ? 'no change' : `${s.changes} ${s.changes === 1 ? 'cell' : 'cells'} (${shown})`}`;
  }).join('; ');
}
