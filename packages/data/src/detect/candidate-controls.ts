import { correlation } from '@mixwise/engine';
import type { CsvTable } from '../read/read-csv.ts';
import { parseNumber } from '../read/parse-number.ts';
import { firstBadCell } from '../build/unused-numeric-columns.ts';
import { EXPOSURE_PREFIX_OF, spendMarker } from './spend-naming.ts';
import { nameWords } from './name-words.ts';
import { isRateLike } from './rate-name.ts';
import { isInsertedRow, rowName } from '../clean/inserted-rows.ts';
import { isReservedName } from '../build/component-names.ts';

export { nameWords } from './name-words.ts';

/**
 * Which of a file's spare numeric columns can be controls without being asked for, and why the others
 * cannot. A control soaks up the variation it explains, so a column that measures the media itself
 * (impressions, clicks), another form of the KPI (orders beside revenue) or the calendar (week number)
 * would take effect away from the channels, trend or seasonality: those are left out by name, and
 * near-copies of the KPI or of a channel's spend by correlation. Used by `mixwise init` for the controls
 * it writes and by `mixwise fit` when no controls are given.
 */

/** Column names (matched anywhere, case-insensitive) that suggest a KPI, in order of preference. */
export const KPI_WORDS: readonly string[] = [
  'revenue', 'sales', 'kpi', 'conversions', 'orders', 'leads', 'pipeline', 'bookings', 'signups', 'installs', 'target',
];

/**
 * Suffixes of exposure columns of a channel `<name>_<suffix>`, in order of preference (`impression`:
 * Meridian's singular). Not reach or frequency: an exposure is added up over weeks (adstock) and geos,
 * and a week's reach or frequency does not add up (the same people are reached again).
 */
export const EXPOSURE_SUFFIXES: readonly string[] = ['impressions', 'impression', 'imps', 'grps', 'grp', 'exposure', 'views', 'clicks'];

/** Why a spare numeric column is not a control ('not-listed': the user named the controls, without it). */
export type LeftOutReason = 'kpi' | 'rate' | 'model-term' | 'exposure' | 'spend' | 'calendar' | 'constant' | 'incomplete' | 'not-numeric' | 'kpi-copy' | 'channel-copy' | 'not-listed';

/** A spare numeric column that is not taken as a control. */
export interface LeftOutColumn {
  readonly column: string;
  readonly reason: LeftOutReason;
  /**
   * For a copy: the column it moves with and the correlation, e.g. 'tv_spend, |r| = 0.97'; for a bad
   * cell, its value and line; for spend, 'in-name' when "spend" is a word of the name but not a marker.
   */
  readonly detail?: string;
  /**
   * For 'incomplete': how many cells are empty (or NA, NaN), the file line of the first, and whether
   * they are few enough (MAX_IMPUTED_SHARE) for impute_controls to fill.
   */
  readonly empty?: {
    readonly cells: number; readonly line: number; readonly imputable: boolean;
    /**
     * When the first empty cell is in a period fill_gaps inserted (no file line: `line` is 0), that
     * period in words (rowName: 'the week 2024-01-15 that fill_gaps inserted (it is not in the file)').
     */
    readonly inserted?: string;
  };
}

/**
 * The largest share of empty cells a column may have and still be a control once impute_controls
 * interpolates them: a few gaps in a price series are worth filling, a mostly empty column is not a
 * series to fit.
 */
export const MAX_IMPUTED_SHARE = 0.2;

/**
 * The columns left out only for their empty cells, few enough (MAX_IMPUTED_SHARE of the rows) for
 * impute_controls to fill: each passed every other rule, so it is a control once interpolated.
 * @param leftOut candidateControls' columns left out
 * @example imputableControls([{ column: 'price', reason: 'incomplete', empty: { cells: 1, line: 13, imputable: true } }]) // ['price']
 */
