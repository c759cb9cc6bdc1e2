import { test } from 'node:test';
import assert from 'node:assert/strict';
import { replicateModels, responseModelFromMmm, type MmmModel } from '@mixwise/engine';
import { curveBasisText, curveNote, expectedReplicates, modelReplicates } from './curve-basis.ts';
import { testModel } from '../worker/test-model.ts';

test('each page says which curves it shows', () => {
  assert.equal(curveBasisText('expected', 100, 'bootstrap'), 'expected over 100 bootstrap replicates');
  assert.equal(curveBasisText('expected', 400, 'posterior'), 'expected over 400 posterior draws');
  assert.equal(curveBasisText('point', 100, 'bootstrap'), "the fitted model's point estimate");
  assert.match(curveNote('point', 100, 'bootstrap'), /^Curves: the fitted model's point estimate\. The simulator .*\(expected over 100 bootstrap replicates/);
  assert.match(curveNote('expected', 100, 'bootstrap'), /^Curves: expected over 100 bootstrap replicates\. The explorer's response curves and the flighted plan use the fitted model's point estimate/);
  // Without replicates the expected curves are the point estimate, and nothing differs.
  assert.equal(curveNote('expected', 0, 'bootstrap'), "Curves: the fitted model's point estimate (the model has no replicates to average).");
});

test('the replicate counts agree with the engine', () => {
  const m: MmmModel = { ...testModel(), bootstrapRoi: [[1, 2], [1.1, 2.1], [0.9, 1.9]] };
  assert.equal(modelReplicates(m), replicateModels(m).length);
  assert.equal(expectedReplicates(responseModelFromMmm(m, { uncertainty: 'expected' })), 3);
  assert.equal(expectedReplicates(responseModelFromMmm(testModel(), { uncertainty: 'expected' })), 0);
});
