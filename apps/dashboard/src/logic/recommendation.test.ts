import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { AllocationResult, ChannelAllocation } from '@mixwise/engine';
import { recommendation } from './recommendation.ts';

const ch = (channel: string, current: number, recommended: number): ChannelAllocation => ({
  channel, current, recommended, change: recommended - current, changeShare: current > 0 ? (recommended - current) / current : null,
  lower: 0, upper: 1e9, status: 'free', responseCurrent: 0, responseRecommended: 0, roiCurrent: null, roiRecommended: null, mroiCurrent: 1, mroiRecommended: 1, beyondData: null, dataRange: null,
});

const alloc = (channels: ChannelAllocation[]): AllocationResult => ({
  feasible: true, problem: 'budget', budget: 300, currentBudget: 300, channels,
  expected: { current: 1000, recommended: 1050, lift: 50, liftShare: 0.05 }, media: { current: 400, recommended: 450 },
  multiplier: 1, binding: ['budget'], method: 'kkt', optimalityGap: 0,
});

test('recommendation splits moves into grow and cut, largest first, ignoring small ones', () => {
  const r = recommendation(alloc([ch('tv', 100, 70), ch('search', 100, 140), ch('ooh', 50, 40), ch('radio', 50, 50.5)]), 'revenue', 52);
  assert.ok(r);
  assert.deepEqual(r.grow.map((m) => m.channel), ['search']);
  assert.deepEqual(r.cut.map((m) => m.channel), ['tv', 'ooh']); // |−30| > |−10|; radio +1% is below the 2% threshold
  assert.equal(r.lift, 50);
  assert.equal(r.sentences[0], 'Grow search from 100 to 140 per period (+40.0%).');
  assert.equal(r.sentences[1], 'Fund it by cutting tv from 100 to 70 per period (−30.0%); ooh from 50 to 40 per period (−20.0%).');
  // 50 × 52 = 2600 → '2.60k'
  assert.equal(r.sentences[2], 'With the same total budget this is expected to lift revenue by 50 per period (+5.0%), about 2.60k over 52 periods.');
});

test('recommendation says so when nothing moves, and is null when infeasible', () => {
  const r = recommendation(alloc([ch('tv', 100, 100.5)]), 'sales', 52);
  assert.equal(r?.grow.length, 0);
  assert.match(r!.sentences[0], /already close/);
});

test('a move stopped at a limit says so in the sentence', () => {
  const tv = { ...ch('tv', 100, 200), upper: 200, status: 'at-upper' as const };
  const ooh = { ...ch('ooh', 100, 50), lower: 50, status: 'at-lower' as const };
  const r = recommendation(alloc([tv, ooh, ch('search', 100, 150)]), 'revenue', 52);
  assert.ok(r);
  assert.equal(r.sentences[0], 'Grow tv from 100 to 200 per period (+100.0%, at its 2× limit); search from 100 to 150 per period (+50.0%).');
  assert.equal(r.sentences[1], 'Fund it by cutting ooh from 100 to 50 per period (−50.0%, at its 0.5× limit).');
  assert.equal(recommendation({ feasible: false, reason: 'CONFLICTING_BOUNDS', message: 'x', details: {} }, 'sales', 52), null);
});