export function imputableControls(leftOut: readonly LeftOutColumn[]): string[] {
  return leftOut.filter((l) => l.reason === 'incomplete' && l.empty?.imputable === true).map((l) => l.column);
}

/** The controls chosen from a file's spare columns, and the columns left out with their reasons. */
export interface CandidateControls {
  readonly controls: string[];
  readonly leftOut: LeftOutColumn[];
}

/** What the candidates are compared with. */
export interface ControlContext {
  /** The KPI column, when known. */
  readonly target?: string;
  /** The channels' spend columns. */
  readonly spend: readonly string[];
}

/** Words of outcome measures (a token of the name, singular or plural), beyond KPI_WORDS. */
const OUTCOME_WORDS = new Set([
  'revenue', 'sale', 'kpi', 'conversion', 'order', 'lead', 'pipeline', 'booking', 'signup', 'install', 'unit', 'transaction',
  'session', 'visit', 'visitor', 'traffic', 'profit', 'gmv', 'customer', 'subscriber', 'opportunity', 'opportunitie', 'deal',
  'acquisition', 'roas', 'roi',
]);
/** Words that mark a column as a control even when it also has a KPI word (competitor_sales, sales_index). */
const CONTROL_WORDS = new Set(['competitor', 'competitors', 'competition', 'control', 'ctrl', 'market', 'index', 'price']);
/** Words of media exposure (a token of the name, singular or plural) and of media model terms. */
const EXPOSURE_WORDS = new Set([
  'impression', 'imp', 'impr', 'grp', 'trp', 'exposure', 'view', 'reach', 'click', 'frequency', 'freq', 'spot', 'insertion',
  'ctr', 'cpm', 'cpc', 'cpa', 'adstock',
]);
/** Words of a model's own terms: a column holding one is output of another model, not an input. */
const MODEL_TERM_WORDS = new Set(['contribution', 'contrib', 'effect', 'saturated', 'epsilon', 'residual', 'noise', 'fitted', 'predicted', 'prediction']);
/** Words of calendar fields: a whole word of the name. */
const CALENDAR_WORDS = new Set(['year', 'yr', 'quarter', 'qtr', 'month', 'mth', 'week', 'wk', 'day', 'dow', 'period', 'prd', 'dayofyear', 'weekofyear', 'doy']);
/** Whole names of a time index (any values): the model's own trend covers them. */
const TIME_INDEX_NAMES = new Set(['t', 'time', 'trend', 'index', 'id', 'row', 't_index', 'time_index']);
/** Above these correlations a column is a copy of the KPI or of a channel's spend, not a driver of its own. */
const KPI_COPY_R = 0.95;
export const CHANNEL_COPY_R = 0.9;

/**
 * The first spend column a column is a near-copy of (|Pearson r| > CHANNEL_COPY_R over the rows where
 * both hold a number), with r; undefined when none. The check that keeps such a column out of the
 * automatic controls, shared by the rule that warns about named organic media and controls (copiesSpend).
 * @param read a column's values (default: parsed now; candidateControls passes its cache, as a long panel file's spend columns are compared with every candidate)
 * @example spendCopy(csv, 'tv_grps', ['tv_spend', 'search_spend']) // { column: 'tv_spend', r: 0.98 }
 */
export function spendCopy(csv: CsvTable, column: string, spend: readonly string[], read: (column: string) => Float64Array = (c) => numbers(csv, c)): { column: string; r: number } | undefined {
  const values = read(column);
  for (const s of spend) {
    const r = absCorrelation(values, read(s));
    if (r > CHANNEL_COPY_R) return { column: s, r };
  }
  return undefined;
}


const hasWord = (words: readonly string[], set: ReadonlySet<string>): boolean =>
  words.some((w) => set.has(w) || (w.endsWith('s') && set.has(w.slice(0, -1))));

