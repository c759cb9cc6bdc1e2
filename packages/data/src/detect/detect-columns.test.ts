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
