import { test } from 'node:test';
import assert from 'node:assert/strict';
import { drawSource, intervalSentence, pointOutsideSentence } from './explain-interval.ts';
import { explainInformationValue } from './explain-information-value.ts';

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

test('a Bayesian model\'s replicates are named posterior draws (NUTS), never bootstrap replicates', () => {
  assert.equal(drawSource({ bayes: undefined }), 'bootstrap');
  assert.equal(drawSource({ bayes: {} as never }), 'posterior');
  const s = intervalSentence([-20, -3], 200, -100, 'posterior');
  assert.match(s, /^ Across 200 posterior draws \(NUTS\) of the model, 90% of the predicted lifts lie between/);
  assert.match(s, /Every one of those posterior draws predicts less KPI/);
  assert.match(s, /95% of the posterior draws predict more/);
  assert.doesNotMatch(s, /bootstrap|replicate/);
  // The value-of-information sentence names them too.
  assert.match(explainInformationValue({ total: 0, channels: [], replicates: 200 } as never, 1e6, 'posterior'), /^No plausible set of curves \(posterior draws\)/);
});
