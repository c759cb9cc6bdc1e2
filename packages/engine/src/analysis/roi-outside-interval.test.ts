import { test } from 'node:test';
import assert from 'node:assert/strict';
import { roiOutsideIntervalWarnings } from './roi-outside-interval.ts';

test('roiOutsideIntervalWarnings names each channel whose point ROI lies outside its own interval, and which side', () => {
  const out = roiOutsideIntervalWarnings([
    { name: 'x1', roi: 154.53, roi_interval: [114.16, 133.21] },
    { name: 'x2', roi: 166.79, roi_interval: [154.27, 181.71] },
    { name: 'tv', roi: 0.5, roi_interval: [0.8, 1.2] },
    { name: 'radio', roi: 2, roi_interval: null },
    { name: 'print', roi: NaN, roi_interval: [1, 2] },
  ]);
  assert.deepEqual(out.map((w) => [w.code, w.channel]), [['ROI_OUTSIDE_INTERVAL', 'x1'], ['ROI_OUTSIDE_INTERVAL', 'tv']]);
  assert.match(out[0].message, /^the ROI of x1, 155, lies above its own 90% interval 114–133: /);
  assert.match(out[1].message, /^the ROI of tv, 0\.5, lies below its own 90% interval 0\.8–1\.2: /);
  // The interval's ends count as inside.
  assert.deepEqual(roiOutsideIntervalWarnings([{ name: 'a', roi: 1, roi_interval: [1, 2] }]), []);
});
