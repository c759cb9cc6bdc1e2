import { test } from 'node:test';
import assert from 'node:assert/strict';
import { modelledHolidays } from './modelled-holidays.ts';

test('recorded holidays count whatever the event is named; a term without them counts by its holiday_<id> name', () => {
  const recorded = modelledHolidays([{ name: 'holiday_us', holidays: ['us-thanksgiving'] }, { name: 'promo', holidays: ['black-friday'] }]);
  assert.deepEqual([...recorded].sort(), ['black-friday', 'us-thanksgiving']);
  // A model.json written before the field: read back through JSON, the name is all there is.
  const old = JSON.parse(JSON.stringify([{ name: 'holiday_black_friday' }, { name: 'holiday_us' }, { name: 'price' }])) as { name: string }[];
  assert.deepEqual([...modelledHolidays(old)], ['black-friday']);
  // The field survives a JSON round trip.
  const back = JSON.parse(JSON.stringify([{ name: 'holiday_retail', holidays: ['black-friday', 'cyber-monday'] }])) as { name: string; holidays?: string[] }[];
  assert.deepEqual([...modelledHolidays(back)], ['black-friday', 'cyber-monday']);
});
