import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isMeridianShaped, meridianSourcesText } from './meridian-shape.ts';

const MERIDIAN = ['geo', 'time', 'Channel0_impression', 'Channel0_spend', 'sentiment_score_control', 'conversions', 'revenue_per_conversion', 'population'];

test('isMeridianShaped: geo, time, population, conversions and a channel with _impression and _spend', () => {
  assert.equal(isMeridianShaped(MERIDIAN), true);
  assert.equal(isMeridianShaped(MERIDIAN.filter((c) => c !== 'revenue_per_conversion')), true, 'revenue_per_conversion is optional, as for the sources reader');
  for (const left of ['geo', 'time', 'population', 'conversions', 'Channel0_impression']) {
    assert.equal(isMeridianShaped(MERIDIAN.filter((c) => c !== left)), false, left);
  }
});

test('meridianSourcesText names the sources: { meridian } key with the file\'s base name and the docs', () => {
  assert.match(meridianSourcesText('/data/x/geo_media.csv'), /"sources: \{ meridian: geo_media\.csv \}" in mixwise\.yaml.*\(docs\/config\.md, sources\)/);
});
