import type { CsvTable } from '../read/read-csv.ts';
import { isoFromDays, parseDate } from '../read/date.ts';
import { medianStep } from '../detect/median-step.ts';

/** Dates before this year are taken for typos (no marketing data is that old). */
export const FIRST_PLAUSIBLE_YEAR = 1900;
/** Dates more than this many years after the current one are taken for typos (a plan may run a few years ahead). */
export const YEARS_AHEAD = 5;

/** A row whose date cannot be right: out of the plausible years, or off the sequence its neighbours keep. */
export interface StrayDateRow {
  /** 0-based index into csv.rows. */
  readonly index: number;
  /** The date as read, yyyy-mm-dd. */
  readonly iso: string;
  /** The date the rows around it imply (the row before plus one step), when they keep a regular step. */
  readonly implied?: string;
  /** The plausible years, when the date is outside them, e.g. '1900 to 2031'. */
  readonly outOfRange?: string;
  /** The 0-based indices of the neighbours that imply the date. */
  readonly neighbours?: readonly [number, number];
}

/**
 * The rows whose date is a probable typo, so that one error can name it instead of the gaps and order
 * errors it causes (the date rules leave these rows out: datedRows). A row is stray when its date is
 * outside FIRST_PLAUSIBLE_YEAR .. current year + YEARS_AHEAD, or when the rows before and after it are
 * two steps apart (the step being the median between distinct dates) while it is not one step after
 * the row before (nor a repeat of either: a duplicate): the date it should have is then `implied`. A first or last row out of order is judged on
 * the two rows next to it (in order, a gap after it is likelier than a typo). A date another row holds is never implied
 * (correcting to it would make a duplicate). When the other rows are out of order too (a shuffled file), file
 * neighbours mean nothing: only years out of range are stray, with no implied date, and the order is
 * left to unsortedDates (whose fix, sort_dates, puts the rows where the date rules can judge them).
 * Unreadable dates are skipped (unparseableDates reports them).
 * @param csv the parsed cells
 * @param column the date column
 * @param thisYear the current year (for tests)
 * @returns the stray rows in file order; [] when the column is not in the file
 * @example strayDateRows(csv, 'date')[0] // { index: 29, iso: '2202-07-25', implied: '2022-07-25', neighbours: [28, 30] }
 */
export function strayDateRows(csv: CsvTable, column: string, thisYear = new Date().getUTCFullYear()): StrayDateRow[] {
  const j = csv.header.indexOf(column);
  if (j < 0) return [];
  const dated: { index: number; iso: string; days: number }[] = [];
  csv.rows.forEach((r, index) => {
    const p = parseDate(r[j] ?? '');
    if (p.ok) dated.push({ index, iso: p.iso, days: p.days });
  });
  const range = `${FIRST_PLAUSIBLE_YEAR} to ${thisYear + YEARS_AHEAD}`;
  const inRange = (iso: string): boolean => {
    const year = Number(iso.slice(0, 4));
    return year >= FIRST_PLAUSIBLE_YEAR && year <= thisYear + YEARS_AHEAD;
  };
  const step = medianStep(dated.filter((d) => inRange(d.iso)).map((d) => d.days));
  // Correcting a row to a date another row holds would make a duplicate: such a date is never implied.
  const present = new Set(dated.map((d) => d.days));
  const out: StrayDateRow[] = [];
  dated.forEach((d, k) => {
    // A repeat of the row before or after is a duplicate (duplicateDates), not a typo.
    const repeat = dated[k - 1]?.days === d.days || dated[k + 1]?.days === d.days;
    const outOfRange = inRange(d.iso) ? undefined : range;
    const near = step === undefined || repeat ? undefined : impliedDate(dated, k, step, outOfRange !== undefined);
    const implied = near !== undefined && near.days !== d.days && present.has(near.days) ? undefined : near;
    if (outOfRange === undefined && (implied === undefined || implied.days === d.days)) return;
    out.push({ index: d.index, iso: d.iso,
      ...(implied === undefined || implied.days === d.days ? {} : { implied: isoFromDays(implied.days), neighbours: implied.neighbours }),
      ...(outOfRange === undefined ? {} : { outOfRange }) });
  });
  if (inOrderWithout(dated, out)) return out;
  // Out of order beyond the stray rows: file neighbours say nothing about a date (sorting is
  // unsortedDates' fix), so only a year out of range is a typo, and no date is implied.
  return out.filter((s) => s.outOfRange !== undefined).map(({ index, iso, outOfRange }) => ({ index, iso, outOfRange }));
}

/** Whether the dates, leaving out the stray rows, never go back in time down the file. */
function inOrderWithout(dated: readonly { index: number; days: number }[], stray: readonly StrayDateRow[]): boolean {
  const left = new Set(stray.map((s) => s.index));
  let last = -Infinity;
  for (const d of dated) {
    if (left.has(d.index)) continue;
    if (d.days < last) return false;
    last = d.days;
  }
  return true;
}

/**
 * The date the neighbours of dated[k] imply, when they keep the step: the rows before and after two
 * steps apart (then one step after the row before); for the first or last row when it is out of
 * order, the next two (or the previous two) one step apart. An out-of-range year counts as out of order.
 */
function impliedDate(dated: readonly { index: number; days: number }[], k: number, step: number, outOfRange: boolean): { days: number; neighbours: [number, number] } | undefined {
  const [a, b] = [dated[k - 1], dated[k + 1]];
  if (a !== undefined && b !== undefined) {
    return b.days - a.days === 2 * step ? { days: a.days + step, neighbours: [a.index, b.index] } : undefined;
  }
  const pair = a === undefined ? [dated[k + 1], dated[k + 2]] : [dated[k - 2], dated[k - 1]];
  const [p, q] = pair;
  if (p === undefined || q === undefined || q.days - p.days !== step) return undefined;
  // An end row in order is more likely a gap (irregularSteps) than a typo: only one out of order is judged here.
  const d = dated[k].days;
  if (!outOfRange && (a === undefined ? d < p.days : d > q.days)) return undefined;
  return { days: a === undefined ? p.days - step : q.days + step, neighbours: [p.index, q.index] };
}
