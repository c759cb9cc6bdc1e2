import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import type { Issue } from '../issue.ts';
import { DataError } from '../issue.ts';
import { parseCsvText, readCsvFile } from './read-csv.ts';
import { tempFile } from '../../test/make-csv.ts';

const fixture = (name: string): string => fileURLToPath(new URL(`../../test/fixtures/${name}`, import.meta.url));

/** Runs fn, expects a DataError, returns its issues. */
function issuesOf(fn: () => unknown): Issue[] {
  try {
    fn();
  } catch (err) {
    assert.ok(err instanceof DataError, `expected DataError, got ${String(err)}`);
    return err.issues;
  }
  assert.fail('expected a DataError');
}

test('semicolon file with UTF-8 BOM and CRLF line endings just works', () => {
  const csv = readCsvFile(fixture('semicolon-bom-crlf.csv'));
  assert.equal(csv.delimiter, ';');
  assert.deepEqual(csv.header, ['Datum', 'revenue', 'tv_spend', 'radio_spend']);
  assert.equal(csv.rows.length, 20);
  assert.deepEqual(csv.rows[0], ['2023-01-02', '12,000.5', '200', '0']);
  assert.deepEqual(csv.rowNumbers.slice(0, 3), [2, 3, 4]);
  assert.ok(csv.rows.every((r) => r.every((c) => !c.includes('\r'))));
});

test('tab-separated file is detected', () => {
  const csv = readCsvFile(fixture('daily.tsv'));
  assert.equal(csv.delimiter, '\t');
  assert.deepEqual(csv.header, ['ds', 'y', 'social_spend']);
  assert.deepEqual(csv.rows[1], ['2024-02-26', '503', '10']);
});

test('comma file: cells and header are trimmed, blank lines skipped but line numbers kept', () => {
  const csv = parseCsvText(' date , y \n2024-01-01, 1\n\n2024-01-08,2\n', 'x.csv');
  assert.deepEqual(csv.header, ['date', 'y']);
  assert.deepEqual(csv.rows, [['2024-01-01', '1'], ['2024-01-08', '2']]);
  assert.deepEqual(csv.rowNumbers, [2, 4]);
});

test('lines of delimiters only (",,," below the data, as spreadsheets export) are skipped like blank lines', () => {
  const csv = parseCsvText('date,y,tv_spend\n2024-01-01,1,5\n,,\n2024-01-08,2,6\n,,\n , ,\n', 'x.csv');
  assert.deepEqual(csv.rows, [['2024-01-01', '1', '5'], ['2024-01-08', '2', '6']]);
  assert.deepEqual(csv.rowNumbers, [2, 4]);
  assert.deepEqual(csv.warnings, []);
});

test('a quoted field spanning lines: the row number is the line where the record starts', () => {
  const csv = parseCsvText('name,y\n"a\nb",1\nc,2\n', 'x.csv');
  assert.deepEqual(csv.rows, [['a\nb', '1'], ['c', '2']]);
  assert.deepEqual(csv.rowNumbers, [2, 4]);
});

test('missing file: FILE_NOT_FOUND naming the path', () => {
  const path = '/nonexistent/dir/nope.csv';
  const [issue] = issuesOf(() => readCsvFile(path));
  assert.equal(issue.code, 'FILE_NOT_FOUND');
  assert.match(issue.message, /nope\.csv/);
});

test('a folder: FILE_UNREADABLE', () => {
  const dir = mkdtempSync(`${tmpdir()}/mixwise-dir-`);
  assert.equal(issuesOf(() => readCsvFile(dir))[0].code, 'FILE_UNREADABLE');
});

test('empty and whitespace-only files: EMPTY_FILE', () => {
  assert.equal(issuesOf(() => readCsvFile(tempFile('e.csv', '')))[0].code, 'EMPTY_FILE');
  assert.equal(issuesOf(() => readCsvFile(tempFile('e.csv', '\n \r\n')))[0].code, 'EMPTY_FILE');
  assert.equal(issuesOf(() => readCsvFile(tempFile('e.csv', new Uint8Array([0xef, 0xbb, 0xbf]))))[0].code, 'EMPTY_FILE');
});

test('header only: HEADER_ONLY on row 1', () => {
  const [issue] = issuesOf(() => parseCsvText('date,y\n', 'h.csv'));
  assert.equal(issue.code, 'HEADER_ONLY');
  assert.deepEqual(issue.at, { file: 'h.csv', row: 1 });
});

test('ragged rows: each located, with found and expected field counts', () => {
  const issues = issuesOf(() => parseCsvText('a,b,c\n1,2,3\n4,5\n6,7,8\n9,10,11,12\n', 'r.csv'));
  assert.deepEqual(issues.map((i) => [i.code, i.at.row]), [['RAGGED_ROW', 3], ['RAGGED_ROW', 5]]);
  assert.match(issues[0].message, /2 fields but the header has 3/);
  assert.match(issues[1].message, /4 fields but the header has 3/);
});

test('binary data: NUL byte located, xlsx recognised, UTF-16 recognised', () => {
  const nul = issuesOf(() => readCsvFile(tempFile('b.csv', new Uint8Array([0x61, 0x0a, 0x62, 0x0a, 0x00, 0x01]))));
  assert.deepEqual([nul[0].code, nul[0].at.row], ['BINARY_FILE', 3]);
  const xlsx = issuesOf(() => readCsvFile(tempFile('b.csv', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00]))));
  assert.equal(xlsx[0].code, 'BINARY_FILE');
  assert.match(xlsx[0].message, /Excel/);
  const utf16 = issuesOf(() => readCsvFile(tempFile('b.csv', new Uint8Array([0xff, 0xfe, 0x61, 0x00]))));
  assert.equal(utf16[0].code, 'BAD_ENCODING');
});

