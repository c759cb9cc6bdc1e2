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

test('a delimiter given by the caller wins over the sep= line, and the note names the one used', () => {
  const read = readOutcomeFromText(`sep=;\n${toText(baseCells(), ',')}`, 'x.csv', { delimiter: ',' });
  assert.equal(read.csv?.delimiter, ',');
  const [note] = excelSepLine(read);
  assert.match(note.message, /^line 1 "sep=;" is Excel's delimiter directive, not the header: the delimiter given, ",", was used rather than the ";" it names, and the line skipped \(the header is line 2\)$/);
  assert.equal(read.csv?.headerLine, 2);
  // Given and named alike: worded as before.
  assert.match(excelSepLine(readOutcomeFromText(`sep=,\n${toText(baseCells(), ',')}`, 'x.csv', { delimiter: ',' }))[0].message, /: "," was used as the delimiter and the line skipped/);
});
