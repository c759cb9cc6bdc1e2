import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useColor } from './io.ts';

test('color only on a terminal, off with NO_COLOR, forced with FORCE_COLOR', () => {
  const tty = { write: () => undefined, isTTY: true };
  const pipe = { write: () => undefined, isTTY: false };
  assert.equal(useColor(tty, {}), true);
  assert.equal(useColor(pipe, {}), false);
  assert.equal(useColor(tty, { NO_COLOR: '1' }), false);
  assert.equal(useColor(pipe, { FORCE_COLOR: '1' }), true);
  assert.equal(useColor(tty, { FORCE_COLOR: '0' }), true);
});
