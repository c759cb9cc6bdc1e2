import type { Issue } from '../issue.ts';
import { daysFromIso, isoFromDays } from '../read/date.ts';
import { makeIssue } from '../validate/make-issue.ts';

/** The first and last dates (and their periods' starts) of the spend and KPI files, as int_source_ranges gives them. */
export interface SourceRanges {
  spend_first: string; spend_last: string; spend_first_period: string; spend_last_period: string;
  kpi_first: string; kpi_last: string; kpi_first_period: string; kpi_last_period: string;
}

/**
 * SPEND_STARTS_LATE / SPEND_ENDS_EARLY errors when the spend file as a whole (every channel) starts well
 * after or ends well before the KPI file inside the modeling window: the periods between would be zero
 * spend for every channel, which a fit reads as a time with no marketing (the real spend of those
 * periods is missing from the export). "Well" is at least two whole periods and 14 days; a shorter
 * stretch is reported per channel as SPEND_GAP_FILLED.
 * @param r the files' date ranges
 * @param files the spend and KPI file names
 * @param stepDays 7 (weekly) or 1 (daily)
 * @param window the config's modeling window (yyyy-mm-dd), when set: only the KPI inside it counts
 * @returns the errors, [] when the spend covers the KPI
 * @example spendCoverageIssues(ranges, { spend: 'ads.csv', kpi: 'kpi.csv' }, 7)[0].code // 'SPEND_STARTS_LATE'
 */
export function spendCoverageIssues(r: SourceRanges, files: { spend: string; kpi: string }, stepDays: number, window: { start?: string; end?: string } = {}): Issue[] {
  const out: Issue[] = [];
  const least = Math.max(2 * stepDays, 14);
  const kpiFrom = window.start !== undefined && window.start > r.kpi_first_period ? window.start : r.kpi_first_period;
  const kpiTo = window.end !== undefined && window.end < r.kpi_last_period ? window.end : r.kpi_last_period;
  const what = `${files.spend} (all channels) covers ${r.spend_first} … ${r.spend_last}, ${files.kpi} covers ${r.kpi_first} … ${r.kpi_last}`;
  const before = daysFromIso(r.spend_first_period) - daysFromIso(kpiFrom);
  if (before >= least) {
    out.push(makeIssue('SPEND_STARTS_LATE', 'error',
      `${what}: the ${periods(before, stepDays)} from ${kpiFrom} to ${isoFromDays(daysFromIso(r.spend_first_period) - 1)} would have zero spend for every channel`,
      `supply the spend of ${kpiFrom} … ${isoFromDays(daysFromIso(r.spend_first) - 1)} (an export that starts too late?), or model from the spend's start: set window: { start: ${r.spend_first_period} } in mixwise.yaml (or fit --start ${r.spend_first_period})`,
      { file: files.spend, column: 'date' }));
  }
  const after = daysFromIso(kpiTo) - daysFromIso(r.spend_last_period);
  if (after >= least) {
    out.push(makeIssue('SPEND_ENDS_EARLY', 'error',
      `${what}: the ${periods(after, stepDays)} from ${isoFromDays(daysFromIso(r.spend_last_period) + stepDays)} to ${kpiTo} would have zero spend for every channel`,
      `supply the spend after ${r.spend_last} (an export that stops too early?), or model up to the spend's end: set window: { end: ${r.spend_last_period} } in mixwise.yaml (or fit --end ${r.spend_last_period}; the window's end is its last period)`,
      { file: files.spend, column: 'date' }));
  }
  return out;
}

function periods(days: number, stepDays: number): string {
  const n = Math.round(days / stepDays);
  return `${n} ${stepDays === 7 ? 'week' : 'day'}${n === 1 ? '' : 's'}`;
}
