import { test } from 'node:test';
import assert from 'node:assert/strict';
import { baseCells, toText } from '../../../test/make-csv.ts';
import { readOutcomeFromText } from '../read-outcome.ts';
import { runRules } from '../run-rules.ts';
import { excelSepLine } from './excel-sep-line.ts';

test('Excel\'s sep= first line: its delimiter is used, the line skipped with a note, and rows keep their file lines', () => {
  for (const [sep, delimiter] of [['sep=,', ','], ['SEP=;', ';']] as const) {
    const read = readOutcomeFromText(`${sep}\r\n${toText(baseCells(), delimiter)}`, 'x.csv');
    assert.deepEqual(excelSepLine(read).map((i) => [i.code, i.severity, i.at.row]), [['EXCEL_SEP_LINE', 'warning', 1]]);
    assert.equal(read.csv?.delimiter, delimiter);
    assert.deepEqual(read.csv?.header.slice(0, 2), ['date', 'sales']);
    assert.equal(read.csv?.rowNumbers[0], 3);
    assert.ok(runRules(read, { target: 'sales' }).ok);
  }
  assert.deepEqual(excelSepLine(readOutcomeFromText(toText(baseCells()), 'x.csv')), []);
});
