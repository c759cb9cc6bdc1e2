import { test } from 'node:test';
import assert from 'node:assert/strict';
import { exposureMediaText } from './exposure-media-text.ts';

test('names each channel on exposure with its column and cost per 1,000; null when all are on spend', () => {
  const text = exposureMediaText([
    { name: 'tv', media: { basis: 'exposure', column: 'tv_grps', cost_per_1000: 15.2 } },
    { name: 'search' },
    { name: 'ooh', media: { basis: 'exposure', column: 'ooh_imps', cost_per_1000: 1234.5 } },
  ]);
  assert.match(text ?? '', /^Modelled on exposure instead of spend: tv \(tv_grps, 15\.20 per 1,000 on average\), ooh \(ooh_imps, 1,235 per 1,000 on average\); /);
  assert.equal(exposureMediaText([{ name: 'search' }]), null);
});
