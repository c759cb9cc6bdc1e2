import { test } from 'node:test';
import assert from 'node:assert/strict';
import { curveBasisText, referencePeriodsText } from './curve-basis-text.ts';

test('curveBasisText names the averaged curves with their count and kind, or the point estimate', () => {
  assert.equal(curveBasisText('expected', 100, 'bootstrap'), 'expected over 100 bootstrap replicates');
  assert.equal(curveBasisText('expected', 400, 'posterior'), 'expected over 400 posterior draws');
  assert.equal(curveBasisText('point', 100, 'bootstrap'), "the fitted model's point estimate");
  assert.match(curveBasisText('expected', 0, 'bootstrap'), /no replicates to average/);
});

test('referencePeriodsText says which periods "current" spend averages, naming --reference-periods when it was narrowed', () => {
  assert.equal(referencePeriodsText(13, 208), 'the mean spend per period over the last 13 of the 208 modeled periods (--reference-periods 13)');
  assert.equal(referencePeriodsText(208, 208), 'the mean spend per period over all 208 modeled periods');
  // The API names its own field in the brackets.
  assert.equal(referencePeriodsText(13, 208, '"referencePeriods": 13'), 'the mean spend per period over the last 13 of the 208 modeled periods ("referencePeriods": 13)');
  assert.equal(referencePeriodsText(208, 208, '"referencePeriods": 208'), 'the mean spend per period over all 208 modeled periods');
});
