import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readOutcomeFromText } from '../read-outcome.ts';
import { headerNames } from './header-names.ts';
import { located } from '../../../test/rule-case.ts';

test('headerNames: a duplicate name and a nameless column with data; silent on unique names', () => {
  assert.deepEqual(located(headerNames(readOutcomeFromText('a,a\n1,2\n', 'x.csv'))), [['DUPLICATE_HEADER', 1, 'a']]);
  assert.deepEqual(located(headerNames(readOutcomeFromText('a,\n1,2\n', 'x.csv'))), [['EMPTY_HEADER', 1, undefined]]);
  assert.deepEqual(headerNames(readOutcomeFromText('a,b\n1,2\n', 'x.csv')), []);
});
