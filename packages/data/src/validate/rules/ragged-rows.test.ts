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
