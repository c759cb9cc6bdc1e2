import type { Issue } from '../issue.ts';
import { makeIssue } from '../validate/make-issue.ts';
import type { SourceRanges } from './spend-coverage.ts';

/** A period of the calendar without a value of one KPI (int_gaps, source 'kpi'). */
export interface KpiGap {
  date: string;
  geo: string;
  product: string;
  name: string;
}

/**
 * KPI_GAP errors: one per period with no value of a KPI inside the KPI file's range (a KPI cannot be
 * invented); the periods before the KPI file's first date or after its last, which exist because the
 * spend file runs longer, are one error per KPI and side, naming both files' ranges and the fix (trim
 * the spend file), rather than one misleading "add the missing dates" per period.
 * @param gaps the gaps, in KPI then date order
 * @param r both files' date ranges
 * @param files the KPI and spend file names
 * @returns the errors
 * @example kpiGapIssues(gaps, ranges, { kpi: 'kpi.csv', spend: 'ads.csv' })[0].message // 'no value of "revenue" in the 52 periods 2020-01-06 … 2020-12-28: ads.csv has lines there (it covers 2020-01-06 … 2024-12-29), before kpi.csv\'s first date 2021-01-04'
 */
export function kpiGapIssues(gaps: readonly KpiGap[], r: SourceRanges, files: { kpi: string; spend: string }): Issue[] {
  const inside: Issue[] = [];
  const outside = new Map<string, KpiGap[]>();
  for (const g of gaps) {
    const side = g.date < r.kpi_first_period ? 'before' : g.date > r.kpi_last_period ? 'after' : '';
    if (side === '') {
      inside.push(makeIssue('KPI_GAP', 'error', `no value of "${g.name}"${where(g)} in the period starting ${g.date}`,
        'add the missing dates to the KPI file (a KPI gap cannot be filled with zero)', { file: files.kpi, column: g.name }));
    } else {
      const key = JSON.stringify([g.name, g.geo, g.product, side]);
      outside.set(key, [...(outside.get(key) ?? []), g]);
    }
  }
  const edges = [...outside.values()].map((list) => {
    const g = list[0];
    const before = g.date < r.kpi_first_period;
    const span = list.length === 1 ? `the period starting ${g.date}` : `the ${list.length} periods ${g.date} … ${list[list.length - 1].date}`;
    const bound = before ? `before ${files.kpi}'s first date ${r.kpi_first}` : `after ${files.kpi}'s last date ${r.kpi_last}`;
    return makeIssue('KPI_GAP', 'error', `no value of "${g.name}"${where(g)} in ${span}: ${files.spend} has lines there (it covers ${r.spend_first} … ${r.spend_last}), ${bound}`,
      `trim ${files.spend} to the KPI's dates, or add the KPI of ${list.length === 1 ? 'that period' : 'those periods'}; if the weeks look shifted by one, check week_start under sources:`,
      { file: files.kpi, column: g.name });
  });
  return [...edges, ...inside];
}

function where(g: Pick<KpiGap, 'geo' | 'product'>): string {
  const parts = [g.geo === '' ? '' : `geo "${g.geo}"`, g.product === '' ? '' : `product "${g.product}"`].filter((x) => x !== '');
  return parts.length === 0 ? '' : ` (${parts.join(', ')})`;
}
