import { test } from 'node:test';
import assert from 'node:assert/strict';
import { holidaysNote } from './holidays.ts';

test('a set event is listed with its holidays, even when only one of the set fell in the window', () => {
  const note = holidaysNote({ frequency: 'daily', added: [{ name: 'holiday_us', holidays: ['us-thanksgiving'], set: 'us' }], sameAsEvent: [], absent: [] }, 730);
  assert.equal(note, 'holidays: added 1 event: holiday_us (us-thanksgiving)\n');
  const merged = holidaysNote({ frequency: 'weekly', weekLabel: 'start', added: [{ name: 'holiday_us_thanksgiving', holidays: ['us-thanksgiving', 'black-friday'] }], sameAsEvent: [], absent: [] }, 104);
  assert.match(merged, /^holidays: added 1 event: holiday_us_thanksgiving \(also black-friday: same weeks\);/);
});
