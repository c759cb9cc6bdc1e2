import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readOutcome } from '../read-outcome.ts';
import { fileEncoding } from './file-encoding.ts';
import { located } from '../../../test/rule-case.ts';
import { tempFile } from '../../../test/make-csv.ts';

test('fileEncoding: a NUL byte on line 2 is BINARY_FILE row 2; Latin-1 "é" on line 3 is BAD_ENCODING row 3', () => {
  const binary = tempFile('b.csv', new Uint8Array([0x61, 0x2c, 0x62, 0x0a, 0x31, 0x00, 0x32, 0x0a]));
  assert.deepEqual(located(fileEncoding(readOutcome(binary, { name: 'b.csv' }))), [['BINARY_FILE', 2, undefined]]);
  const latin1 = tempFile('l.csv', new Uint8Array([...Buffer.from('a,b\n1,2\n'), 0x63, 0xe9, 0x2c, 0x33, 0x0a]));
  assert.deepEqual(located(fileEncoding(readOutcome(latin1, { name: 'l.csv' }))), [['BAD_ENCODING', 3, undefined]]);
});

test('fileEncoding: silent on UTF-8 with a BOM and CRLF line endings', () => {
  const good = tempFile('g.csv', '\uFEFFdate,y\r\n2024-01-01,3\r\n');
  assert.deepEqual(fileEncoding(readOutcome(good)), []);
});
