import { dayOf } from './dates.ts';
import { easterSunday } from './easter-sunday.ts';
import { holiday, type Holiday } from './holiday.ts';

/**
 * German public holidays kept in every Land (the nationwide ones; regional days such as Epiphany,
 * Corpus Christi or Reformation Day are left out): New Year, Good Friday, Easter Monday, Labour Day,
 * Ascension (Easter + 39 days), Whit Monday (Easter + 50 days), German Unity Day (October 3, from 1990,
 * Einigungsvertrag Art. 2(2)), and both Christmas days. Easter by the anonymous Gregorian algorithm.
 */
export const DE_HOLIDAYS: readonly Holiday[] = [
  holiday('de-new-year', 'Neujahr', 'de', 'January 1', (y) => [dayOf(y, 1, 1)]),
  holiday('de-good-friday', 'Karfreitag', 'de', 'Easter Sunday − 2 days', (y) => [easterSunday(y) - 2]),
  holiday('de-easter-monday', 'Ostermontag', 'de', 'Easter Sunday + 1 day', (y) => [easterSunday(y) + 1]),
  holiday('de-labour-day', 'Tag der Arbeit', 'de', 'May 1', (y) => [dayOf(y, 5, 1)]),
  holiday('de-ascension', 'Christi Himmelfahrt', 'de', 'Easter Sunday + 39 days', (y) => [easterSunday(y) + 39]),
  holiday('de-whit-monday', 'Pfingstmontag', 'de', 'Easter Sunday + 50 days', (y) => [easterSunday(y) + 50]),
  holiday('de-unity-day', 'Tag der Deutschen Einheit', 'de', 'October 3, from 1990', (y) => [dayOf(y, 10, 3)], 1990),
  holiday('de-christmas', '1. Weihnachtstag', 'de', 'December 25', (y) => [dayOf(y, 12, 25)]),
  holiday('de-second-christmas-day', '2. Weihnachtstag', 'de', 'December 26', (y) => [dayOf(y, 12, 26)]),
];
