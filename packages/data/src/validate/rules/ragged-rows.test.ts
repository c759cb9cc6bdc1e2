import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readOutcomeFromText } from '../read-outcome.ts';
import { raggedRows } from './ragged-rows.ts';
import { located } from '../../../test/rule-case.ts';

test('raggedRows: a short row on line 3, an unclosed quote; silent on a rectangular file', () => {
  assert.deepEqual(located(raggedRows(readOutcomeFromText('a,b\n1,2\n3\n4,5\n', 'x.csv'))), [['RAGGED_ROW', 3, undefined]]);
  assert.deepEqual(raggedRows(readOutcomeFromText('a,b\n1,"2\n', 'x.csv')).map((i) => i.code), ['CSV_SYNTAX']);
  assert.deepEqual(raggedRows(readOutcomeFromText('a,b\n1,2\n3,4\n', 'x.csv')), []);
});

test('a file mixing CRLF and LF lines is MIXED_LINE_ENDINGS at the first line that differs, not a ragged row of hundreds of fields', () => {
  assert.deepEqual(located(raggedRows(readOutcomeFromText('a,b\r\n1,2\r\n3,4\n5,6\n', 'x.csv'))), [['MIXED_LINE_ENDINGS', 3, undefined]]);
});
