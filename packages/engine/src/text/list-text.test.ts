import { test } from 'node:test';
import assert from 'node:assert/strict';
import { listText } from './list-text.ts';
import { periodWord } from './period-word.ts';

test('listText joins one, two and three names the English way', () => {
  assert.equal(listText(['tv']), 'tv');
  assert.equal(listText(['tv', 'search']), 'tv and search');
  assert.equal(listText(['tv', 'search', 'social']), 'tv, search and social');
  assert.equal(listText([]), '');
});

test('periodWord: week for weekly data, day for daily', () => {
  assert.equal(periodWord('weekly'), 'week');
  assert.equal(periodWord('daily'), 'day');
});
