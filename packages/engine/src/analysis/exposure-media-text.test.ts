import { test } from 'node:test';
import assert from 'node:assert/strict';
import { costPer1000Text, exposureMediaText, exposurePlanText } from './exposure-media-text.ts';

test('names each channel on exposure with its column and cost per 1,000; null when all are on spend', () => {
  const text = exposureMediaText([
    { name: 'tv', media: { basis: 'exposure', column: 'tv_grps', cost_per_1000: 15.2 } },
    { name: 'search' },
    { name: 'ooh', media: { basis: 'exposure', column: 'ooh_imps', cost_per_1000: 1234.5 } },
  ]);
  assert.match(text ?? '', /^Modelled on exposure instead of spend: tv \(tv_grps, 15\.20 per 1,000 on average\), ooh \(ooh_imps, 1,235 per 1,000 on average\); /);
  assert.equal(exposureMediaText([{ name: 'search' }]), null);
});

test('a cost per 1,000 is printed from the unrounded value, without a padded trailing zero', () => {
  assert.equal(costPer1000Text(11.546), '11.55');
  assert.equal(costPer1000Text(15.2), '15.20');
  assert.equal(costPer1000Text(1234.5), '1,235');
  assert.equal(costPer1000Text(0.012345), '0.0123');
  assert.match(exposureMediaText([{ name: 'tv', media: { basis: 'exposure', column: 'tv_grps', cost_per_1000: 11.546 } }]) ?? '', /tv \(tv_grps, 11\.55 per 1,000/);
});

test('the plan line gives the reference periods\' cost and the window average, or the window average alone', () => {
  assert.equal(exposurePlanText([{ name: 'tv', costPer1000: 15.2, windowCostPer1000: 11.546, basis: 'reference' }]),
    'tv is modelled on exposure: planned at the cost per 1,000 of the reference periods, 15.20 (window average 11.55)');
  assert.equal(exposurePlanText([{ name: 'tv', costPer1000: 11.546, windowCostPer1000: 11.546, basis: 'window' }, { name: 'search', costPer1000: 2, windowCostPer1000: 2, basis: 'window' }]),
    "tv, search are modelled on exposure: planned at the window's average cost per 1,000, tv 11.55, search 2.00");
  assert.equal(exposurePlanText([]), null);
});
