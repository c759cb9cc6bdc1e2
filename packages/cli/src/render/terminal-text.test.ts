import { test } from 'node:test';
import assert from 'node:assert/strict';
import { escapeControls } from './terminal-text.ts';
import { renderTable } from './table.ts';

test('escapeControls: control characters shown as escapes, plain text (backslashes and accents too) unchanged', () => {
  assert.equal(escapeControls('a\nb'), 'a\\nb');
  assert.equal(escapeControls('a\r\n\tb'), 'a\\r\\n\\tb');
  assert.equal(escapeControls('\u001b[31mred'), '\\x1b[31mred');
  assert.equal(escapeControls('x\u0085y\u2028z'), 'x\\x85y\\u{2028}z');
  assert.equal(escapeControls('C:\\geo\nx'), 'C:\\\\geo\\nx', 'a backslash beside an escape is doubled, so the two read apart');
  assert.equal(escapeControls('C:\\geo'), 'C:\\geo');
  assert.equal(escapeControls('Île-de-France'), 'Île-de-France');
});

test('renderTable: a newline in a text cell or a header keeps each row on one line', () => {
  const text = renderTable([{ header: 'geo\nname', value: (r: { n: string }) => r.n }, { header: 'x', value: () => 1, format: 'number' }], [{ n: 'a\nb' }, { n: 'c' }]);
  assert.deepEqual(text.trimEnd().split('\n'), ['geo\\nname    x', '---------  ---', 'a\\nb       1.0', 'c          1.0']);
});
