import { test } from 'node:test';
import assert from 'node:assert/strict';
import { nextSliderRanges, sliderMax } from './slider-range.ts';

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

test('nextSliderRanges: a thumb\'s own moves never shrink its range; a typed amount, Optimise or Reset set it anew', () => {
  const current = [160_000, 50_000], high = [undefined, undefined];
  const first = nextSliderRanges(null, current, current, high, null, 0);
  assert.deepEqual(first.max, [480_000, 150_000]);
  // Typed 50M: the top reaches it.
  const typed = nextSliderRanges(first, [50e6, 50_000], current, high, null, 0);
  assert.deepEqual(typed.max, [50e6, 150_000]);
  // Dragged down by its thumb: the top stays (the range does not shrink under the pointer).
  const dragged = nextSliderRanges(typed, [20e6, 50_000], current, high, { index: 0, value: 20e6 }, 0);
  assert.deepEqual(dragged.max, [50e6, 150_000]);
  // A render with the same spend (a what-if reply) changes nothing.
  assert.deepEqual(nextSliderRanges(dragged, [20e6, 50_000], current, high, null, 0).max, [50e6, 150_000]);
  // Typed back down: the range shrinks to the new spend's.
  assert.deepEqual(nextSliderRanges(dragged, [200_000, 50_000], current, high, null, 0).max, [480_000, 150_000]);
  // A thumb move recorded earlier does not make a later change from elsewhere (the total field) sticky.
  assert.deepEqual(nextSliderRanges(dragged, [200_000, 50_000], current, high, { index: 0, value: 20e6 }, 0).max, [480_000, 150_000]);
  // Reset: back to the reset state's range, even for a channel whose spend Reset did not change.
  assert.deepEqual(nextSliderRanges(typed, [160_000, 50_000], current, high, null, 1).max, [480_000, 150_000]);
  assert.deepEqual(nextSliderRanges({ spend: current, max: [50e6, 150_000], resets: 0 }, current, current, high, null, 1).max, [480_000, 150_000]);
  // After Reset, ArrowRight (1% of the range) moves 4,800, not 500,000.
  const reset = nextSliderRanges(typed, current, current, high, null, 1);
  assert.equal(current[0] + 0.01 * reset.max[0], 164_800);
});
