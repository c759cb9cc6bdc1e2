import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SPARSE_MIN_PERIODS, sparseSpend, sparseSpendText, spendActivity } from './sparse-spend.ts';
import { simulatePreset } from '../simulate/presets/index.ts';

const burst = (n: number, on: (t: number) => boolean, level = 300): number[] => Array.from({ length: n }, (_, t) => (on(t) ? level : 0));

test('spendActivity counts the rows with spend over [start, end) and the first one', () => {
  assert.deepEqual(spendActivity([0, 5, 0, 3], 0, 4), { active: 2, periods: 4, first: 1 });
  assert.deepEqual(spendActivity([9, 0, 0, 3, 0], 1, 5), { active: 1, periods: 4, first: 2 });
  assert.deepEqual(spendActivity([0, 0, 0], 0, 3), { active: 0, periods: 3, first: null });
});

test('a 3-week burst in 156 weeks is sparse; a launch in the last 8 weeks too; none spend is "few"', () => {
  assert.equal(sparseSpend(spendActivity(burst(156, (t) => t >= 49 && t <= 51), 0, 156)), 'few');
  assert.equal(sparseSpend(spendActivity(burst(156, (t) => t >= 148), 0, 156)), 'launched');
  assert.equal(sparseSpend(spendActivity(burst(156, () => false), 0, 156)), 'few');
  // 12 of 156 weeks (under 10%) in four bursts of three: still sparse; six such bursts (18 weeks) are not.
  assert.equal(sparseSpend(spendActivity(burst(156, (t) => t % 40 < 3), 0, 156)), 'few');
  assert.equal(sparseSpend(spendActivity(burst(156, (t) => t % 30 < 3), 0, 156)), null);
});

test('always-on, flighted (on half the time), event-like (29 of 208 weeks) and daily influencer-like channels are not sparse', () => {
  assert.equal(sparseSpend(spendActivity(burst(156, () => true), 0, 156)), null);
  assert.equal(sparseSpend(spendActivity(burst(156, (t) => Math.floor(t / 4) % 2 === 0), 0, 156)), null);
  // the b2b preset's 'events' channel: 1–2-week bursts every couple of months.
  assert.equal(sparseSpend(spendActivity(burst(208, (t) => t % 7 === 3), 0, 208)), null);
  // the ecommerce preset's influencer: ~200 of 731 days in 13 campaigns.
  assert.equal(sparseSpend(spendActivity(burst(731, (t) => t % 56 < 15), 0, 731)), null);
  // launched 40 weeks before the end of 156 (26% of the periods): enough history, not flagged.
  assert.equal(sparseSpend(spendActivity(burst(156, (t) => t >= 116), 0, 156)), null);
});

test('short data: fewer than SPARSE_MIN_PERIODS active periods is sparse even above 10%', () => {
  assert.equal(SPARSE_MIN_PERIODS, 8);
  assert.equal(sparseSpend({ active: 7, periods: 52, first: 10 }), 'few');
  assert.equal(sparseSpend({ active: 8, periods: 52, first: 10 }), null);
});

test('sparseSpendText names the channel and the counts', () => {
  assert.equal(sparseSpendText('tv', { active: 3, periods: 156, first: 49 }, 'few'), 'tv spent in only 3 of the 156 fitted periods');
  assert.equal(sparseSpendText('social', { active: 8, periods: 156, first: 148 }, 'launched'), 'social first spent in the last 8 of the 156 fitted periods (spend in 8 of them)');
  assert.equal(sparseSpendText('radio', { active: 0, periods: 52, first: null }, 'few'), 'radio has no spend in any of the 52 fitted periods');
});

test('a short data set is not sparse for a channel that spent in most of it', () => {
  assert.equal(sparseSpend({ active: 5, periods: 5, first: 0 }), null);
  assert.equal(sparseSpend({ active: 4, periods: 5, first: 1 }), null);
  assert.equal(sparseSpend({ active: 2, periods: 6, first: 4 }), 'launched');
});

test('no channel of the simulated presets is sparse (always-on, flighted, campaign and event channels), with or without a holdout', () => {
  for (const preset of ['retail', 'ecommerce', 'b2b'] as const) {
    for (let seed = 1; seed <= 5; seed++) {
      for (const c of simulatePreset(preset, seed).table.channels) {
        for (const holdout of [0, 8]) {
          const a = spendActivity(c.spend, 0, c.spend.length - holdout);
          assert.equal(sparseSpend(a), null, `${preset} seed ${seed} ${c.name}: ${a.active} of ${a.periods}`);
        }
      }
    }
  }
});
