import { test } from 'node:test';
import assert from 'node:assert/strict';
import { panelUnsupported } from './panel-unsupported.ts';

test('panelUnsupported: nothing for a ridge fit on spend; each feature in a fixed order with its names', () => {
  assert.deepEqual(panelUnsupported({}), []);
  assert.deepEqual(panelUnsupported({ method: 'ridge', liftTests: [], organic: [] }), []);
  assert.deepEqual(panelUnsupported({ organic: ['newsletter'], liftTests: ['search', 'tv', 'search'], method: 'bayes' }), [
    { feature: 'bayes', names: [] },
    { feature: 'lift-tests', names: ['search', 'tv'] },
    { feature: 'organic', names: ['newsletter'] },
  ]);
  assert.deepEqual(panelUnsupported({ liftTests: ['tv', 'tv', 'tv'] }), [{ feature: 'lift-tests', names: ['tv'] }], 'each lift-tested channel named once');
});
