import { test } from 'node:test';
import assert from 'node:assert/strict';
import { dataShownText, sparseChannelText, sparseDataText } from './sparse-data-text.ts';

const few = { active: 3, periods: 156, first: 49, kind: 'few' as const };

test('sparseChannelText: how few periods the channel spent in, and that its sustained response is the curve\'s guess', () => {
  assert.equal(sparseChannelText('tv', few),
    'Few periods of data: tv spent in only 3 of the 156 fitted periods, so its response at a sustained level of spend is the fitted curve\'s guess.');
  assert.match(sparseChannelText('radio', { active: 8, periods: 156, first: 148, kind: 'launched' }), /^Few periods of data: radio first spent in the last 8 of the 156 fitted periods/);
});

test('dataShownText names zero and the spending periods for a sparse range; sparseDataText is empty without one', () => {
  assert.equal(dataShownText({ low: 100, high: 250 }, String), 'the data show 100 to 250');
  assert.equal(dataShownText({ low: 100, high: 250, sparse: few }, String), 'the data show 0, and 100 to 250 in the 3 periods it spent');
  assert.equal(sparseDataText([{ channel: 'tv', dataRange: { low: 1, high: 2 } }, { channel: 'search', dataRange: null }]), '');
  assert.match(sparseDataText([{ channel: 'tv', dataRange: { low: 1, high: 2, sparse: few } }]), /^ Few periods of data: tv spent in only 3 of the 156 fitted periods, so its response/);
});
