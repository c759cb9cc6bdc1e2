import { InvalidArgumentError } from 'commander';
import { parseDate, type CleaningStep } from '@mixwise/data';
import { DEFAULT_ROI_PRIOR_FLAG, HOLIDAY_SET_NAMES, unknownHolidayNames, unknownHolidaysText, type RoiPrior } from '@mixwise/engine';

/**
 * Commander value parsers. Each throws commander's InvalidArgumentError, which commander reports as a
 * usage error (exit code 2) naming the option and the bad value.
 */

/**
 * A comma-separated list of names: `a, b,c` → ['a', 'b', 'c'] (spaces trimmed, empty entries dropped).
 * @throws InvalidArgumentError for a list with no names
 * @example parseList('tv_spend, search_spend') // ['tv_spend', 'search_spend']
 */
export function parseList(value: string): string[] {
  const items = value.split(',').map((s) => s.trim()).filter((s) => s !== '');
  if (items.length === 0) throw new InvalidArgumentError('give at least one column name (comma-separated).');
  return items;
}

/**
 * An output path (--out, --runs, --data): anything but an empty value, which would resolve to the
 * current folder and scatter the outputs there.
 * @throws InvalidArgumentError for an empty or blank value
 * @example parseOutPath('out/run') // 'out/run'
 */
export function parseOutPath(value: string): string {
  if (value.trim() === '') throw new InvalidArgumentError('give a path; an empty one would write into the current folder.');
  return value;
}

/**
 * A whole number ≥ 0 (e.g. --seed, --holdout).
 * @throws InvalidArgumentError otherwise
 * @example parseNonNegativeInt('7') // 7
 */
export function parseNonNegativeInt(value: string): number {
  const n = Number(value.trim());
  if (!/^\d+$/.test(value.trim()) || !Number.isSafeInteger(n)) throw new InvalidArgumentError('expected a whole number ≥ 0.');
  return n;
}

/**
 * A parser for a whole number from 0 to `max` (e.g. --max-lag up to 104, as mixwise.yaml allows).
 * @throws InvalidArgumentError otherwise, with the range ('expected a whole number from 0 to 50.')
 * @example wholeNumberUpTo(104)('52') // 52
 */
export function wholeNumberUpTo(max: number): (value: string) => number {
  return (value) => {
    // Any bad value (-1, 1.5, abc, too large) gets the same message, with the range.
    const n = Number(value.trim());
    if (!/^\d+$/.test(value.trim()) || !Number.isSafeInteger(n) || n > max) throw new InvalidArgumentError(`expected a whole number from 0 to ${max}.`);
    return n;
  };
}

/**
 * A whole number ≥ 1 (e.g. --iterations, --workers).
 * @throws InvalidArgumentError otherwise
 * @example parsePositiveInt('2000') // 2000
 */
export function parsePositiveInt(value: string): number {
  const n = Number(value.trim());
  if (!/^\d+$/.test(value.trim()) || !Number.isSafeInteger(n) || n < 1) throw new InvalidArgumentError('expected a whole number ≥ 1.');
  return n;
}

/**
 * A probability strictly between 0 and 1 (e.g. --target-accept).
 * @throws InvalidArgumentError otherwise
 * @example parseOpenUnit('0.9') // 0.9
 */
export function parseOpenUnit(value: string): number {
  const n = Number(value.trim());
  if (value.trim() === '' || !(n > 0 && n < 1)) throw new InvalidArgumentError('expected a number between 0 and 1 (exclusive), e.g. 0.9.');
  return n;
}

/**
 * An ROI prior: `MEDIAN,SDLOG` (a log-normal with that median ROI and σ of log ROI, both > 0) or `none`.
 * @throws InvalidArgumentError otherwise
 * @example parseRoiPrior('1.22,0.9') // { median: 1.22, sdLog: 0.9 }
 */
export function parseRoiPrior(value: string): RoiPrior | null {
  if (value.trim().toLowerCase() === 'none') return null;
  const parts = value.split(',').map((s) => s.trim());
  const [median, sdLog] = parts.map(Number);
  if (parts.length !== 2 || parts.some((p) => p === '') || !(median > 0) || !(sdLog > 0) || !Number.isFinite(median) || !Number.isFinite(sdLog)) {
    throw new InvalidArgumentError(`expected MEDIAN,SDLOG with both numbers > 0 (e.g. ${DEFAULT_ROI_PRIOR_FLAG}, the default for revenue), or none.`);
  }
  return { median, sdLog };
}

