import type { Issue } from '../issue.ts';
import type { CsvTable } from '../read/read-csv.ts';
import { isoFromDays, parseDate } from '../read/date.ts';
import { makeIssue } from '../validate/make-issue.ts';

/** How many filled dates the KPI_DAYS_FILLED warning lists before "… (N in all)". */
const SHOWN_DATES = 10;

/**
 * `sources.kpi_missing_days: zero`: a daily KPI file built by GROUP BY has no row on a day without
 * deals or orders, which the weekly roll-up would read as a partial week (PARTIAL_KPI_PERIOD). The
 * days between the file's first and last date that have no row get one with 0 for every KPI (geo and
 * product left empty), appended after the file's own lines so their line numbers stay. A file whose
 * dates are not daily (the smallest step between two dates is over a day) is left as it is: a missing
 * week is a KPI_GAP, not a day without a KPI.
 * @param csv the KPI file as parsed (header already mapped to the names the build reads)
 * @param text the file's text (the lines appended to it)
 * @returns the text with the added lines, and one KPI_DAYS_FILLED warning (absent when no day was missing) naming the count and the dates
 * @example fillMissingKpiDays(parseCsvText('date,deals\n2024-01-01,3\n2024-01-03,1\n', 'crm.csv'), text).warning?.message // 'crm.csv has no row on 1 day between …: read as 0 deals (kpi_missing_days: zero): 2024-01-02'
 */
export function fillMissingKpiDays(csv: CsvTable, text: string): { text: string; warning?: Issue } {
  const j = csv.header.indexOf('date');
  if (j < 0) return { text };
  const days = [...new Set(csv.rows.flatMap((r) => { const p = parseDate(r[j]); return p.ok ? [p.days] : []; }))].sort((a, b) => a - b);
  if (days.length < 2) return { text };
  const step = days.slice(1).reduce((m, d, k) => Math.min(m, d - days[k]), Infinity);
  if (step !== 1) return { text };
  const present = new Set(days);
  const missing: string[] = [];
  for (let d = days[0]; d <= days[days.length - 1]; d++) if (!present.has(d)) missing.push(isoFromDays(d));
  if (missing.length === 0) return { text };
  const kpis = csv.header.filter((h) => h !== 'date' && h !== 'geo' && h !== 'product');
  const line = (iso: string): string => csv.header.map((h) => (h === 'date' ? iso : kpis.includes(h) ? '0' : '')).join(csv.delimiter);
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const body = text.endsWith('\n') ? text : text + eol;
  const shown = missing.slice(0, SHOWN_DATES).join(', ') + (missing.length > SHOWN_DATES ? `, … (${missing.length} in all)` : '');
  const warning = makeIssue('KPI_DAYS_FILLED', 'warning',
    `${csv.file} has no row on ${missing.length} day${missing.length === 1 ? '' : 's'} between ${isoFromDays(days[0])} and ${isoFromDays(days[days.length - 1])}: read as 0 ${kpis.join(', ')} (sources.kpi_missing_days: zero): ${shown}`,
    'nothing to do if those days truly had no KPI (a daily count built by GROUP BY has no row on a day without deals); if the export lost days instead, fix the export and remove kpi_missing_days',
    { file: csv.file, column: 'date' });
  return { text: body + missing.map(line).join(eol) + eol, warning: { ...warning, details: { filledDates: missing } } };
}
