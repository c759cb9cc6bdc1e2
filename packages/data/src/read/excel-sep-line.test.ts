import { test } from 'node:test';
import assert from 'node:assert/strict';
import { excelSepLine, sepDirective } from './excel-sep-line.ts';

test('excelSepLine reads sep=, ; and tab; sepDirective any character, which excelSepLine leaves to the header', () => {
  assert.deepEqual(excelSepLine('SEP=;\r\ndate;y\n'), { line: 'SEP=;', delimiter: ';', rest: 'date;y\n' });
  assert.deepEqual(sepDirective(' sep=| \ndate|y\n'), { line: 'sep=|', char: '|', rest: 'date|y\n' });
  assert.equal(excelSepLine('sep=|\ndate|y\n'), undefined);
  assert.equal(sepDirective('date,y\n'), undefined);
});
