import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DECIMAL, LARGE, RecordCells, SMALL, SUSPECT, hasDot, plainNumberKind } from './scan-cells.ts';
import { hash53 } from './scan-record.ts';
import { RowHashes } from './row-hashes.ts';

test('scan-cells: plainNumberKind reads a cell as the scan\'s regular expressions do', () => {
  const cells = ['0', '12', '-3', '999', '1000', '0012', '00001000', '12.5', '-0.25', '1.234', '0.123', '1234.567', '12.3456', '', '-', '1.', '.5', '+1', '1,5', '1e3', ' 1', '١٢'];
  for (const c of cells) {
    const plain = /^-?\d+(?:\.\d+)?$/.test(c) && !/^[+-]?[1-9]\d{0,2}\.\d{3}$/.test(c);
    const expected = !plain ? SUSPECT : c.includes('.') ? DECIMAL : c.replace('-', '').length <= 3 || Math.abs(Number(c)) < 1000 ? SMALL : LARGE;
    assert.equal(plainNumberKind(`x,${c},y`, 2, 2 + c.length), expected, c);
  }
  assert.equal(hasDot('a.b', 0, 1), false);
  assert.equal(hasDot('a.b', 0, 2), true);
});

test('scan-cells: RecordCells splits a plain record and hashes it as hash53; quotes and padding are left to the general path', () => {
  const cells = new RecordCells();
  assert.equal(cells.read('2024-01-01,tv,,12.5', 44), true);
  assert.equal(cells.count, 4);
  assert.deepEqual([0, 1, 2, 3].map((k) => cells.cell(k)), ['2024-01-01', 'tv', '', '12.5']);
  assert.equal(cells.hash, hash53('2024-01-01,tv,,12.5', 44));
  assert.deepEqual([cells.equals(1, 'tv'), cells.equals(1, 't'), cells.equals(2, ''), cells.equals(2, undefined)], [true, false, true, false]);
  for (const r of ['a,"b"', 'a, b', 'a\tb', 'a\rb']) assert.equal(cells.read(r, 44), false, r);
  assert.equal(cells.read('a\tb', 9), true);
  cells.fromCells(['a', 'b,c'], 7);
  assert.deepEqual([cells.cell(0), cells.cell(1), cells.hash], ['a', 'b,c', 7]);
});

test('row-hashes: the lines whose hash repeats, in file order, also in a crowded bucket', () => {
  const hashes = new RowHashes();
  const rows = [5, 9, 5, 2 ** 40 + 9, 7, ...Array<number>(20).fill(2 ** 22)];
  rows.forEach((h, i) => hashes.set(i, h, i + 2));
  assert.deepEqual(hashes.candidates(rows.length), [2, 4, ...rows.slice(5).map((_, i) => i + 7)]);
  assert.deepEqual(hashes.candidates(2), []);
});
