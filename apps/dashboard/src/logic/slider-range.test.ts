import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sliderMax } from './slider-range.ts';

test('sliderMax reaches 3× current, 1.5× the data and the spend shown', () => {
  assert.equal(sliderMax(100, 50, 120, 400), 300);
  assert.equal(sliderMax(100, 50, 400, 400), 600, 'history well above current');
  assert.equal(sliderMax(100, 750, 120, 400), 750, 'a typed or optimised spend beyond 3× is not clamped');
});

test('sliderMax gives a dormant channel a usable range', () => {
  assert.equal(sliderMax(0, 0, undefined, 400), 400);
  assert.equal(sliderMax(0, 0, 0, 0), 1);
  assert.equal(sliderMax(0, 0, 80, 400), 120, 'its history first');
});