/**
 * Whether a column is named like an outcome (revenue, orders, conversions…) rather than a control: a
 * KPI_WORDS word anywhere in the name or an outcome word as a whole word, unless a control word marks
 * it (competitor_sales, market_index) or a rate word does (revenue_per_conversion, conversion_rate:
 * a value per unit does not add up over weeks or geos, so it cannot be the KPI; isRateLike).
 * @example isKpiLike('conversions') // true
 * @example isKpiLike('revenue_per_conversion') // false
 * @example isKpiLike('competitor_sales_B') // false
 */
export function isKpiLike(column: string): boolean {
  if (isControlLike(column) || isRateLike(column)) return false;
  return isOutcomeNamed(column);
}

/**
 * Whether a column is a rate of outcomes (revenue_per_conversion, conversion_rate, avg_order_value):
 * not a KPI (isKpiLike), and not a control either, since it is computed from the KPI.
 * @example isOutcomeRate('revenue_per_conversion') // true
 * @example isOutcomeRate('avg_price') // false
 */
export function isOutcomeRate(column: string): boolean {
  return isRateLike(column) && !isControlLike(column) && isOutcomeNamed(column);
}

/** A KPI_WORDS word anywhere in the name, or an outcome word as a whole word. */
function isOutcomeNamed(column: string): boolean {
  const lower = column.toLowerCase();
  return KPI_WORDS.some((w) => lower.includes(w)) || hasWord(nameWords(column), OUTCOME_WORDS);
}

/**
 * Whether a column is named like a control: a control word (price, index, competitor, market, control)
 * as a word of its name. Such a column does not add up over geos: a panel roll-up averages it.
 * @example isControlLike('avg_price') // true
 * @example isControlLike('x1') // false
 */
export function isControlLike(column: string): boolean {
  return hasWord(nameWords(column), CONTROL_WORDS);
}

/** Whether a column is another version of the KPI: its name is the KPI's followed by a digit or separator (sales_lag1, y01). */
function isKpiVersion(column: string, target: string | undefined): boolean {
  return target !== undefined && column.length > target.length && column.startsWith(target) && /[0-9_ .-]/.test(column[target.length]);
}

/**
 * Whether a column is named like media exposure: an exposure word (impressions, GRPs, clicks, reach…),
 * an exposure prefix (`mdip_`) or Robyn's `_I` (impressions) and `_P` (clicks) suffixes.
 * @example isExposureLike('Channel0_impression') // true
 */
export function isExposureLike(column: string): boolean {
  const words = nameWords(column);
  if (hasWord(words, EXPOSURE_WORDS)) return true;
  if (Object.values(EXPOSURE_PREFIX_OF).includes(words[0] ?? '')) return true;
  return /_[IP]$/.test(column);
}

/**
 * Whether a column is a calendar field or a time index: named with a calendar word and holding whole
 * numbers that vary beyond 0 and 1 (yr_nbr, wk_in_yr_nbr, month), or named like a time index (t, trend,
 * index). As a control it would be a step or saw-tooth regressor fighting the model's own trend and
 * seasonality. The values decide, not the name alone: a constant column (an all-zero `new_year` flag, a
 * one-year `yr_nbr`) is reported as constant, and a 0/1 flag is an indicator, not a year or week number.
 * @example isCalendarColumn(csv, 'week_nbr') // true for 1, 2, 3…
 * @example isCalendarColumn(csv, 'new_year') // false for 0, 0, 1, 0…
 */
export function isCalendarColumn(csv: CsvTable, column: string): boolean {
  if (TIME_INDEX_NAMES.has(column.toLowerCase())) return true;
  if (!nameWords(column).some((w) => CALENDAR_WORDS.has(w))) return false;
  const j = csv.header.indexOf(column);
  const values = new Set<number>();
  for (const r of csv.rows) {
    const p = parseNumber(r[j], csv.delimiter);
    if (!p.ok) continue;
    if (!Number.isInteger(p.value)) return false;
    values.add(p.value);
  }
  return values.size > 1 && [...values].some((v) => v !== 0 && v !== 1);
}

