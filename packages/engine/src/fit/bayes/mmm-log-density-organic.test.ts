/**
 * The Bayesian density with organic media: each series gets curve coordinates and a log share (no
 * ROI prior), the gradient is still the density's, and decode gives the organic contribution in KPI units.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mmmLogDensity, ORGANIC_SHARE_SD } from './mmm-log-density.ts';
import { bayesRoiPrior } from './bayes-roi-prior.ts';
import { buildSearchProblem } from '../search/search-problem.ts';
import { defaultModelSpec, type ModelSpec } from '../../spec/model-spec.ts';
import { randomScenario } from '../../simulate/random-scenario.ts';
import { channelContribution } from '../../model/channel-response.ts';
import { sumRange } from '../../analysis/decomposition.ts';
import { createRng } from '../../random/rng.ts';
import { normal } from '../../random/distributions.ts';
import { DEFAULT_ROI_PRIOR } from '../posterior/roi-prior.ts';
import type { ModelingTable } from '../../spec/modeling-table.ts';

const sim = randomScenario(11, { nTimes: 80, nChannels: 2, noise: 0.05 });
const rng = createRng(5);
const exposure = Float64Array.from({ length: 80 }, () => (rng.next() < 0.4 ? 1000 + 3000 * rng.next() : 20));
const table: ModelingTable = { ...sim.table, organic: [{ name: 'newsletter', column: 'newsletter_sends', values: exposure }] };
const names = table.channels.map((c) => c.name);

function problem() {
  const base = defaultModelSpec({ nTimes: 80, frequency: 'weekly', channels: names, organic: ['newsletter'] });
  const spec: ModelSpec = {
    ...base,
    channels: base.channels.map((c) => ({ ...c, adstock: 'geometric' as const, maxLag: 12 })),
    organic: base.organic!.map((c) => ({ ...c, adstock: 'geometric' as const, maxLag: 8 })),
  };
  return buildSearchProblem(table, spec);
}

function randomPosition(dim: number, seed: number): Float64Array {
  const r = createRng(seed);
  return Float64Array.from({ length: dim }, () => normal(r, 0, 0.7));
}

test('organic media: a log share after the paid channels, and the gradient matches central differences', () => {
  const d = mmmLogDensity(problem(), { roi: DEFAULT_ROI_PRIOR });
  const blk = d.layout.channels.at(-1)!;
  assert.equal(blk.organic, true);
  assert.equal(d.layout.names[blk.effectOffset], 'newsletter.log_share');
  assert.deepEqual(d.layout.channels.map((c) => c.organic), [false, false, true]);
  const grad = new Float64Array(d.layout.dim), scratch = new Float64Array(d.layout.dim);
  for (const seed of [1, 2, 3]) {
    const x = randomPosition(d.layout.dim, seed);
    x[d.layout.logSigma] = -1;
    assert.ok(Number.isFinite(d.logDensity(x, grad)));
    for (let i = 0; i < d.layout.dim; i++) {
      const h = 1e-4, x0 = x[i];
      x[i] = x0 + h; const up = d.logDensity(x, scratch);
      x[i] = x0 - h; const down = d.logDensity(x, scratch);
      x[i] = x0;
      const fd = (up - down) / (2 * h);
      assert.ok(Math.abs(fd - grad[i]) <= 2e-5 * (1 + Math.abs(fd)), `${d.layout.names[i]}: gradient ${grad[i]} vs differences ${fd}`);
    }
  }
});

test('organic media: the share prior is half-normal (no ROI prior), decode gives share × mean KPI × n as the contribution, encode inverts it', () => {
  const p = problem();
  const d = mmmLogDensity(p, { roi: DEFAULT_ROI_PRIOR });
  const blk = d.layout.channels.at(-1)!;
  const x = randomPosition(d.layout.dim, 7);
  const grad = new Float64Array(d.layout.dim);
  // Moving log share by δ changes the prior by δ − (e^{2(ρ+δ)} − e^{2ρ}) / (2 sd²); the ROI prior's median plays no part.
  const other = mmmLogDensity(p, { roi: { median: 50, sdLog: 0.1 } });
  const lp = (dd: typeof d, z: number) => { const v = Float64Array.from(x); v[blk.effectOffset] = z; return dd.logDensity(v, grad); };
  const z0 = x[blk.effectOffset];
  assert.ok(Math.abs((lp(d, z0 + 0.3) - lp(d, z0)) - (lp(other, z0 + 0.3) - lp(other, z0))) < 1e-9);

  const draw = d.decode(x);
  assert.equal(draw.channels.length, 2);
  assert.equal(draw.organic.length, 1);
  const o = draw.organic[0];
  assert.ok(Math.abs(o.share - Math.exp(x[blk.effectOffset])) < 1e-12);
  const contribution = channelContribution({ ...o, spend: exposure, maxLag: 8 });
  let yMean = 0;
  for (let t = p.fitStart; t < p.fitEnd; t++) yMean += p.target[t];
  yMean /= p.fitEnd - p.fitStart;
  const total = sumRange(contribution, p.fitStart, p.fitEnd);
  assert.ok(Math.abs(total - o.share * yMean * (p.fitEnd - p.fitStart)) < 1e-6 * total, `${total} vs share × mean × n`);
  const back = d.encode(draw);
  for (let i = 0; i < x.length; i++) assert.ok(Math.abs(back[i] - x[i]) < 1e-6, `${d.layout.names[i]}: ${back[i]} vs ${x[i]}`);
  // The data-scaled ROI prior divides the KPI by paid spend only (exposure is not money).
  const withoutOrganic = buildSearchProblem(sim.table, { ...defaultModelSpec({ nTimes: 80, frequency: 'weekly', channels: names }) });
  assert.deepEqual(bayesRoiPrior(p, null), bayesRoiPrior(withoutOrganic, null));
  assert.ok(ORGANIC_SHARE_SD > 0);
});
