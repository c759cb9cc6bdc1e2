import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readOutcomeFromText } from '../read-outcome.ts';
import { wrongDelimiter } from './wrong-delimiter.ts';
import { located } from '../../../test/rule-case.ts';
import { baseCells, toText } from '../../../test/make-csv.ts';
import { runRules } from '../run-rules.ts';

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

test('runRules on a pipe-delimited file: WRONG_DELIMITER alone, without the missing-column errors it causes', () => {
  const text = toText(baseCells()).replaceAll(',', '|');
  const result = runRules(readOutcomeFromText(text, 'pipe.csv'), { target: 'sales' });
  assert.deepEqual(result.issues.map((i) => i.code), ['WRONG_DELIMITER']);
});

test('wrongDelimiter after Excel\'s sep= line: the header\'s line (2) is named; a sep=| line is itself a WRONG_DELIMITER error naming it', () => {
  const piped = 'date|y|tv_spend\n2024-01-01|3|4\n2024-01-08|5|6\n';
  assert.deepEqual(located(wrongDelimiter(readOutcomeFromText(`sep=,\n${piped}`, 'x.csv'))), [['WRONG_DELIMITER', 2, undefined]]);
  const issues = wrongDelimiter(readOutcomeFromText(`sep=|\r\n${piped}`, 'x.csv'));
  assert.deepEqual(located(issues), [['WRONG_DELIMITER', 1, undefined]]);
  assert.match(issues[0].message, /^line 1 "sep=\|" is Excel's delimiter directive naming "\|", a delimiter Mixwise does not read/);
  assert.match(issues[0].hint, /without the sep= line/);
  const result = runRules(readOutcomeFromText(`sep=|\n${toText(baseCells()).replaceAll(',', '|')}`, 'pipe.csv'), { target: 'sales' });
  assert.deepEqual(result.issues.map((i) => [i.code, i.at.row]), [['WRONG_DELIMITER', 1]]);
});
