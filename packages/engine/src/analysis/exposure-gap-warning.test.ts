import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fitMmm } from '../fit/fit-mmm.ts';
import { simulate } from '../simulate/simulate.ts';
import { retailWeeklyOptions } from '../simulate/presets/retail-weekly.ts';
import { defaultModelSpec, type ModelSpec } from '../spec/model-spec.ts';
import type { ModelingTable } from '../spec/modeling-table.ts';
import type { MmmModel } from '../model/mmm-model.ts';
import { fitWarnings } from './fit-warnings.ts';
import { summarizeModel } from './summarize.ts';
import { exposureGapText } from './exposure-gap-warning.ts';

const TINY: Partial<ModelSpec> = { search: { iterations: 200, trials: 2, seed: 1, weights: { nrmseTrain: 1, nrmseValidation: 1, decompRssd: 0, mapeLift: 1 }, bootstrap: 0, posterior: 0 } };

async function tvOnExposure(gaps: number): Promise<MmmModel> {
  const base = retailWeeklyOptions(4);
  const sim = simulate({ ...base, channels: base.channels.map((c) => (c.name === 'tv' ? { ...c, exposure: { cpm: 12, drift: 0.5 } } : c)) });
  const tv = sim.table.channels[0];
  // Exposure missing in `gaps` weeks where tv spent (a lost impressions export).
  const spent = Array.from(tv.spend.keys()).filter((t) => tv.spend[t] > 0).slice(10, 10 + gaps);
  const exposure = tv.exposure!.map((v, t) => (spent.includes(t) ? 0 : v));
  const table: ModelingTable = { ...sim.table, channels: [{ ...tv, exposure }, ...sim.table.channels.slice(1)] };
  const names = table.channels.map((c) => c.name);
  const channels = defaultModelSpec({ nTimes: table.dates.length, frequency: 'weekly', channels: names }).channels.map((c) => (c.name === 'tv' ? { ...c, media: 'exposure' as const } : c));
  return fitMmm(table, { ...TINY, channels });
}

test('a channel on exposure: summary names column and cost per 1,000; spend is the actual spend; model.json round-trips', async () => {
  const model = await tvOnExposure(0);
  const s = summarizeModel(model);
  const tv = s.channels[0];
  assert.equal(tv.media?.column, 'tv_exposure');
  assert.ok(Math.abs(tv.media!.cost_per_1000 - 12 * 1.25) < 1.5, `${tv.media?.cost_per_1000}`);
  assert.equal(s.channels[1].media, undefined);
  const actual = model.channels[0].media!.spend.reduce((a, b) => a + b, 0);
  assert.equal(tv.spend, actual);
  const revived = JSON.parse(JSON.stringify(model)) as MmmModel;
  assert.deepEqual(summarizeModel(revived).channels.map((c) => c.roi), s.channels.map((c) => c.roi));
  assert.equal(revived.spec.channels[0].media, 'exposure');
  assert.equal(fitWarnings(model).some((w) => w.code === 'EXPOSURE_GAPS'), false);
});

test('EXPOSURE_GAPS: spend without exposure in more than 3 fitted periods, with the dates', async () => {
  const model = await tvOnExposure(5);
  const w = fitWarnings(model).find((x) => x.code === 'EXPOSURE_GAPS');
  assert.equal(w?.channel, 'tv');
  assert.match(w!.message, /tv was modelled on its exposure \(tv_exposure\), but in 5 fitted periods .*\d{4}-\d\d-\d\d/);
  assert.equal(exposureGapText({ ...model, channels: model.channels.map(({ media: _m, ...c }) => c) }, 0), null);
});
