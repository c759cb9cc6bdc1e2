import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { detectColumns } from './detect-columns.ts';
import { readCsvFile, parseCsvText } from '../read/read-csv.ts';
import { DataError } from '../issue.ts';

test('finds date column, channels and frequency of a daily tab-separated file', () => {
  const csv = readCsvFile(fileURLToPath(new URL('../../test/fixtures/daily.tsv', import.meta.url)));
  const got = detectColumns(csv);
  assert.equal(got.date, 'ds');
  assert.equal(got.frequency, 'daily');
  assert.deepEqual(got.channels, [{ name: 'social', column: 'social_spend' }]);
});

test('throws a DataError listing all problems', () => {
  const csv = parseCsvText('when,y\n2024-01-01,1\n2024-01-01,2\n', 'x.csv');
  assert.throws(() => detectColumns(csv), (e: unknown) => e instanceof DataError
    && e.issues.map((i) => i.code).sort().join() === 'DUPLICATE_DATE,NO_CHANNELS');
});

test('a column named like the date column (time) with dates it cannot read: its INVALID_DATE, as with --date, not NO_DATE_COLUMN', () => {
  const csv = parseCsvText('time,tv_spend,y\n"Jan 25, 2021",1,5\n"Feb 1, 2021",2,6\n"Feb 8, 2021",3,7\n', 'x.csv');
  const codes = (given: { date?: string }) => {
    try {
      detectColumns(csv, given);
    } catch (e) {
      if (e instanceof DataError) return e.issues.map((i) => [i.code, i.at.column, i.message]);
    }
    return [];
  };
  const detected = codes({});
  assert.deepEqual(detected.map(([code, column]) => [code, column]), [['INVALID_DATE', 'time']]);
  assert.match(String(detected[0][2]), /the date column "time" cannot be read: 3 of 3 values are not dates \(e\.g\. "Jan 25, 2021" on row 2\)/);
  assert.deepEqual(detected, codes({ date: 'time' }));
});
