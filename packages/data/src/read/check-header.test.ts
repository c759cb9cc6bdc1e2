import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spreadsheetLetter } from './check-header.ts';

test('spreadsheet letters: A..Z, AA.., AZ, BA, ZZ, AAA', () => {
  assert.deepEqual([0, 25, 26, 27, 51, 52, 701, 702].map(spreadsheetLetter), ['A', 'Z', 'AA', 'AB', 'AZ', 'BA', 'ZZ', 'AAA']);
});
