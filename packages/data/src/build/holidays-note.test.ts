import { test } from 'node:test';
import assert from 'node:assert/strict';
import { holidaysNote } from './holidays-note.ts';

test('a set event is listed with its holidays, even when only one of the set fell in the window', () => {
  const note = holidaysNote({ frequency: 'daily', added: [{ name: 'holiday_us', holidays: ['us-thanksgiving'], set: 'us' }], sameAsEvent: [], absent: [] }, 730);
  assert.equal(note, 'holidays: added 1 event: holiday_us (us-thanksgiving)\n');
  const merged = holidaysNote({ frequency: 'weekly', weekLabel: 'start', added: [{ name: 'holiday_us_thanksgiving', holidays: ['us-thanksgiving', 'black-friday'] }], sameAsEvent: [], absent: [] }, 104);
  assert.match(merged, /^holidays: added 1 event: holiday_us_thanksgiving \(also black-friday: same weeks\);/);
});

test('the API wording names the roles fields instead of the flags', () => {
  const report = { frequency: 'weekly' as const, weekLabel: 'start' as const, added: [{ name: 'holiday_us_thanksgiving', holidays: ['us-thanksgiving'] }], sameAsEvent: [], absent: ['us-juneteenth'] };
  assert.match(holidaysNote(report, 104, 'api'), /pass roles\.weekLabel "end" if each date ends its week/);
  assert.match(holidaysNote(report, 104), /pass --week-label end if/);
  assert.match(holidaysNote(report, 104, 'api'), /no day in the modeling window: us-juneteenth\n$/);
});
