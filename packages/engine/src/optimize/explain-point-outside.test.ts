import { test } from 'node:test';
import assert from 'node:assert/strict';
import { pointOutsideSentence } from './explain-point-outside.ts';

test('pointOutsideSentence: nothing inside the range or without one; above and below it say which way and what to trust', () => {
  assert.equal(pointOutsideSentence(50, [10, 100]), '');
  assert.equal(pointOutsideSentence(10, [10, 100]), '', 'the ends belong to the range');
  assert.equal(pointOutsideSentence(500, null), '');
  const above = pointOutsideSentence(132201, [4716, 105977]);
  assert.match(above, /^ The predicted lift \(\+132,201\) is above that range: .*Plan on the range, not on the point\.$/);
  const below = pointOutsideSentence(-20, [-5, 30]);
  assert.match(below, /^ The predicted lift \(-20\) is below that range: 95% of the replicates predict more/);
});
