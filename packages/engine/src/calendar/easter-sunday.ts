import { dayOf } from './dates.ts';

/**
 * Day number (days since 1970-01-01) of Western (Gregorian) Easter Sunday, by the anonymous
 * Gregorian algorithm ("Meeus/Jones/Butcher"; J. Meeus, Astronomical Algorithms, 2nd ed., ch. 8).
 * @param year Gregorian year (≥ 1583)
 * @example isoDate(easterSunday(2024)) // '2024-03-31'
 */
export function easterSunday(year: number): number {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return dayOf(year, month, day);
}
