import { test } from 'node:test';
import assert from 'node:assert/strict';
import { pairedExposureNote } from './paired-exposure.ts';

test('pairedExposureNote names each pair and the channels left on spend; nothing when none was paired', () => {
  assert.equal(pairedExposureNote([{ name: 'Channel0', exposureColumn: 'Channel0_impression' }, { name: 'Channel1', exposureColumn: 'Channel1_impression' }]),
    'media exposure: Channel0 ← Channel0_impression, Channel1 ← Channel1_impression\n');
  assert.match(pairedExposureNote([{ name: 'tv', exposureColumn: 'tv_grps' }, { name: 'search' }, { name: 'social' }]),
    /^media exposure: tv ← tv_grps; on spend \(no exposure column named for them, e\.g\. search_impressions; or map one in a config\): search, social\n$/);
  assert.equal(pairedExposureNote([{ name: 'tv' }]), '');
});

test('pairedExposureNote: a channel whose exposure column is used as a control is said so, not told to name one', () => {
  assert.equal(pairedExposureNote([{ name: 'search', column: 'search_spend', exposureColumn: 'search_clicks' }, { name: 'tv', column: 'tv_spend' }], ['price', 'tv_impressions']),
    'media exposure: search ← search_clicks; tv on spend (tv_impressions is used as a control)\n');
});
