import { EngineError } from '../errors.ts';
import type { Holiday, HolidaySetName } from './holiday.ts';
import { US_HOLIDAYS } from './us-holidays.ts';
import { UK_HOLIDAYS } from './uk-holidays.ts';
import { DE_HOLIDAYS } from './de-holidays.ts';
import { FR_HOLIDAYS } from './fr-holidays.ts';
import { RETAIL_HOLIDAYS } from './retail-holidays.ts';

/**
 * Every holiday set by name: `us` federal holidays, `uk` England & Wales bank holidays, `de`
 * nationwide German holidays, `fr` French jours fériés, `retail` moments (Black Friday…).
 */
export const HOLIDAY_SETS: Readonly<Record<HolidaySetName, readonly Holiday[]>> = {
  us: US_HOLIDAYS,
  uk: UK_HOLIDAYS,
  de: DE_HOLIDAYS,
  fr: FR_HOLIDAYS,
  retail: RETAIL_HOLIDAYS,
};

/** The set names, in the order of HOLIDAY_SETS. @example HOLIDAY_SET_NAMES[0] // 'us' */
export const HOLIDAY_SET_NAMES = Object.keys(HOLIDAY_SETS) as HolidaySetName[];

/** Every holiday of every set, ids unique. */
export const ALL_HOLIDAYS: readonly Holiday[] = HOLIDAY_SET_NAMES.flatMap((s) => HOLIDAY_SETS[s]);

/**
 * The holiday of an id (case-insensitive), or undefined.
 * @example holidayById('Black-Friday')?.name // 'Black Friday'
 */
export function holidayById(id: string): Holiday | undefined {
  const key = id.trim().toLowerCase();
  return ALL_HOLIDAYS.find((h) => h.id === key);
}

/** A name given for holidays that is neither a set nor a holiday id, with the ids it may mean. */
export interface UnknownHolidayName {
  /** The name as given. */
  readonly name: string;
  /** Ids a mistyped name may mean (without its hyphens, or without a country prefix); may be empty. */
  readonly suggestions: readonly string[];
}

/**
 * The names of a list that are neither a holiday set nor a holiday id (case-insensitive), with
 * suggestions: what selectHolidays refuses, checked without throwing.
 * @param names set names and holiday ids, e.g. ['us', 'blackfriday']
 * @returns the unknown names in order, [] when every name is known
 * @example unknownHolidayNames(['us', 'blackfriday']) // [{ name: 'blackfriday', suggestions: ['black-friday'] }]
 */
export function unknownHolidayNames(names: readonly string[]): UnknownHolidayName[] {
  return names.filter((raw) => {
    const name = raw.trim().toLowerCase();
    return !(name in HOLIDAY_SETS) && holidayById(name) === undefined;
  }).map((name) => ({ name, suggestions: similarIds(name) }));
}

/**
 * The message for unknown holiday names: the names, the ids they may mean, and the known sets and ids.
 * @param unknown from unknownHolidayNames, not empty
 * @example unknownHolidaysText([{ name: 'xmas', suggestions: [] }]) // "unknown holiday set or id 'xmas': known sets are us, uk, de, fr, retail; known ids are …"
 */
export function unknownHolidaysText(unknown: readonly UnknownHolidayName[]): string {
  const near = unknown.flatMap((u) => u.suggestions);
  return `unknown holiday ${unknown.length === 1 ? 'set or id' : 'sets or ids'} ${unknown.map((u) => `'${u.name}'`).join(', ')}`
    + `${near.length > 0 ? ` (did you mean ${near.join(', ')}?)` : ''}: known sets are ${HOLIDAY_SET_NAMES.join(', ')}; known ids are ${ALL_HOLIDAYS.map((h) => h.id).join(', ')}`;
}

/**
 * The holidays a list of names selects: each name is a set (`us`, `retail`…) or one holiday's id
 * (`black-friday`, `uk-boxing-day`), case-insensitive. Duplicates are kept once, in first-seen order.
 * @param names set names and holiday ids, e.g. ['us', 'black-friday']
 * @returns the selected holidays
 * @throws EngineError('INVALID_ARGUMENT') naming the unknown names and listing the known sets and ids
 * @example selectHolidays(['retail', 'us-thanksgiving']).map((h) => h.id) // ['valentines', 'easter-weekend', …, 'year-end', 'us-thanksgiving']
 */
export function selectHolidays(names: readonly string[]): Holiday[] {
  const unknown = unknownHolidayNames(names);
  if (unknown.length > 0) throw new EngineError('INVALID_ARGUMENT', unknownHolidaysText(unknown));
  const out: Holiday[] = [];
  for (const raw of names) {
    const name = raw.trim().toLowerCase();
    const picked = name in HOLIDAY_SETS ? HOLIDAY_SETS[name as HolidaySetName] : [holidayById(name)];
    for (const h of picked) if (h !== undefined && !out.includes(h)) out.push(h);
  }
  return out;
}

/**
 * Ids a mistyped name may mean: the same letters without the hyphens ('blackfriday'), or a country
 * holiday without its country prefix ('thanksgiving' → us-thanksgiving).
 * @example similarIds('christmas') // ['us-christmas', 'uk-christmas', 'de-christmas', 'fr-christmas']
 */
function similarIds(name: string): string[] {
  const key = name.trim().toLowerCase();
  const bare = key.replace(/[^a-z0-9]/g, '');
  return ALL_HOLIDAYS.map((h) => h.id).filter((id) => id.replace(/-/g, '') === bare || id.endsWith(`-${key}`));
}
