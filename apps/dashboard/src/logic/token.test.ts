import { test } from 'node:test';
import assert from 'node:assert/strict';
import { tokenFromSearch, withToken } from './token.ts';

test('tokenFromSearch', () => {
  assert.equal(tokenFromSearch('?token=abc&x=1'), 'abc');
  assert.equal(tokenFromSearch('?x=1'), null);
  assert.equal(tokenFromSearch('?token='), null);
  assert.equal(tokenFromSearch(''), null);
});

test('withToken appends to paths with and without a query', () => {
  assert.equal(withToken('/api/runs/a/events', 't 1'), '/api/runs/a/events?token=t%201');
  assert.equal(withToken('/api/x?a=1', 'k&v'), '/api/x?a=1&token=k%26v');
  assert.equal(withToken('/api/x', null), '/api/x');
});
