import { test } from 'node:test';
import assert from 'node:assert/strict';
import { simulatePreset } from '../simulate/presets/index.ts';
import { channelContribution } from '../model/channel-response.ts';
import { fitMmm } from '../fit/fit-mmm.ts';
import { fitWarnings } from '../analysis/fit-warnings.ts';
import { responseModelFromMmm } from './response-model-from-mmm.ts';
import { allocateBudget } from './allocate-budget.ts';
import { explainAllocation } from './explain-allocation.ts';
import type { ModelingTable } from '../spec/modeling-table.ts';

const SEARCH = { iterations: 600, trials: 2, seed: 1, bootstrap: 0, posterior: 0, weights: { nrmseTrain: 1, nrmseValidation: 1, decompRssd: 0, mapeLift: 1 } };

/**
 * The retail preset with tv spending 300,000 in weeks 50–52 only, the KPI recomputed from the known tv
 * curve: at its mean spend (5,769 a week) sustained, tv's true ROI is about 0.09.
 */
function burstTv(): { table: ModelingTable; trueSustainedRoi: number } {
  const sim = simulatePreset('retail', 5);
  const truth = sim.truth.channels.find((c) => c.name === 'tv');
  assert.ok(truth);
  const k = sim.table.channels.findIndex((c) => c.name === 'tv');
  const curve = { adstock: truth.adstock, maxLag: truth.maxLag, saturation: truth.saturation, scale: truth.scale, coef: truth.beta };
  const before = channelContribution({ ...curve, spend: Array.from(sim.table.channels[k].spend) });
  // the known curve reproduces the simulator's tv contributions
  sim.truth.contributions.tv.forEach((v, t) => assert.ok(Math.abs(v - before[t]) < 1e-6 * Math.max(1, Math.abs(v))));
  const spend = Float64Array.from(sim.table.channels[k].spend, (_, t) => (t >= 49 && t <= 51 ? 300_000 : 0));
  const after = channelContribution({ ...curve, spend });
  const values = Float64Array.from(sim.table.target.values, (y, t) => y - before[t] + after[t]);
  const mean = spend.reduce((a, b) => a + b, 0) / spend.length;
  const sustained = channelContribution({ ...curve, spend: Array.from({ length: 200 }, () => mean) })[199];
  return {
    table: { ...sim.table, target: { ...sim.table.target, values }, channels: sim.table.channels.map((c, i) => (i === k ? { ...c, spend } : c)) },
    trueSustainedRoi: sustained / mean,
  };
}

test('a channel that spent in 3 of 156 weeks: the fit warns, the planner marks its sustained levels as beyond the data and cautions', async () => {
  const { table, trueSustainedRoi } = burstTv();
  assert.ok(trueSustainedRoi < 0.1, String(trueSustainedRoi));
  const model = await fitMmm(table, { search: SEARCH });
  const warnings = fitWarnings(model).filter((w) => w.code === 'SPARSE_SPEND');
  assert.deepEqual(warnings.map((w) => w.channel), ['tv']);
  assert.match(warnings[0].message, /^tv spent in only 3 of the 156 fitted periods/);

  const rm = responseModelFromMmm(model);
  const tv = rm.channels.find((c) => c.name === 'tv');
  assert.ok(tv?.observed?.sparse, JSON.stringify(tv?.observed));
  assert.deepEqual({ active: tv.observed.sparse.active, periods: tv.observed.sparse.periods, kind: tv.observed.sparse.kind }, { active: 3, periods: 156, kind: 'few' });
  // the levels of the burst weeks only: far above the sustained mean (and its double), which history never held
  assert.ok(tv.observed.low > 4 * tv.current, `${JSON.stringify(tv.observed)} vs current ${tv.current}`);
  // always-on and flighted channels keep the whole-history range, with current spend inside
  for (const c of rm.channels.filter((x) => x.name !== 'tv')) {
    assert.equal(c.observed?.sparse, undefined, c.name);
    assert.ok(c.observed && c.observed.low <= c.current && c.current <= c.observed.high, c.name);
  }

  const r = allocateBudget(rm, { budget: rm.channels.reduce((s, c) => s + c.current, 0), constraints: { defaults: { min: { type: 'multiple', value: 0.5 }, max: { type: 'multiple', value: 2 } } } });
  assert.ok(r.feasible);
  const plan = r.channels.find((c) => c.channel === 'tv');
  assert.equal(plan?.beyondData, 'below');
  assert.equal(r.channels.filter((c) => c.beyondData !== null && c.channel !== 'tv').length, 0, JSON.stringify(r.channels.map((c) => [c.channel, c.beyondData])));
  const text = explainAllocation(r);
  assert.match(text, /tv at [\d,]+, below any sustained level in the data \(the data show 0, and [\d,]+ to [\d,]+ in the 3 periods it spent\)/);
  assert.match(text, /Few periods of data: tv spent in only 3 of the 156 fitted periods, so its response at a sustained level of spend is not identified/);
  assert.match(text, /lift test/);
});
