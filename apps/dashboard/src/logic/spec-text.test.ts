import { test } from 'node:test';
import assert from 'node:assert/strict';
import { specText } from './spec-text.ts';

test('specText', () => {
  assert.equal(specText({ type: 'geometric', alpha: 0.5 }), 'geometric (alpha 0.500)');
  assert.equal(specText({ type: 'hill', halfSaturation: 0.8605627, shape: 2.9952 }), 'hill (halfSaturation 0.861, shape 3.00)');
  assert.equal(specText({ type: 'none' }), 'none');
});