/**
 * Splits spare numeric columns into controls and columns left out, in this order of reasons: named
 * like spend (a channel the user did not list), like media exposure, like a rate of the KPI
 * (revenue_per_conversion: isOutcomeRate), like a KPI or a version of the
 * target (sales_lag1), like a model term (x_effect, epsilon), like a calendar field; with a cell that
 * is not a number (named with file:line, so a typo is seen); constant; a near-copy of the KPI
 * (|r| > 0.95) or of a channel's spend (|r| > 0.9) — these three judged on the cells that hold a
 * number —; and last with empty cells (a control must be known in every period), counted, so that a
 * column with a few (imputableControls) is a control once impute_controls fills them.
 * @param csv the file as read
 * @param columns the spare numeric columns (no role, not 0/1 events), in file order
 * @param context the KPI and the spend columns, for the copy checks
 * @returns controls in file order, and the others with their reasons
 * @example candidateControls(csv, ['price', 'orders', 'tv_grps'], { target: 'revenue', spend: ['tv_spend'] })
 * // { controls: ['price'], leftOut: [{ column: 'orders', reason: 'kpi' }, { column: 'tv_grps', reason: 'exposure' }] }
 */
export function candidateControls(csv: CsvTable, columns: readonly string[], context: ControlContext): CandidateControls {
  const controls: string[] = [];
  const leftOut: LeftOutColumn[] = [];
  // Each column parsed once: the spend columns are compared with every candidate.
  const parsed = new Map<string, Float64Array>();
  const read = (column: string): Float64Array => {
    let values = parsed.get(column);
    if (values === undefined) parsed.set(column, values = numbers(csv, column));
    return values;
  };
  const target = context.target === undefined ? undefined : read(context.target);
  for (const column of columns) {
    const out = (reason: LeftOutReason, detail?: string): void => { leftOut.push({ column, reason, ...(detail === undefined ? {} : { detail }) }); };
    if (spendMarker(column) !== undefined) { out('spend'); continue; }
    if (hasSpendWord(column)) { out('spend', 'in-name'); continue; }
    if (isExposureLike(column)) { out('exposure'); continue; }
    if (isOutcomeRate(column)) { out('rate'); continue; }
    if (isKpiLike(column) || isKpiVersion(column, context.target)) { out('kpi'); continue; }
    if (hasWord(nameWords(column), MODEL_TERM_WORDS)) { out('model-term'); continue; }
    if (isCalendarColumn(csv, column)) { out('calendar'); continue; }
    const bad = firstBadCell(csv, column);
    if (bad !== undefined) { out('not-numeric', `"${bad.value}" at ${csv.file}:${bad.row}`); continue; }
    const values = read(column);
    const known = values.filter((v) => !Number.isNaN(v));
    if (known.every((v) => v === known[0])) { out('constant'); continue; }
    const kpiR = target === undefined ? 0 : absCorrelation(values, target);
    if (kpiR > KPI_COPY_R) { out('kpi-copy', `${context.target}, |r| = ${kpiR.toFixed(2)}`); continue; }
    const copied = spendCopy(csv, column, context.spend, read);
    if (copied !== undefined) { out('channel-copy', `${copied.column}, |r| = ${copied.r.toFixed(2)}`); continue; }
    if (known.length < values.length) {
      const first = values.findIndex((v) => Number.isNaN(v));
      const cells = values.length - known.length;
      const inserted = isInsertedRow(csv, first) ? { inserted: rowName(csv, first) } : {};
      leftOut.push({ column, reason: 'incomplete', empty: { cells, line: csv.rowNumbers[first], imputable: cells <= MAX_IMPUTED_SHARE * values.length, ...inserted } });
      continue;
    }
    controls.push(column);
  }
  return { controls, leftOut };
}

/**
 * Why a column was not made a control, in a few words.
 * @example leftOutText({ column: 'orders', reason: 'kpi' }) // 'named like a KPI'
 */