test('invalid UTF-8 (a Latin-1 é on line 3): BAD_ENCODING at row 3', () => {
  const bytes = new Uint8Array([...Buffer.from('name,y\na,1\ncaf'), 0xe9, ...Buffer.from(',2\n')]);
  const [issue] = issuesOf(() => readCsvFile(tempFile('l.csv', bytes)));
  assert.deepEqual([issue.code, issue.at.row], ['BAD_ENCODING', 3]);
});

test('duplicate and empty header names', () => {
  const issues = issuesOf(() => parseCsvText('date,y,y,\n2024-01-01,1,2,3\n', 'd.csv'));
  assert.deepEqual(issues.map((i) => i.code).sort(), ['DUPLICATE_HEADER', 'EMPTY_HEADER']);
  const dup = issues.find((i) => i.code === 'DUPLICATE_HEADER');
  assert.deepEqual(dup?.at, { file: 'd.csv', row: 1, column: 'y' });
  assert.match(dup?.message ?? '', /columns 2 and 3/);
  assert.match(issues.find((i) => i.code === 'EMPTY_HEADER')?.message ?? '', /column 4 \(D\)/);
});

test('an unnamed, entirely empty trailing column is dropped with a warning', () => {
  const csv = parseCsvText('date,y,\n2024-01-01,1,\n2024-01-08,2,\n', 't.csv');
  assert.deepEqual(csv.header, ['date', 'y']);
  assert.deepEqual(csv.rows, [['2024-01-01', '1'], ['2024-01-08', '2']]);
  assert.deepEqual(csv.warnings.map((w) => w.code), ['EMPTY_COLUMN_DROPPED']);
});

test('a nameless first column counting the rows (pandas index) is dropped with a warning; any other nameless column is an error', () => {
  for (const start of [0, 1]) {
    const csv = parseCsvText(`,date,y\n${start},2024-01-01,1\n${start + 1},2024-01-08,2\n${start + 2},2024-01-15,3\n`, 'p.csv');
    assert.deepEqual(csv.header, ['date', 'y']);
    assert.deepEqual(csv.rows[2], ['2024-01-15', '3']);
    assert.deepEqual(csv.warnings.map((w) => [w.code, w.message]), [['ROW_INDEX_DROPPED', `column 1 (A) has no name and counts the rows (${start}, ${start + 1}, …): a row index, ignored`]]);
  }
  for (const text of [',date,y\n0,2024-01-01,1\n2,2024-01-08,2\n', ',date,y\n5,2024-01-01,1\n6,2024-01-08,2\n', 'date,,y\n2024-01-01,0,1\n2024-01-08,1,2\n']) {
    assert.deepEqual(issuesOf(() => parseCsvText(text, 'p.csv')).map((i) => i.code), ['EMPTY_HEADER'], text);
  }
});

test('a column named "Unnamed: N" (pandas\' name for a headerless column, a shuffled stale index here) is dropped with a warning, wherever it is', () => {
  const csv = parseCsvText('Unnamed: 0,date,Unnamed: 3,y\n3706,2024-01-01,a,1\n12,2024-01-08,b,2\n', 'h.csv');
  assert.deepEqual(csv.header, ['date', 'y']);
  assert.deepEqual(csv.rows, [['2024-01-01', '1'], ['2024-01-08', '2']]);
  assert.deepEqual(csv.warnings.map((w) => [w.code, w.at.row, w.at.column]), [['UNNAMED_COLUMN_DROPPED', 1, 'Unnamed: 0'], ['UNNAMED_COLUMN_DROPPED', 1, 'Unnamed: 3']]);
  assert.match(csv.warnings[0].message, /^column 1 \(A\) has pandas' name for a column without a header/);
});

test('an "Unnamed: N" column that holds dates or measured numbers is data whose header was lost: kept under that name', () => {
  const dated = parseCsvText('Unnamed: 0,y,tv_spend\n2024-01-01,1,5\n2024-01-08,2,6\n', 'd.csv');
  assert.deepEqual(dated.header, ['Unnamed: 0', 'y', 'tv_spend']);
  assert.deepEqual(dated.warnings, []);
  const measured = parseCsvText('date,Unnamed: 1\n2024-01-01,12.5\n2024-01-08,12.5\n', 'm.csv');
  assert.deepEqual(measured.header, ['date', 'Unnamed: 1']);
  const shuffled = parseCsvText('Unnamed: 0,date\n7,2024-01-01\n2,2024-01-08\n', 's.csv');
  assert.deepEqual(shuffled.header, ['date'], 'distinct whole numbers are an index');
});

test('unclosed quote: CSV_SYNTAX with a line number', () => {
  const [issue] = issuesOf(() => parseCsvText('a,b\n1,2\n"3,4\n5,6\n', 'q.csv'));
  assert.equal(issue.code, 'CSV_SYNTAX');
  assert.equal(typeof issue.at.row, 'number');
});

test('a forced delimiter overrides detection', () => {
  const csv = parseCsvText('a;b,c\n1;2,3\n', 'f.csv', { delimiter: ',' });
  assert.deepEqual(csv.header, ['a;b', 'c']);
});
