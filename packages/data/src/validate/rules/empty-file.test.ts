import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readOutcome, readOutcomeFromText } from '../read-outcome.ts';
import { emptyFile } from './empty-file.ts';
import { located } from '../../../test/rule-case.ts';

test('emptyFile: empty file, header only, missing file; silent on a good file', () => {
  assert.deepEqual(located(emptyFile(readOutcomeFromText('', 'x.csv'))), [['EMPTY_FILE', undefined, undefined]]);
  assert.deepEqual(located(emptyFile(readOutcomeFromText('date,y\n', 'x.csv'))), [['HEADER_ONLY', 1, undefined]]);
  assert.deepEqual(located(emptyFile(readOutcome('/nonexistent/mixwise/x.csv', { name: 'x.csv' }))), [['FILE_NOT_FOUND', undefined, undefined]]);
  assert.deepEqual(emptyFile(readOutcomeFromText('date,y\n2024-01-01,3\n', 'x.csv')), []);
});
