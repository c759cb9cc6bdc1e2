import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isoDayNumber, isoDayNumbers } from './iso-day-number.ts';

test('isoDayNumber: days since 1970-01-01', () => {
  assert.equal(isoDayNumber('1970-01-01'), 0);
  assert.equal(isoDayNumber('1970-01-02'), 1);
  assert.equal(isoDayNumber('1969-12-31'), -1);
  // python3: (datetime.date(2024, 3, 15) - datetime.date(1970, 1, 1)).days → 19797
  assert.equal(isoDayNumber('2024-03-15'), 19797);
  // python3: (datetime.date(1900, 3, 1) - datetime.date(1970, 1, 1)).days → -25508
  assert.equal(isoDayNumber('1900-03-01'), -25508);
  assert.equal(isoDayNumber('2024-02-29') + 1, isoDayNumber('2024-03-01'));
});

test('isoDayNumber: rejects malformed and impossible dates', () => {
  for (const bad of ['2023-02-29', '2024-13-01', '2024-00-10', '2024-04-31', '2024-1-5', '2024-01-05T00:00', '', '0099-01-01']) {
    assert.throws(() => isoDayNumber(bad), { code: 'INVALID_ARGUMENT', message: /yyyy-mm-dd/ }, bad);
  }
});

test('isoDayNumbers names the offending index', () => {
  assert.deepEqual([...isoDayNumbers(['1970-01-01', '1970-01-08'])], [0, 7]);
  assert.throws(() => isoDayNumbers(['2024-01-01', '2024/01/08']), { code: 'INVALID_ARGUMENT', message: /^dates\[1\]:/ });
});
