import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DAY_OF_WEEK_NAMES, dayOfWeekDummies } from './day-of-week.ts';

test('dayOfWeekDummies: a full week from Sunday 2024-03-10 to Saturday 2024-03-16', () => {
  // 2024-03-10 was a Sunday (python3: datetime.date(2024, 3, 10).weekday() == 6)
  const dates = ['2024-03-10', '2024-03-11', '2024-03-12', '2024-03-13', '2024-03-14', '2024-03-15', '2024-03-16'];
  const cols = dayOfWeekDummies(dates);
  assert.equal(cols.length, 6);
  assert.deepEqual(DAY_OF_WEEK_NAMES, ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday']);
  for (let k = 0; k < 6; k++) {
    const expected = [0, 0, 0, 0, 0, 0, 0];
    expected[k + 1] = 1;
    assert.deepEqual([...cols[k]], expected, DAY_OF_WEEK_NAMES[k]);
  }
});

test('dayOfWeekDummies: dates before 1970 and across years', () => {
  // 1969-12-31 was a Wednesday; 2000-01-01 a Saturday; 1900-01-01 a Monday
  const cols = dayOfWeekDummies(['1969-12-31', '2000-01-01', '1900-01-01']);
  assert.deepEqual([...cols[2]], [1, 0, 0]);
  assert.deepEqual([...cols[5]], [0, 1, 0]);
  assert.deepEqual([...cols[0]], [0, 0, 1]);
  assert.throws(() => dayOfWeekDummies(['2024-02-30']), { code: 'INVALID_ARGUMENT' });
});
