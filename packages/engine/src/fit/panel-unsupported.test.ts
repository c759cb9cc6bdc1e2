import { test } from 'node:test';
import assert from 'node:assert/strict';
import { panelUnsupported } from './panel-unsupported.ts';

test('panelUnsupported: nothing for a ridge fit on spend; each feature in a fixed order with its names', () => {
  assert.deepEqual(panelUnsupported({}), []);
  assert.deepEqual(panelUnsupported({ method: 'ridge', organic: [], exposure: false }), []);
  assert.deepEqual(panelUnsupported({ exposure: ['tv'], organic: ['newsletter'], method: 'bayes' }), [
    { feature: 'bayes', names: [] },
    { feature: 'organic', names: ['newsletter'] },
    { feature: 'exposure', names: ['tv'] },
  ]);
  assert.deepEqual(panelUnsupported({ exposure: true }), [{ feature: 'exposure', names: [] }], 'a run-wide setting names no channel');
});
