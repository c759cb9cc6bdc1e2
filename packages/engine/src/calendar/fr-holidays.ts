import { dayOf } from './dates.ts';
import { easterSunday } from './easter-sunday.ts';
import { holiday, type Holiday } from './holiday.ts';

/**
 * French public holidays (jours fériés, Code du travail art. L3133-1), metropolitan France; the
 * Alsace-Moselle and overseas extra days are left out. Easter Monday, Ascension (Easter + 39 days) and
 * Whit Monday (Easter + 50 days) follow Easter by the anonymous Gregorian algorithm.
 */
export const FR_HOLIDAYS: readonly Holiday[] = [
  holiday('fr-new-year', "Jour de l'an", 'fr', 'January 1', (y) => [dayOf(y, 1, 1)]),
  holiday('fr-easter-monday', 'Lundi de Pâques', 'fr', 'Easter Sunday + 1 day', (y) => [easterSunday(y) + 1]),
  holiday('fr-labour-day', 'Fête du Travail', 'fr', 'May 1', (y) => [dayOf(y, 5, 1)]),
  holiday('fr-victory-day', 'Victoire 1945', 'fr', 'May 8', (y) => [dayOf(y, 5, 8)]),
  holiday('fr-ascension', 'Ascension', 'fr', 'Easter Sunday + 39 days', (y) => [easterSunday(y) + 39]),
  holiday('fr-whit-monday', 'Lundi de Pentecôte', 'fr', 'Easter Sunday + 50 days', (y) => [easterSunday(y) + 50]),
  holiday('fr-bastille-day', 'Fête nationale', 'fr', 'July 14', (y) => [dayOf(y, 7, 14)]),
  holiday('fr-assumption', 'Assomption', 'fr', 'August 15', (y) => [dayOf(y, 8, 15)]),
  holiday('fr-all-saints', 'Toussaint', 'fr', 'November 1', (y) => [dayOf(y, 11, 1)]),
  holiday('fr-armistice', 'Armistice 1918', 'fr', 'November 11', (y) => [dayOf(y, 11, 11)]),
  holiday('fr-christmas', 'Noël', 'fr', 'December 25', (y) => [dayOf(y, 12, 25)]),
];
