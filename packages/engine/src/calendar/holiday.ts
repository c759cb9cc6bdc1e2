/** The sets of holidays a model can add as events: country public holidays and retail moments. */
export type HolidaySetName = 'us' | 'uk' | 'de' | 'fr' | 'retail';

/**
 * One holiday as a rule: the calendar days it covers in a given year, computed (no data file).
 * Days are day numbers (days since 1970-01-01, UTC), increasing; a holiday that was not kept in a year
 * (Juneteenth before 2021) has no day that year. A UK bank holiday moved off a weekend covers both the
 * day itself and its substitute weekday, so its days need not be consecutive.
 */
export interface Holiday {
  /** Unique over every set, kebab-case: 'us-thanksgiving', 'uk-summer-bank-holiday', 'black-friday'. */
  readonly id: string;
  /** Human name: 'Thanksgiving Day'. */
  readonly name: string;
  /** The set it belongs to. */
  readonly set: HolidaySetName;
  /** The rule in words, as documented ('fourth Thursday of November'). */
  readonly rule: string;
  /** The days it covers in `year` (increasing day numbers; empty when not kept that year). */
  days(year: number): readonly number[];
}

/**
 * A holiday from a rule giving its days in a year (one day: return a one-element array).
 * @param from first year the holiday was kept (earlier years: no day)
 * @example holiday('us-independence-day', 'Independence Day', 'us', 'July 4', (y) => [dayOf(y, 7, 4)]).days(2024) // [19908]
 */
export function holiday(id: string, name: string, set: HolidaySetName, rule: string, days: (year: number) => readonly number[], from?: number): Holiday {
  return { id, name, set, rule, days: (year) => (from !== undefined && year < from ? [] : days(year)) };
}

/**
 * The days from `first` to `last` inclusive.
 * @example dayRange(10, 12) // [10, 11, 12]
 */
export function dayRange(first: number, last: number): number[] {
  return Array.from({ length: last - first + 1 }, (_, i) => first + i);
}
