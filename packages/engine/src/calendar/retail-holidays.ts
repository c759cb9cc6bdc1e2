import { dayOf } from './dates.ts';
import { easterSunday } from './easter-sunday.ts';
import { dayRange, holiday, type Holiday } from './holiday.ts';
import { SUNDAY, nthWeekday } from './nth-weekday.ts';
import { usThanksgiving } from './us-holidays.ts';

/**
 * Retail moments (not public holidays), on the US retail calendar where it matters: Valentine's Day,
 * US Mother's Day (second Sunday of May), Black Friday (the day after US Thanksgiving, the fourth
 * Thursday of November), Cyber Monday (the Monday after, Thanksgiving + 4 days), the Christmas
 * shopping run-up December 11–24, the Christmas days December 24–26 (shops shut or quiet), the
 * year-end sales December 27–31, and the Easter weekend (Good Friday to Easter Sunday, Easter by the
 * anonymous Gregorian algorithm). The simulator's holidays use these rules.
 */
export const RETAIL_HOLIDAYS: readonly Holiday[] = [
  holiday('valentines', "Valentine's Day", 'retail', 'February 14', (y) => [dayOf(y, 2, 14)]),
  holiday('easter-weekend', 'Easter weekend', 'retail', 'Good Friday to Easter Sunday', (y) => dayRange(easterSunday(y) - 2, easterSunday(y))),
  holiday('mothers-day-us', "Mother's Day (US)", 'retail', 'second Sunday of May', (y) => [nthWeekday(y, 5, SUNDAY, 2)]),
  holiday('black-friday', 'Black Friday', 'retail', 'the day after US Thanksgiving', (y) => [usThanksgiving(y) + 1]),
  holiday('cyber-monday', 'Cyber Monday', 'retail', 'US Thanksgiving + 4 days', (y) => [usThanksgiving(y) + 4]),
  holiday('christmas-shopping', 'Christmas shopping', 'retail', 'December 11–24', (y) => dayRange(dayOf(y, 12, 11), dayOf(y, 12, 24))),
  holiday('christmas-days', 'Christmas days', 'retail', 'December 24–26', (y) => dayRange(dayOf(y, 12, 24), dayOf(y, 12, 26))),
  holiday('year-end', 'Year-end sales', 'retail', 'December 27–31', (y) => dayRange(dayOf(y, 12, 27), dayOf(y, 12, 31))),
];
