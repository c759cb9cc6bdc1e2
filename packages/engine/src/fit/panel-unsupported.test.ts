import { test } from 'node:test';
import assert from 'node:assert/strict';
import { panelUnsupported } from './panel-unsupported.ts';

test('panelUnsupported: nothing for a ridge fit on spend; each feature in a fixed order with its names', () => {
  assert.deepEqual(panelUnsupported({}), []);
  assert.deepEqual(panelUnsupported({ method: 'ridge', organic: [] }), []);
  assert.deepEqual(panelUnsupported({ organic: ['newsletter'], method: 'bayes' }), [
    { feature: 'bayes', names: [] },
    { feature: 'organic', names: ['newsletter'] },
  ]);
  assert.deepEqual(panelUnsupported({ organic: ['a', 'b'] }), [{ feature: 'organic', names: ['a', 'b'] }], 'organic media alone');
});
