import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readOutcome, readOutcomeFromText } from '../read-outcome.ts';
import { byteOrderMark } from './byte-order-mark.ts';
import { located } from '../../../test/rule-case.ts';
import { tempFile } from '../../../test/make-csv.ts';

test('byteOrderMark: a BOM pasted at the start of line 3 is a STRAY_BOM warning on row 3', () => {
  const issues = byteOrderMark(readOutcomeFromText('date,y\n2024-01-01,3\n\uFEFF2024-01-08,4\n', 'x.csv'));
  assert.deepEqual(located(issues), [['STRAY_BOM', 3, undefined]]);
  assert.equal(issues[0].severity, 'warning');
});

test('byteOrderMark: silent on a file that starts with one BOM (CRLF endings), read from disk', () => {
  const path = tempFile('g.csv', '\uFEFFdate,y\r\n2024-01-01,3\r\n');
  const read = readOutcome(path);
  assert.equal(read.csv?.header[0], 'date');
  assert.deepEqual(byteOrderMark(read), []);
  const doubled = readOutcome(tempFile('d.csv', '\uFEFFdate,y\n2024-01-01,3\n\uFEFFdate,y\n'));
  assert.deepEqual(located(byteOrderMark(doubled)), [['STRAY_BOM', 3, undefined]]);
});
