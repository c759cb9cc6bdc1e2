import { test } from 'node:test';
import assert from 'node:assert/strict';
import { detectDelimiter } from './detect-delimiter.ts';

test('picks the delimiter that splits the header and every sampled row alike', () => {
  assert.equal(detectDelimiter('a,b,c\n1,2,3\n'), ',');
  assert.equal(detectDelimiter('a;b;c\r\n1;2,5;3\r\n'), ';');
  assert.equal(detectDelimiter('a\tb\n1\t2\n'), '\t');
});

test('ignores delimiters inside quotes', () => {
  assert.equal(detectDelimiter('"a,x";b\n"1,5";2\n"3,0";4\n'), ';');
  assert.equal(detectDelimiter('"multi\nline;;;",b\n1,2\n'), ',');
});

test('prefers a consistent count over a larger inconsistent one', () => {
  // header: 2 commas and 3 semicolons; rows keep 2 commas but their semicolon count varies
  assert.equal(detectDelimiter('a,b;x;y;z,c\n1,2,3\n4,5;6,7\n'), ',');
});

test('single-column text falls back to comma', () => {
  assert.equal(detectDelimiter('value\n1\n2\n'), ',');
  assert.equal(detectDelimiter(''), ',');
});
