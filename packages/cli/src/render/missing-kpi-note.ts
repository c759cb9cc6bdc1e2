import { missingRows, type MmmModel, type SummaryResult } from '@mixwise/engine';

/** Dates listed before the rest are counted. */
const MAX_DATES = 6;

/**
 * The fit output's line on the periods of the window whose KPI was left out of the fit
 * (skip_missing_kpi), e.g. 'Left out of the fit: 2 periods without a KPI (2024-10-07, 2024-10-21); …'.
 * Empty when there are none, or when the fit's warnings already say it (KPI_NOT_OBSERVED: printed
 * with the other warnings, not twice).
 * @param model the fitted model (actual is NaN for a period left out)
 * @param summary its summary (warnings)
 * @returns the line with its newline, or ''
 * @example missingKpiNote(model, summary) // 'Left out of the fit: 1 period without a KPI (2024-10-07); its spend still carries over.\n'
 */
export function missingKpiNote(model: Pick<MmmModel, 'actual' | 'dates' | 'window'>, summary: Pick<SummaryResult, 'warnings'>): string {
  if (summary.warnings.some((w) => (w.code as string) === 'KPI_NOT_OBSERVED')) return '';
  const rows = missingRows(model.actual, model.window.start, model.window.end);
  if (rows.length === 0) return '';
  const dates = rows.slice(0, MAX_DATES).map((t) => model.dates[t]).join(', ') + (rows.length > MAX_DATES ? `, … (${rows.length - MAX_DATES} more)` : '');
  const n = rows.length;
  return `Left out of the fit: ${n} period${n === 1 ? '' : 's'} without a KPI (${dates}); ${n === 1 ? 'its' : 'their'} spend still carries over.\n`;
}
