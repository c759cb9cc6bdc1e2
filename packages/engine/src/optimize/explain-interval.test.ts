import { test } from 'node:test';
import assert from 'node:assert/strict';
import { intervalSentence, pointOutsideSentence } from './explain-interval.ts';

test('pointOutsideSentence: nothing inside the range or without one; above and below it say which way and what to trust', () => {
  assert.equal(pointOutsideSentence(50, [10, 100]), '');
  assert.equal(pointOutsideSentence(10, [10, 100]), '', 'the ends belong to the range');
  assert.equal(pointOutsideSentence(500, null), '');
  const above = pointOutsideSentence(132201, [4716, 105977]);
  assert.match(above, /^ The predicted lift \(\+132,201\) is above that range: .*Plan on the range, not on the point\.$/);
  const below = pointOutsideSentence(-20, [-5, 30]);
  assert.match(below, /^ The predicted lift \(−20\) is below that range: 95% of the replicates predict more/);
});

test('intervalSentence: with the headline lift, the outside-the-range sentence follows the range; inside it or without a lift, nothing more', () => {
  const range = intervalSentence([4716, 105977], 100);
  assert.equal(intervalSentence([4716, 105977], 100, 132201), range + pointOutsideSentence(132201, [4716, 105977]));
  assert.equal(intervalSentence([4716, 105977], 100, 50000), range);
  assert.equal(intervalSentence(null, 0, 132201), '');
});
