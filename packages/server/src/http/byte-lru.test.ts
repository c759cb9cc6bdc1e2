import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ByteLru } from './byte-lru.ts';

test('ByteLru keeps its total within the budget, evicting the least recently used first', () => {
  const c = new ByteLru<string>(100);
  c.set('a', 1, 'A', 40);
  c.set('b', 1, 'B', 40);
  assert.equal(c.get('a', 1), 'A'); // a is now the most recently used
  c.set('c', 1, 'C', 40);
  assert.equal(c.get('b', 1), undefined, 'b was least recently used');
  assert.equal(c.get('a', 1), 'A');
  assert.equal(c.get('c', 1), 'C');
  assert.deepEqual(c.size, { bytes: 80, entries: 2 });
});

test('ByteLru: another version is a miss and is replaced; a value over the budget is not stored', () => {
  const c = new ByteLru<string>(100);
  c.set('a', 1, 'old', 30);
  assert.equal(c.get('a', 2), undefined);
  c.set('a', 2, 'new', 50);
  assert.equal(c.get('a', 2), 'new');
  assert.deepEqual(c.size, { bytes: 50, entries: 1 });
  c.set('big', 1, 'x', 101);
  assert.equal(c.get('big', 1), undefined);
  assert.deepEqual(c.size, { bytes: 50, entries: 1 });
  for (let i = 0; i < 1000; i++) c.set(`k${i}`, 1, 'v', 7);
  assert.ok(c.size.bytes <= 100);
});
