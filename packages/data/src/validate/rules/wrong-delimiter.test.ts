import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readOutcomeFromText } from '../read-outcome.ts';
import { wrongDelimiter } from './wrong-delimiter.ts';
import { located } from '../../../test/rule-case.ts';

test('wrongDelimiter: a pipe-delimited file is one WRONG_DELIMITER error on row 1', () => {
  const issues = wrongDelimiter(readOutcomeFromText('date|y|tv_spend\n2024-01-01|3|4\n2024-01-08|5|6\n', 'x.csv'));
  assert.deepEqual(located(issues), [['WRONG_DELIMITER', 1, undefined]]);
  assert.match(issues[0].message, /"\|"/);
});

test('wrongDelimiter: silent on comma and semicolon files and on a real single column', () => {
  assert.deepEqual(wrongDelimiter(readOutcomeFromText('date,y\n2024-01-01,3\n', 'x.csv')), []);
  assert.deepEqual(wrongDelimiter(readOutcomeFromText('date;y\n2024-01-01;3\n', 'x.csv')), []);
  assert.deepEqual(wrongDelimiter(readOutcomeFromText('date\n2024-01-01\n', 'x.csv')), []);
  // a "|" in the header only (not in the rows) is a column name, not a delimiter
  assert.deepEqual(wrongDelimiter(readOutcomeFromText('a|b\n1\n', 'x.csv')), []);
});
