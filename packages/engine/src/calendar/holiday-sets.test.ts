import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isoDate } from './dates.ts';
import { easterSunday } from './easter-sunday.ts';
import { ALL_HOLIDAYS, HOLIDAY_SETS, HOLIDAY_SET_NAMES, holidayById, selectHolidays, unknownHolidayNames, unknownHolidaysText } from './holiday-sets.ts';

/** The ISO days of a holiday in a year. */
function days(id: string, year: number): string[] {
  const h = holidayById(id);
  assert.ok(h !== undefined, id);
  return h.days(year).map(isoDate);
}

// Expected values are published calendars (opm.gov federal holidays, gov.uk/bank-holidays,
// service-public.fr, the German Länder lists), not recomputed from the rules.
test('US federal holidays, 2024', () => {
  assert.deepEqual(days('us-thanksgiving', 2024), ['2024-11-28']);
  assert.deepEqual(days('us-mlk-day', 2024), ['2024-01-15']);
  assert.deepEqual(days('us-presidents-day', 2024), ['2024-02-19']);
  assert.deepEqual(days('us-memorial-day', 2024), ['2024-05-27']);
  assert.deepEqual(days('us-labor-day', 2024), ['2024-09-02']);
  assert.deepEqual(days('us-columbus-day', 2024), ['2024-10-14']);
  assert.deepEqual(days('us-juneteenth', 2021), ['2021-06-19']);
  assert.deepEqual(days('us-juneteenth', 2020), []); // not a federal holiday before 2021
  assert.deepEqual(days('us-independence-day', 2026), ['2026-07-04']); // a Saturday: the day itself, not the observed Friday
});

test('Easter and the holidays that follow it', () => {
  assert.equal(isoDate(easterSunday(2025)), '2025-04-20');
  assert.deepEqual(days('de-whit-monday', 2024), ['2024-05-20']);
  assert.deepEqual(days('de-ascension', 2024), ['2024-05-09']);
  assert.deepEqual(days('de-good-friday', 2024), ['2024-03-29']);
  assert.deepEqual(days('fr-ascension', 2025), ['2025-05-29']);
  assert.deepEqual(days('fr-whit-monday', 2025), ['2025-06-09']);
  assert.deepEqual(days('uk-easter-monday', 2024), ['2024-04-01']);
});

test('England & Wales bank holidays, with moved days and weekend substitutes', () => {
  assert.deepEqual(days('uk-summer-bank-holiday', 2024), ['2024-08-26']);
  assert.deepEqual(days('uk-early-may-bank-holiday', 2024), ['2024-05-06']);
  assert.deepEqual(days('uk-spring-bank-holiday', 2024), ['2024-05-27']);
  assert.deepEqual(days('uk-early-may-bank-holiday', 2020), ['2020-05-08']); // VE Day 75
  assert.deepEqual(days('uk-spring-bank-holiday', 2022), ['2022-06-02']); // Platinum Jubilee
  // 2021: Christmas on a Saturday, Boxing Day on a Sunday → bank holidays Mon 27 and Tue 28.
  assert.deepEqual(days('uk-christmas', 2021), ['2021-12-25', '2021-12-27']);
  assert.deepEqual(days('uk-boxing-day', 2021), ['2021-12-26', '2021-12-28']);
  // 2022: Christmas on a Sunday → Tue 27; Boxing Day is Monday 26 itself.
  assert.deepEqual(days('uk-christmas', 2022), ['2022-12-25', '2022-12-27']);
  assert.deepEqual(days('uk-boxing-day', 2022), ['2022-12-26']);
  // 2022-01-01 is a Saturday → Monday 3 January.
  assert.deepEqual(days('uk-new-year', 2022), ['2022-01-01', '2022-01-03']);
  assert.deepEqual(days('uk-new-year', 2024), ['2024-01-01']);
});

test('retail moments', () => {
  assert.deepEqual(days('black-friday', 2024), ['2024-11-29']);
  assert.deepEqual(days('cyber-monday', 2024), ['2024-12-02']);
  assert.deepEqual(days('mothers-day-us', 2024), ['2024-05-12']);
  assert.equal(days('christmas-shopping', 2024).length, 14);
  assert.deepEqual(days('year-end', 2024).slice(0, 1), ['2024-12-27']);
  assert.deepEqual(days('easter-weekend', 2025), ['2025-04-18', '2025-04-19', '2025-04-20']);
  assert.deepEqual(days('christmas-days', 2024), ['2024-12-24', '2024-12-25', '2024-12-26']);
});

test('every holiday: unique id, named after its set, increasing days inside its year', () => {
  assert.equal(new Set(ALL_HOLIDAYS.map((h) => h.id)).size, ALL_HOLIDAYS.length);
  for (const set of HOLIDAY_SET_NAMES) {
    for (const h of HOLIDAY_SETS[set]) {
      assert.equal(h.set, set);
      if (set !== 'retail') assert.ok(h.id.startsWith(`${set}-`), h.id);
      for (let y = 2015; y <= 2030; y++) {
        const d = h.days(y).map(isoDate);
        assert.ok(d.every((x, i) => x.startsWith(String(y)) && (i === 0 || x > d[i - 1])), `${h.id} ${y}`);
      }
    }
  }
});

test('selectHolidays: sets and ids, case-insensitive, each once; unknown names listed', () => {
  const picked = selectHolidays(['RETAIL', 'Black-Friday', 'us-thanksgiving']).map((h) => h.id);
  assert.deepEqual(picked, ['valentines', 'easter-weekend', 'mothers-day-us', 'black-friday', 'cyber-monday', 'christmas-shopping', 'christmas-days', 'year-end', 'us-thanksgiving']);
  assert.equal(selectHolidays(['us']).length, 11);
  assert.throws(() => selectHolidays(['us', 'blackfriday', 'xx']), (e: Error & { code?: string }) =>
    e.code === 'INVALID_ARGUMENT' && /unknown holiday sets or ids 'blackfriday', 'xx'/.test(e.message)
    && /\(did you mean black-friday\?\)/.test(e.message) && /known sets are us, uk, de, fr, retail/.test(e.message));
  assert.throws(() => selectHolidays(['thanksgiving']), /did you mean us-thanksgiving\?/);
});

test('unknownHolidayNames lists what selectHolidays refuses, without throwing; its text is selectHolidays\' message', () => {
  assert.deepEqual(unknownHolidayNames(['US', 'Black-Friday']), []);
  const unknown = unknownHolidayNames(['us', 'BlackFriday', 'xx']);
  assert.deepEqual(unknown, [{ name: 'BlackFriday', suggestions: ['black-friday'] }, { name: 'xx', suggestions: [] }]);
  assert.throws(() => selectHolidays(['us', 'BlackFriday', 'xx']), { message: unknownHolidaysText(unknown) });
});
