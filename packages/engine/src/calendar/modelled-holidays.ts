import { ALL_HOLIDAYS } from './holiday-sets.ts';
import { holidayEventName } from './holiday-events.ts';

/**
 * The ids of the built-in holidays a model's baseline already holds. A term that records its holidays
 * (ModelBaselineTerm.holidays: one holiday, holidays merged into it, a holiday set, or holidays on a
 * file's own event column) counts with those; a term without the field (a model written before it was
 * recorded) counts for the holiday whose event name it has (`holiday_<id>`), as before.
 * @param baseline the model's baseline terms (name and, when recorded, holidays)
 * @returns holiday ids
 * @example modelledHolidays([{ name: 'holiday_us', holidays: ['us-thanksgiving', 'us-christmas'] }]).has('us-thanksgiving') // true
 * @example modelledHolidays([{ name: 'holiday_black_friday' }]).has('black-friday') // true
 */
export function modelledHolidays(baseline: readonly { readonly name: string; readonly holidays?: readonly string[] }[]): Set<string> {
  const ids = new Set<string>();
  const byName = new Map(ALL_HOLIDAYS.map((h) => [holidayEventName(h.id), h.id]));
  for (const b of baseline) {
    for (const id of b.holidays ?? []) ids.add(id);
    const named = byName.get(b.name);
    if (b.holidays === undefined && named !== undefined) ids.add(named);
  }
  return ids;
}
