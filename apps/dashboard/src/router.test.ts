import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatHash, pageTitle, parseHash } from './router.ts';

test('parseHash reads page and run', () => {
  assert.deepEqual(parseHash('#/simulator?run=r-42'), { page: 'simulator', runId: 'r-42' });
  assert.deepEqual(parseHash('/about'), { page: 'about', runId: null });
  assert.deepEqual(parseHash('#/explorer/'), { page: 'explorer', runId: null });
});

test('parseHash falls back to the executive page', () => {
  assert.deepEqual(parseHash(''), { page: 'executive', runId: null });
  assert.deepEqual(parseHash('#/nope?run='), { page: 'executive', runId: null });
});

test('formatHash is the inverse of parseHash, escaping the run id', () => {
  assert.equal(formatHash({ page: 'data', runId: 'a b&c' }), '#/data?run=a+b%26c');
  assert.equal(formatHash({ page: 'executive', runId: null }), '#/executive');
  for (const route of [{ page: 'explorer', runId: 'x/y?z' }, { page: 'about', runId: null }] as const) {
    assert.deepEqual(parseHash(formatHash(route)), route);
  }
});

test('pageTitle names the page, then Mixwise', () => {
  assert.equal(pageTitle('simulator'), 'Budget simulator – Mixwise');
  assert.equal(pageTitle('executive'), 'Executive – Mixwise');
});
