import { test } from 'node:test';
import assert from 'node:assert/strict';
import { effectBuildUpText, effectTimingCaption, effectTimingText } from './effect-timing-text.ts';

test('effectTimingText: the peak and the 50% and 90% lags in the data\'s periods', () => {
  assert.equal(effectTimingText({ peak_lag: 9, lag_50: 10, lag_90: 19, period: 'week' }), 'peaks in week 9; half by week 10, 90% by week 19');
  assert.equal(effectTimingText({ peak_lag: 0, lag_50: 0, lag_90: 3, period: 'day' }), 'peaks in day 0; half by day 0, 90% by day 3');
  assert.match(effectTimingCaption('day'), /^days after the spend, day 0 being the day of the spend/);
});

test('effectBuildUpText: the 50% and 90% lags, the tail of effectTimingText', () => {
  const t = { peak_lag: 0, lag_50: 1, lag_90: 4, period: 'day' as const };
  assert.equal(effectBuildUpText(t), 'half by day 1, 90% by day 4');
  assert.ok(effectTimingText(t).endsWith(`; ${effectBuildUpText(t)}`));
});
