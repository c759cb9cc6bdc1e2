import { dayOf, weekdayOf } from './dates.ts';
import { easterSunday } from './easter-sunday.ts';
import { holiday, type Holiday } from './holiday.ts';
import { MONDAY, SATURDAY, nthWeekday } from './nth-weekday.ts';

/** Bank holidays moved by royal proclamation in place of the rule (gov.uk/bank-holidays). */
const MOVED: Readonly<Record<string, Readonly<Record<number, readonly [number, number]>>>> = {
  'uk-early-may-bank-holiday': { 1995: [5, 8], 2020: [5, 8] }, // VE Day 50th and 75th anniversaries
  'uk-spring-bank-holiday': { 2002: [6, 4], 2012: [6, 4], 2022: [6, 2] }, // Golden, Diamond, Platinum Jubilees
};

/**
 * England & Wales bank holidays (Banking and Financial Dealings Act 1971, Schedule 1, with the
 * proclamations that set New Year's Day and the early May holiday). Weekend substitution, as
 * gov.uk publishes it: New Year's Day on a Saturday or Sunday is also kept the next Monday; Christmas
 * Day on a weekend is also kept on December 27 and Boxing Day on a weekend on December 28. Such a
 * holiday covers both the day itself and the substitute day. Early May and spring holidays moved for
 * jubilees and VE Day are included (MOVED); one-off extra days (the 2022 Jubilee's June 3, 2022-09-19,
 * 2023-05-08) are not.
 */
export const UK_HOLIDAYS: readonly Holiday[] = [
  holiday('uk-new-year', "New Year's Day", 'uk', 'January 1; on a weekend also the next Monday', (y) => withSubstitute(dayOf(y, 1, 1), nextMonday(dayOf(y, 1, 1)))),
  holiday('uk-good-friday', 'Good Friday', 'uk', 'Easter Sunday − 2 days', (y) => [easterSunday(y) - 2]),
  holiday('uk-easter-monday', 'Easter Monday', 'uk', 'Easter Sunday + 1 day', (y) => [easterSunday(y) + 1]),
  holiday('uk-early-may-bank-holiday', 'Early May bank holiday', 'uk', 'first Monday of May (from 1978)', (y) => [moved('uk-early-may-bank-holiday', y) ?? nthWeekday(y, 5, MONDAY, 1)], 1978),
  holiday('uk-spring-bank-holiday', 'Spring bank holiday', 'uk', 'last Monday of May', (y) => [moved('uk-spring-bank-holiday', y) ?? nthWeekday(y, 5, MONDAY, -1)]),
  holiday('uk-summer-bank-holiday', 'Summer bank holiday', 'uk', 'last Monday of August', (y) => [nthWeekday(y, 8, MONDAY, -1)]),
  holiday('uk-christmas', 'Christmas Day', 'uk', 'December 25; on a weekend also December 27', (y) => withSubstitute(dayOf(y, 12, 25), dayOf(y, 12, 27))),
  holiday('uk-boxing-day', 'Boxing Day', 'uk', 'December 26; on a weekend also December 28', (y) => withSubstitute(dayOf(y, 12, 26), dayOf(y, 12, 28))),
];

/** The day, and the substitute day too when the day is a Saturday or Sunday. */
function withSubstitute(day: number, substitute: number): number[] {
  return weekdayOf(day) >= SATURDAY ? [day, substitute] : [day];
}

function nextMonday(day: number): number {
  return day + ((MONDAY - weekdayOf(day) + 7) % 7);
}

function moved(id: string, year: number): number | undefined {
  const md = MOVED[id]?.[year];
  return md === undefined ? undefined : dayOf(year, md[0], md[1]);
}