/** The expected sign of a control's effect. */
export type ControlSign = 'positive' | 'negative' | 'free';

/**
 * Control signs: `price=negative,competitor=negative,temp=free` (signs: positive, negative, free).
 * @throws InvalidArgumentError for a malformed entry or an unknown sign
 * @example parseControlSigns('price=negative') // { price: 'negative' }
 */
export function parseControlSigns(value: string): Record<string, ControlSign> {
  const out: Record<string, ControlSign> = {};
  for (const entry of parseList(value)) {
    const m = /^([^=]+)=(positive|negative|free)$/.exec(entry);
    if (m === null) throw new InvalidArgumentError(`"${entry}" should look like COLUMN=positive|negative|free.`);
    out[m[1].trim()] = m[2] as ControlSign;
  }
  return out;
}

/**
 * A date for --start and --end, in any form the date column accepts (parseDate: yyyy-mm-dd, with a
 * midnight time such as 2024-01-31T00:00:00Z as pandas writes, or yyyy/mm/dd), so a date copied from
 * the file works; returned as yyyy-mm-dd, which the window compares.
 * @throws InvalidArgumentError for anything else (an impossible day, dd/mm/yyyy, a time other than midnight)
 * @example parseIsoDate('2024-01-31') // '2024-01-31'
 * @example parseIsoDate('2024-10-01T00:00:00Z') // '2024-10-01'
 */
export function parseIsoDate(value: string): string {
  const p = parseDate(value);
  if (!p.ok) throw new InvalidArgumentError('expected a date as yyyy-mm-dd (a midnight time such as 2024-01-31T00:00:00Z is accepted, as in the date column).');
  return p.iso;
}

/**
 * One `winsorize` entry of `--clean`: bare (spend, above its 0.99 quantile), `winsorize=LO:HI`
 * (spend), `winsorize=COLUMN[+COLUMN…]` (those columns: a KPI or a control is then capped on both
 * sides, 0.01:0.99) or `winsorize=COLUMN[+COLUMN…]:LO:HI`.
 * @throws InvalidArgumentError for bad quantiles or an empty column name
 * @example parseWinsorize('winsorize=revenue', 'revenue') // { type: 'winsorize', columns: ['revenue'] }
 */
function parseWinsorize(entry: string, arg: string | undefined): CleaningStep {
  if (arg === undefined) return { type: 'winsorize' };
  const q = /^(?:(.*?):)?([0-9.]+):([0-9.]+)$/.exec(arg);
  const names = q === null ? arg : q[1];
  const columns = names === undefined ? undefined : names.split('+').map((c) => c.trim());
  if (columns?.some((c) => c === '') === true || (q === null && /^[0-9.:]+$/.test(arg))) {
    throw new InvalidArgumentError(`"${entry}" should be winsorize, winsorize=LO:HI, winsorize=COLUMN[+COLUMN…] or winsorize=COLUMN[+COLUMN…]:LO:HI, with quantiles 0 ≤ LO < HI ≤ 1, e.g. winsorize=0.01:0.99 or winsorize=revenue.`);
  }
  if (q === null) return { type: 'winsorize', ...(columns === undefined ? {} : { columns }) };
  const [lower, upper] = [Number(q[2]), Number(q[3])];
  if (!(lower >= 0 && lower < upper && upper <= 1)) {
    throw new InvalidArgumentError(`"${entry}" should have quantiles 0 ≤ LO < HI ≤ 1, e.g. winsorize=0.01:0.99 or winsorize=revenue:0.01:0.99.`);
  }
  return { type: 'winsorize', lower, upper, ...(columns === undefined ? {} : { columns }) };
}

/**
 * The cleaning steps of `--clean`, in the order given: `sum_panel` (first; `sum_panel=COLUMN` names the
 * panel column, `sum_panel=COLUMN+COLUMN` the key columns of a panel by date, geo and product,
 * `sum_panel=COLUMN:A+B` keeps only those values), `sort_dates`, `fill_gaps`, `impute_controls`,
 * `negatives=clip` or `negatives=reject`, `winsorize` (spend above its 0.99 quantile; zeros never raised), `winsorize=LO:HI`
 * with 0 ≤ LO < HI ≤ 1, or `winsorize=COLUMN[+COLUMN…][:LO:HI]` (parseWinsorize), `skip_missing_kpi`,
 * `decimal_comma` (anywhere: it always runs first).
 * @throws InvalidArgumentError for an unknown step, a missing or bad value, bad quantiles, or sum_panel not first
 * @example parseCleanSteps('sort_dates,negatives=clip,winsorize=0.05:0.95')
 * // [{ type: 'sort-dates' }, { type: 'negatives', mode: 'clip' }, { type: 'winsorize', lower: 0.05, upper: 0.95 }]
 */
