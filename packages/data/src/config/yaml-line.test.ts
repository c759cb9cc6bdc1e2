import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LineCounter, parseDocument } from 'yaml';
import { yamlLine } from './yaml-line.ts';

const text = '# comment\na:\n  b: 1\n  list:\n    - x: 1\n    - { x: 2, y: 3 }\nc: [1, 2]\n';
const lineCounter = new LineCounter();
const doc = parseDocument(text, { lineCounter });

test('lines of keys, list entries and flow mappings', () => {
  assert.deepEqual(yamlLine(doc, lineCounter, ['a', 'b']), { line: 3, exact: true });
  assert.deepEqual(yamlLine(doc, lineCounter, ['a', 'list', 0, 'x']), { line: 5, exact: true });
  assert.deepEqual(yamlLine(doc, lineCounter, ['a', 'list', 1, 'y']), { line: 6, exact: true });
  assert.deepEqual(yamlLine(doc, lineCounter, ['c', 1]), { line: 7, exact: true });
});

test('a missing key gives its nearest enclosing key; the empty path the document start', () => {
  assert.deepEqual(yamlLine(doc, lineCounter, ['a', 'nope']), { line: 2, exact: false });
  assert.deepEqual(yamlLine(doc, lineCounter, ['a', 'list', 5]), { line: 4, exact: false });
  assert.deepEqual(yamlLine(doc, lineCounter, []), { line: 2, exact: true });
});
