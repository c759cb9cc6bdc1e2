import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { MmmModel } from '../model/mmm-model.ts';
import { simulatePreset } from '../simulate/presets/index.ts';
import { fitMmm } from '../fit/fit-mmm.ts';
import { lateStartChannels } from './late-start-channels.ts';
import { responseModelFromMmm } from './response-model-from-mmm.ts';
import { planModelFromMmm } from './plan-model-from-mmm.ts';

/** What lateStartChannels reads of a model: the window, the dates and each channel's spend. */
function model(channels: Record<string, number[]>, window?: { start: number; end: number }): MmmModel {
  const n = Object.values(channels)[0].length;
  const dates = Array.from({ length: n }, (_, t) => new Date(Date.UTC(2021, 0, 4 + 7 * t)).toISOString().slice(0, 10));
  return { dates, window: window ?? { start: 0, end: n }, channels: Object.entries(channels).map(([name, spend]) => ({ name, spend })) } as unknown as MmmModel;
}

test('lateStartChannels: a channel dark for its first 60 of 100 weeks, then 10,000 a week, is named with its launch date, run-rate and the flags', () => {
  const m = model({ search: Array.from({ length: 100 }, () => 5000), tiktok: Array.from({ length: 100 }, (_, t) => (t < 60 ? 0 : 10000)) });
  const late = lateStartChannels(m);
  assert.deepEqual(late.map((l) => [l.channel, l.firstSpendDate, l.periodsSinceLaunch, l.meanSinceLaunch, l.referenceMean]), [['tiktok', m.dates[60], 40, 10000, 4000]]);
  assert.match(late[0].message, /^tiktok first spent on 2022-02-28 \(period 61 of the 100 reference periods\): its mean over the 40 periods since then is 10,000 per period, but its current spend, the mean over all 100 periods, is 4,000/);
  assert.match(late[0].message, /--current tiktok=10000 \(this channel only\) or --reference-periods 40/);
  // Reference periods after the launch, or the channel's current given: nothing to say.
  assert.deepEqual(lateStartChannels(m, { referencePeriods: 40 }), []);
  assert.deepEqual(lateStartChannels(m, { given: ['tiktok'] }), []);
  // Dark for a tenth of the window only: its run-rate is within 25% of the mean.
  assert.deepEqual(lateStartChannels(model({ tv: Array.from({ length: 100 }, (_, t) => (t < 10 ? 0 : 100)) })), []);
  // Flighted from the first period (dark weeks later): not a launch.
  assert.deepEqual(lateStartChannels(model({ tv: Array.from({ length: 100 }, (_, t) => (t % 2 === 0 ? 100 : 0)) })), []);
});

test('responseModelFromMmm and planModelFromMmm take a channel\'s current spend as given; a name that is no channel, or a negative amount, is an error', async () => {
  const sim = simulatePreset('retail', 3);
  const fitted = await fitMmm(sim.table, { search: { iterations: 200, trials: 1, seed: 1, bootstrap: 0, posterior: 0, weights: { nrmseTrain: 1, nrmseValidation: 1, decompRssd: 0, mapeLift: 1 } } });
  const name = fitted.channels[0].name;
  const rm = responseModelFromMmm(fitted, { current: { [name]: 12345 } });
  assert.equal(rm.channels[0].current, 12345);
  assert.equal(rm.channels[1].current, responseModelFromMmm(fitted).channels[1].current);
  const pm = planModelFromMmm(fitted, { current: { [name]: 12345 } });
  assert.equal(pm.channels[0].after, 12345);
  assert.deepEqual(pm.built?.current, { [name]: 12345 });
  assert.throws(() => responseModelFromMmm(fitted, { current: { nope: 1 } }), /"nope", which is not a channel of the model/);
  assert.throws(() => responseModelFromMmm(fitted, { current: { [name]: -1 } }), /finite amount ≥ 0/);
});