export function parseCleanSteps(value: string): CleaningStep[] {
  const entries = value.split(',').map((s) => s.trim()).filter((s) => s !== '');
  if (entries.length === 0) throw new InvalidArgumentError('give at least one cleaning step (comma-separated).');
  const steps = entries.map((entry): CleaningStep => {
    const eq = entry.indexOf('=');
    const name = (eq < 0 ? entry : entry.slice(0, eq)).trim();
    const arg = eq < 0 ? undefined : entry.slice(eq + 1).trim();
    const bare = (step: CleaningStep): CleaningStep => {
      if (arg !== undefined) throw new InvalidArgumentError(`"${entry}": ${name} takes no value.`);
      return step;
    };
    switch (name) {
      case 'sum_panel': {
        if (arg === undefined) return { type: 'sum-panel' };
        const colon = arg.indexOf(':');
        // Several key columns (a panel by date, geo and product) are joined with + like winsorize's columns.
        const columns = (colon < 0 ? arg : arg.slice(0, colon)).split('+').map((c) => c.trim());
        const keep = colon < 0 ? undefined : arg.slice(colon + 1).split('+').map((v) => v.trim());
        if (columns.some((c) => c === '') || (keep !== undefined && keep.some((v) => v === ''))) {
          throw new InvalidArgumentError(`"${entry}" should be sum_panel, sum_panel=COLUMN[+COLUMN…] or sum_panel=COLUMN:VALUE[+VALUE…], e.g. sum_panel=geo+product or sum_panel=geo:north+south.`);
        }
        if (keep !== undefined && columns.length > 1) {
          throw new InvalidArgumentError(`"${entry}": values to keep (:VALUE…) name one panel column's values; give one column (sum_panel=geo:north) or none (sum_panel=geo+product).`);
        }
        return { type: 'sum-panel', column: columns.length === 1 ? columns[0] : columns, ...(keep === undefined ? {} : { keep }) };
      }
      case 'sort_dates': return bare({ type: 'sort-dates' });
      case 'decimal_comma': return bare({ type: 'decimal-comma' });
      case 'fill_gaps': return bare({ type: 'fill-gaps' });
      case 'impute_controls': return bare({ type: 'impute-controls' });
      case 'skip_missing_kpi': return bare({ type: 'skip-missing-kpi' });
      case 'negatives':
        if (arg !== 'clip' && arg !== 'reject') throw new InvalidArgumentError(`"${entry}" should be negatives=clip or negatives=reject.`);
        return { type: 'negatives', mode: arg };
      case 'winsorize': return parseWinsorize(entry, arg);
      default:
        throw new InvalidArgumentError(`unknown cleaning step "${name}"; use sum_panel[=COLUMN[+COLUMN…] | =COLUMN:VALUE+…], decimal_comma, sort_dates, fill_gaps, negatives=clip|reject, winsorize[=LO:HI | =COLUMN[+COLUMN…][:LO:HI]], impute_controls, skip_missing_kpi.`);
    }
  });
  // decimal_comma always runs first (runCleaning), so it may be listed anywhere, even before sum_panel.
  if (steps.filter((s) => s.type !== 'decimal-comma').findIndex((s) => s.type === 'sum-panel') > 0) {
    throw new InvalidArgumentError('sum_panel must be the first cleaning step (after decimal_comma, if used): the other steps work on one row per date.');
  }
  return steps;
}

/**
 * `--holidays us,retail,black-friday`: holiday set names and holiday ids (case-insensitive), checked
 * against the built-in calendar (unknownHolidayNames), so a typo is a usage error listing the known ones.
 * @throws InvalidArgumentError for an empty list or an unknown name
 * @example parseHolidays('US,black-friday') // ['us', 'black-friday']
 */
export function parseHolidays(value: string): string[] {
  const items = value.split(',').map((s) => s.trim().toLowerCase()).filter((s) => s !== '');
  if (items.length === 0) throw new InvalidArgumentError(`give holiday sets or ids, comma-separated (sets: ${HOLIDAY_SET_NAMES.join(', ')}).`);
  const unknown = unknownHolidayNames(items);
  if (unknown.length > 0) throw new InvalidArgumentError(`${unknownHolidaysText(unknown)}.`);
  return items;
}
