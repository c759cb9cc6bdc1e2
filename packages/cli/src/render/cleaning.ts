import type { CleaningResult } from '@mixwise/data';
import { cleaningStepName, missingInText } from '@mixwise/data';

/** Places listed per column before the rest are counted. */
const MAX_PLACES = 6;

/**
 * The on-screen summary of a cleaning run: one line per step with its count and, per column, where
 * (file rows, and the dates of periods inserted by cleaning), e.g.
 * `cleaning: fill_gaps changed 3 cells (tv_spend rows 14, 15, 16)`. sort_dates counts moved rows;
 * decimal_comma counts the cells of each column it rewrote.
 * @param result the result of runCleaning
 * @returns the lines, each ending in a newline ('' for no step)
 * @example formatCleaningSummary(result) // 'cleaning: negatives changed 1 cell (tv_spend row 9)\n'
 */
export function formatCleaningSummary(result: CleaningResult): string {
  return result.summary.map((s) => {
    const name = cleaningStepName(s.step);
    const sorting = s.step === 'sort-dates';
    if (s.changes === 0) return `cleaning: ${name} changed nothing\n`;
    const byColumn = new Map<string, { rows: string[]; inserted: string[]; whole: boolean }>();
    for (const c of result.changes) {
      if (c.step !== s.step) continue;
      const places = byColumn.get(c.column) ?? { rows: [], inserted: [], whole: false };
      // No row and no date: a change to the column as a whole (a removed text column, sum_panel's weights).
      if (c.row === null && c.date === null) places.whole = true;
      else if (c.row === null) places.inserted.push(c.date ?? '?');
      // A summed panel row is its date's first line: the rows without a KPI are named beside it.
      else places.rows.push(c.kpiMissingIn === undefined ? String(c.row) : `${c.row} [no KPI in ${missingInText(c.kpiMissingIn)}]`);
      byColumn.set(c.column, places);
    }
    const list = (items: string[]): string =>
      items.slice(0, MAX_PLACES).join(', ') + (items.length > MAX_PLACES ? `, … (${items.length - MAX_PLACES} more)` : '');
    const where = [...byColumn].map(([column, { rows, inserted, whole }]) => {
      const parts: string[] = whole ? ['as a whole'] : [];
      if (rows.length > 0) parts.push(`row${rows.length > 1 ? 's' : ''} ${list(rows)}`);
      if (inserted.length > 0) parts.push(`inserted period${inserted.length > 1 ? 's' : ''} ${list(inserted)}`);
      return `${column} ${parts.join(' and ')}`;
    }).join('; ');
    // A skipped KPI is a period left out of the fit, not an edited cell.
    if (s.step === 'skip-missing-kpi') {
      return `cleaning: ${name} left ${s.changes} period${s.changes > 1 ? 's' : ''} without a KPI out of the fit (${where}); their spend still carries over${zeroSpendNote(result, list)}\n`;
    }
    // Every number of a column is rewritten: how many per column says more than a list of rows.
    if (s.step === 'decimal-comma') {
      const counts = [...byColumn].map(([column, { rows }]) => `${column} ${rows.length} cell${rows.length > 1 ? 's' : ''}`).join(', ');
      return `cleaning: ${name} read the decimal comma of ${s.changes} cell${s.changes > 1 ? 's' : ''} as a decimal point (${counts})\n`;
    }
    const unit = sorting ? 'row' : 'cell';
    return `cleaning: ${name} ${sorting ? 'moved' : 'changed'} ${s.changes} ${unit}${s.changes > 1 ? 's' : ''} (${where})\n`;
  }).join('');
}

/**
 * What the skip_missing_kpi line adds when some periods it left out were missing from the file: fill_gaps
 * inserted them with 0 spend, which is a guess (their spend is unknown), and that 0 carries over too.
 * @example zeroSpendNote(result, list) // '; note: 2024-10-21 was missing from the file and was inserted with 0 spend: …'
 */
function zeroSpendNote(result: CleaningResult, list: (items: string[]) => string): string {
  const inserted = result.changes.filter((c) => c.step === 'skip-missing-kpi' && c.row === null).map((c) => c.date ?? '?');
  if (inserted.length === 0) return '';
  const one = inserted.length === 1;
  return `; note: ${list(inserted)} ${one ? 'was' : 'were'} missing from the file and fill_gaps inserted ${one ? 'it' : 'them'} with 0 spend`
    + ` (the spend is unknown, not zero): if it is known, add ${one ? 'the row' : 'the rows'} with ${one ? 'its' : 'their'} real spend and an empty KPI`;
}