export function leftOutText(l: LeftOutColumn): string {
  switch (l.reason) {
    case 'kpi': return 'named like a KPI';
    case 'rate': return 'a rate of the KPI, a value per unit: neither a KPI nor a control';
    case 'model-term': return 'named like a model term';
    case 'exposure': return 'named like media exposure';
    case 'spend': return l.detail === 'in-name'
      ? `"spend" is a word of its name but not its ending, so it is not detected as a channel: to use it as one, rename it to end in _spend (e.g. ${spendRename(l.column)}) or list it as a channel (--channels, or columns.channels in mixwise.yaml)`
      : 'named like spend: a channel not listed?';
    // A time index named like one of the model's own terms (trend) is left out as a time index, but the name is the point.
    case 'calendar': return isReservedName(l.column)
      ? `a reserved name: the model fits its own ${l.column.toLowerCase()} term of that name; rename the column to offer it as a control`
      : 'a calendar field';
    case 'constant': return 'constant';
    case 'incomplete': {
      if (l.empty === undefined) return 'has empty cells';
      const one = l.empty.cells === 1;
      // A period fill_gaps inserted has no file line: name its date instead.
      const at = l.empty.inserted === undefined ? `on line ${l.empty.line}` : `in ${l.empty.inserted}`;
      const where = one ? `has 1 empty cell, ${at}` : `has ${l.empty.cells} empty cells, the first ${at}`;
      return l.empty.imputable ? `${where}: the cleaning step impute_controls fills ${one ? 'it' : 'them'}` : `${where}: too many to interpolate`;
    }
    case 'not-numeric': return `has a cell that is not a number, ${l.detail ?? ''}: write a number there (or leave it empty and use impute_controls)`;
    case 'kpi-copy':
    case 'channel-copy': return `moves with ${l.detail ?? 'another column'}`;
    case 'not-listed': return 'not in --controls';
  }
}

/**
 * Whether "spend" is a word of a column's name anywhere (`trend_spend_x`, `tv_spend_old`, `spend_total_tv`):
 * such a column holds spend even when its name has no marker detection knows, so it is never an
 * automatic control (a channel's spend as a free-sign control would take the channel's effect).
 * @example hasSpendWord('trend_spend_x') // true
 * @example hasSpendWord('spending_power_index') // false
 */
export function hasSpendWord(column: string): boolean {
  return nameWords(column).some((w) => w === 'spend' || w === 'spends');
}

/** The column renamed to end in `_spend`: the spend word moved to the end (`trend_spend_x` → `trend_x_spend`). */
function spendRename(column: string): string {
  const rest = column.split(/[_ .-]+/).filter((w) => w !== '' && !/^spends?$/i.test(w));
  return `${rest.join('_')}_spend`;
}

/** A column's values, NaN where a cell is not a number. */
function numbers(csv: CsvTable, column: string): Float64Array {
  const j = csv.header.indexOf(column);
  const out = new Float64Array(csv.rows.length);
  for (let i = 0; i < out.length; i++) {
    const p = parseNumber(csv.rows[i][j], csv.delimiter);
    out[i] = p.ok ? p.value : NaN;
  }
  return out;
}

/** |Pearson r| over the rows where both are numbers (0 when there are too few or either is constant). */
function absCorrelation(x: Float64Array, y: Float64Array): number {
  let n = 0;
  for (let i = 0; i < x.length; i++) if (!Number.isNaN(x[i]) && !Number.isNaN(y[i])) n++;
  if (n < 3) return 0;
  // The pairs copied into typed arrays (no index list: a long panel has 100k rows per column pair).
  const xs = new Float64Array(n), ys = new Float64Array(n);
  for (let i = 0, k = 0; i < x.length; i++) {
    if (Number.isNaN(x[i]) || Number.isNaN(y[i])) continue;
    xs[k] = x[i];
    ys[k++] = y[i];
  }
  const r = correlation(xs, ys);
  return Number.isNaN(r) ? 0 : Math.abs(r);
}
