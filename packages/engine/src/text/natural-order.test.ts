import { test } from 'node:test';
import assert from 'node:assert/strict';
import { naturalCompare } from './natural-order.ts';

test('naturalCompare: numbers inside names compare as numbers (Geo2 before Geo10), the rest as text', () => {
  assert.deepEqual(['Geo10', 'Geo2', 'Geo1', 'Geo0', 'Geo11'].sort(naturalCompare), ['Geo0', 'Geo1', 'Geo2', 'Geo10', 'Geo11']);
  assert.deepEqual(['5010', '501', '502', '500'].sort(naturalCompare), ['500', '501', '502', '5010']);
  assert.deepEqual(['US', 'AU', 'DE'].sort(naturalCompare), ['AU', 'DE', 'US']);
  assert.deepEqual(['store_10_b', 'store_9_b', 'store_10_a', 'store'].sort(naturalCompare), ['store', 'store_9_b', 'store_10_a', 'store_10_b']);
  assert.deepEqual(['Geo1', 'Geo01'].sort(naturalCompare), ['Geo01', 'Geo1'], 'equal numbers: text order decides, so the order is total');
  assert.equal(naturalCompare('a', 'a'), 0);
});
