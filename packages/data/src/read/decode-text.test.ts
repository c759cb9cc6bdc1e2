import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decodeCsvBytes } from './decode-text.ts';
import { DataError } from '../issue.ts';

test('drops a UTF-8 BOM and keeps multi-byte characters', () => {
  const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('café,ü\n')]);
  assert.equal(decodeCsvBytes(bytes, 'x.csv'), 'café,ü\n');
});

test('old .xls (OLE2) files are recognised as spreadsheets', () => {
  assert.throws(() => decodeCsvBytes(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1]), 'x.xls'),
    (e: unknown) => e instanceof DataError && e.issues[0].code === 'BINARY_FILE' && /Excel/.test(e.issues[0].message));
});
