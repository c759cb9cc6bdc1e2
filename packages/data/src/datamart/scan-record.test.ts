import { test } from 'node:test';
import assert from 'node:assert/strict';
import { hash53, splitRecord, stripEnding } from './scan-record.ts';

test('scan-record: quoted fields split as RFC 4180; irregular quoting is left to the reader; endings stripped; hashes ignore how cells were separated', () => {
  assert.deepEqual(splitRecord('a,"b,c",d', ','), ['a', 'b,c', 'd']);
  assert.deepEqual(splitRecord('a,"say ""hi""",', ','), ['a', 'say "hi"', '']);
  assert.equal(splitRecord('a,b"c', ','), undefined);
  assert.deepEqual(splitRecord('a;b', ';'), ['a', 'b']);
  assert.equal(stripEnding('a,b\r\n'), 'a,b');
  assert.equal(stripEnding('a,b\n'), 'a,b');
  assert.equal(hash53('a,b', 44), hash53('a\u0000b', 44));
  assert.notEqual(hash53('a,b', 44), hash53('b,a', 44));
});
